// The one module for where a case stands against its response target, in the target's own clock:
// business minutes of the customer's calendar for business-hours targets, real minutes for 24/7
// ones. Time left, breached by, met, and the minutes of any span in that clock. Pure (`now` is
// passed in), so the browser ticks it too.
import { businessMinutesBetween, tierCalendar, type BusinessCalendar, type Clock, type Tier } from '@/lib/sla'
import { responseStatus, type ResponseStatus } from './response-status'

/** How the database spells the engine's clock (the SlaClock enum). */
export type ClockColumn = 'BUSINESS' | 'CONTINUOUS'

/** The stored clock in the engine's words (no clock stored: real time). The one conversion this way. */
export const clockOf = (column: ClockColumn | null): Clock => (column === 'BUSINESS' ? 'business' : 'continuous')

/** The engine's clock as stored. The one conversion that way. */
export const clockColumnOf = (clock: Clock): ClockColumn => (clock === 'business' ? 'BUSINESS' : 'CONTINUOUS')

/** The customer's calendar as a Support ID gives it: its site's zone and the holidays it observes. */
export type CustomerCalendar = { timeZone: string; holidays: string[] }

/** A case's response target as the pages, the API and the mail speak of it (`none`: feedback has no target). */
export type CaseResponseTarget = { kind: 'deadline'; dueAt: Date; minutes: number; clock: Clock } | { kind: 'best-effort' } | { kind: 'none' }

/** A case's stored target columns as a CaseResponseTarget. The one conversion from the columns. */
export function toResponseTarget(c: {
  targetKind: 'DEADLINE' | 'BEST_EFFORT' | 'NONE'
  targetDueAt: Date | null
  targetMinutes: number | null
  targetClock: ClockColumn | null
}): CaseResponseTarget {
  if (c.targetKind === 'DEADLINE' && c.targetDueAt && c.targetMinutes !== null) {
    return { kind: 'deadline', dueAt: c.targetDueAt, minutes: c.targetMinutes, clock: clockOf(c.targetClock) }
  }
  return c.targetKind === 'NONE' ? { kind: 'none' } : { kind: 'best-effort' }
}

/**
 * The calendar a target's minutes are counted in: the tier's hours in the customer's calendar for
 * a business clock; null for real time (a 24/7 clock, a tier without business hours, no calendar).
 */
export function targetCalendar(tier: Tier, clock: ClockColumn | Clock | null, calendar: CustomerCalendar | null | undefined): BusinessCalendar | null {
  return (clock === 'BUSINESS' || clock === 'business') && calendar ? tierCalendar(tier, calendar.timeZone, calendar.holidays) : null
}

/** Minutes of [from, to) in a target's clock (`targetCalendar`); 0 when to ≤ from. */
export function minutesIn(calendar: BusinessCalendar | null, from: Date, to: Date): number {
  return calendar ? businessMinutesBetween(calendar, from, to) : Math.max(0, (to.getTime() - from.getTime()) / 60_000)
}

export type SlaState = {
  status: ResponseStatus
  /** Pending: minutes left until the target, in the target's clock. */
  minutesLeft?: number
  /** Breached: by how much, in the target's clock (until the response, or until now). */
  breachedByMinutes?: number
}

export type SlaStateCase = {
  tier: Tier
  targetKind: 'DEADLINE' | 'BEST_EFFORT' | 'NONE'
  targetDueAt: Date | null
  targetClock: ClockColumn | null
  firstResponseAt: Date | null
  calendar: CustomerCalendar
}

export function slaState(c: SlaStateCase, now: Date): SlaState {
  const status = responseStatus(c, now)
  if (status === 'best-effort' || status === 'met' || !c.targetDueAt) return { status }
  const calendar = targetCalendar(c.tier, c.targetClock, c.calendar)
  if (status === 'pending') return { status, minutesLeft: minutesIn(calendar, now, c.targetDueAt) }
  return { status, breachedByMinutes: minutesIn(calendar, c.targetDueAt, c.firstResponseAt ?? now) }
}

/** Time left as one number: positive while pending, negative by how much it is breached (queues, first paint). */
export const signedMinutes = (s: SlaState): number => (s.status === 'pending' ? (s.minutesLeft ?? 0) : -(s.breachedByMinutes ?? 0))
