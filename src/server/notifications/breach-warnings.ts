import 'server-only'
import { isOpenAt } from '@/lib/sla'
import { minutesIn, targetCalendar } from '@/lib/sla-state'
import { prisma } from '@/server/db/client'
import { appendCaseEvents } from '@/server/cases/case-write'
import { calendarsForSupportIds } from '@/server/support-ids/calendar'
import { notify } from './notify'
import { OPEN_STATUSES } from '@/lib/cases/status'

/** Warn this long before a response target is breached, in the target's own clock. */
export const BREACH_WARNING_MINUTES = 30
// 30 business minutes can be days of real time away (a weekend, a holiday week): business-clock
// candidates are fetched this far ahead and measured exactly.
const BUSINESS_HORIZON_MS = 21 * 86_400_000

/**
 * One warning per case whose first response is still due within BREACH_WARNING_MINUTES, to the
 * assignee or else the whole queue (every engineer). A business-hours target is measured in the
 * customer's business minutes and warned about only while the customer's calendar is open, so
 * nobody is woken for a deadline that cannot move before the next business morning.
 * Runs in the outbox worker; safe in several processes (the warning is claimed by setting
 * `breachWarningSentAt` only where it is still null, in the transaction that writes the mail).
 * Returns the numbers of the cases warned about.
 */
export async function sendBreachWarnings({
  now,
  windowMinutes = BREACH_WARNING_MINUTES,
  caseIds,
}: {
  now: Date
  windowMinutes?: number
  caseIds?: string[]
}): Promise<number[]> {
  const windowEnd = new Date(now.getTime() + windowMinutes * 60_000)
  const candidates = await prisma.case.findMany({
    where: {
      ...(caseIds ? { id: { in: caseIds } } : {}),
      status: { in: [...OPEN_STATUSES] },
      targetKind: 'DEADLINE',
      breachWarningSentAt: null,
      OR: [
        { targetClock: 'BUSINESS', responseDueAt: { gt: now, lte: new Date(now.getTime() + BUSINESS_HORIZON_MS) } },
        { targetClock: { not: 'BUSINESS' }, responseDueAt: { gt: now, lte: windowEnd } },
        { targetClock: null, responseDueAt: { gt: now, lte: windowEnd } },
      ],
    },
    select: { id: true, number: true, tier: true, supportIdId: true, responseDueAt: true, targetClock: true },
    orderBy: { responseDueAt: 'asc' },
    take: 500,
  })
  const business = candidates.filter((c) => c.targetClock === 'BUSINESS')
  const calendars = business.length
    ? await calendarsForSupportIds(
        prisma,
        business.map((c) => c.supportIdId),
      )
    : new Map()

  const warned: number[] = []
  for (const c of candidates) {
    const dueAt = c.responseDueAt!
    if (c.targetClock === 'BUSINESS') {
      // A business clock on a 24/7 tier (no calendar) counts real time, as the queues do.
      const calendar = targetCalendar(c.tier, c.targetClock, calendars.get(c.supportIdId))
      if (calendar && !isOpenAt(calendar, now)) continue
      if (minutesIn(calendar, now, dueAt) > windowMinutes) continue
    }
    const sent = await prisma.$transaction(async (tx) => {
      // NOTE: no version bump: the warning is the worker's bookkeeping, and must not make a
      // person's concurrent edit of the case fail as stale.
      const claimed = await tx.case.updateMany({
        where: { id: c.id, breachWarningSentAt: null, responseDueAt: dueAt },
        data: { breachWarningSentAt: now },
      })
      if (claimed.count === 0) return false
      const messages = await notify(tx, { kind: 'breach-warning', caseId: c.id }, now)
      await appendCaseEvents(tx, {
        caseId: c.id,
        actor: null,
        now,
        events: [{ type: 'case.breach-warning-sent', after: { responseDueAt: dueAt.toISOString(), messages }, internal: true }],
      })
      return true
    })
    if (sent) warned.push(c.number)
  }
  return warned
}
