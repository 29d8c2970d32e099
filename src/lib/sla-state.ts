// Where a case stands against its response target, in the target's own clock: business minutes
// for business-hours tiers, real minutes for 24/7 ones. Pure (`now` is passed in), so the
// browser can tick it too.
import { businessMinutesBetween, tierCalendar, type Tier } from '@/lib/sla'
import { responseStatus, type ResponseStatus } from './response-status'

export type SlaState = {
  status: ResponseStatus
  /** Pending: minutes left until the target, in the target's clock. */
  minutesLeft?: number
  /** Breached: by how much, in the target's clock (until the response, or until now). */
  breachedByMinutes?: number
}

export function slaState(
  c: {
    tier: Tier
    targetKind: 'DEADLINE' | 'BEST_EFFORT' | 'NONE'
    targetDueAt: Date | null
    targetClock: 'BUSINESS' | 'CONTINUOUS' | null
    firstResponseAt: Date | null
    calendar: { timeZone: string; holidays: string[] }
  },
  now: Date,
): SlaState {
  const status = responseStatus(c, now)
  if (status === 'best-effort' || status === 'met' || !c.targetDueAt) return { status }
  const calendar = c.targetClock === 'BUSINESS' ? tierCalendar(c.tier, c.calendar.timeZone, c.calendar.holidays) : null
  const between = (from: Date, to: Date) => (calendar ? businessMinutesBetween(calendar, from, to) : Math.max(0, (to.getTime() - from.getTime()) / 60_000))
  if (status === 'pending') return { status, minutesLeft: between(now, c.targetDueAt) }
  return { status, breachedByMinutes: between(c.targetDueAt, c.firstResponseAt ?? now) }
}
