import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { parseInput } from '@/server/errors'
import { calendarsForSupportIds } from '@/server/support-ids/calendar'
import { toResponseTarget } from '@/lib/sla-state'
import { signedMinutes, slaState } from '@/lib/sla-state'
import { responseStanding, describeResponseStanding } from '@/lib/response-standing'
import { ZEscalationQuery } from '@/lib/engineer/schemas'
import type { EscalationNote } from '@/server/engineer/get-vendor-case'

const MAX_ROWS = 500

/**
 * The Support Managers' queue of "talk to a manager" requests, oldest first, each with its case's
 * SLA state. Open and acknowledged ones by default; `status=all` includes resolved ones.
 */
export async function findEscalations({ actor, input = {}, now }: { actor: Actor; input?: unknown; now: Date }) {
  requireVendor(actor, 'MANAGER')
  const q = parseInput(ZEscalationQuery, input)
  const rows = await prisma.escalation.findMany({
    where: q.status === 'all' ? {} : { status: { in: ['OPEN', 'ACKNOWLEDGED'] } },
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    take: MAX_ROWS,
    select: {
      id: true,
      status: true,
      reason: true,
      preferredContactTime: true,
      openedAt: true,
      acknowledgedAt: true,
      resolvedAt: true,
      resolution: true,
      notes: true,
      requestedBy: { select: { name: true } },
      handledBy: { select: { name: true, email: true } },
      assignedEngineer: { select: { name: true, email: true } },
      case: {
        select: {
          number: true,
          title: true,
          status: true,
          tier: true,
          severity: true,
          supportIdId: true,
          regionCode: true,
          targetKind: true,
          targetDueAt: true,
          targetMinutes: true,
          targetClock: true,
          firstResponseAt: true,
          responseDueAt: true,
          closedAt: true,
          organisation: { select: { name: true } },
          assignee: { select: { name: true, email: true } },
        },
      },
    },
  })
  const calendars = await calendarsForSupportIds(
    prisma,
    rows.map((r) => r.case.supportIdId),
  )
  return {
    escalations: rows.map((e) => {
      const calendar = calendars.get(e.case.supportIdId) ?? { timeZone: 'UTC', holidays: [] }
      const sla = slaState({ ...e.case, calendar }, now)
      const standing = responseStanding({ ...e.case, calendar }, now)
      return {
        id: e.id,
        status: e.status,
        reason: e.reason,
        preferredContactTime: e.preferredContactTime,
        openedAt: e.openedAt,
        acknowledgedAt: e.acknowledgedAt,
        resolvedAt: e.resolvedAt,
        resolution: e.resolution,
        requestedBy: e.requestedBy.name,
        handledBy: e.handledBy,
        /** The engineer the manager assigned through this escalation (the case may have been reassigned since). */
        assignedEngineer: e.assignedEngineer,
        /** The engineer working the case now: its assignee, null when unassigned. */
        engineer: e.case.assignee,
        notes: (Array.isArray(e.notes) ? e.notes : []) as EscalationNote[],
        case: {
          number: e.case.number,
          title: e.case.title,
          status: e.case.status,
          organisation: e.case.organisation.name,
          tier: e.case.tier,
          severity: e.case.severity,
          region: e.case.regionCode,
          assignee: e.case.assignee,
          responseTarget: toResponseTarget(e.case),
          responseStatus: sla.status,
          /** The target's state in words, with a case closed before any response said as such (never "best effort"). */
          responseStanding: { kind: standing.kind, text: describeResponseStanding(standing) },
          timeLeftMinutes: e.case.responseDueAt ? signedMinutes(sla) : null,
          breachedByMinutes: sla.breachedByMinutes ?? null,
          tickCalendar: e.case.responseDueAt && e.case.targetClock === 'BUSINESS' ? calendar : null,
        },
      }
    }),
  }
}
export type EscalationRow = Awaited<ReturnType<typeof findEscalations>>['escalations'][number]
