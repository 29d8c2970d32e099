/**
 * The walk behind a response target, for people: which open periods were used, which holidays
 * and closed days were skipped, and which UTC-offset changes (DST) were met on the way.
 */
import { openIntervals } from './calendar'
import { describeWeeklyHours } from './hours'
import { SEVERITY_DEFINITIONS, TIER_HOURS, describeDuration, describeTierHours } from './policy'
import { TIER_LABELS } from '../cases/labels'
import { resolveInput, targetOf } from './target'
import type { Clock, PolicyTarget, ResponseTarget, ResponseTargetInput, Severity, Tier } from './types'
import { DAY, MINUTE, formatOffset, localParts, transitionsBetween, weekdayName, weekdayOfDay, type Zone } from './zone'

export type ExplainedPeriod = {
  start: Date
  end: Date
  /** Open minutes of this period that counted towards the target. */
  minutes: number
  /** Running total after this period. */
  cumulativeMinutes: number
  /** Local wall-clock, e.g. 'Mon 2026-03-09 08:00'. */
  localStart: string
  localEnd: string
}

export type SkippedDay = { date: string; weekday: string; reason: 'holiday' | 'closed' }

export type OffsetChange = {
  at: Date
  /** UTC offsets before and after, e.g. '-05:00' → '-04:00'. */
  from: string
  to: string
  /** Wall clock jumps from localBefore to localAfter at that instant, e.g. '02:00' → '03:00'. */
  localBefore: string
  localAfter: string
  /** +60 for spring-forward, −60 for fall-back, ±30 on Lord Howe… */
  shiftMinutes: number
}

export type ResponseTargetExplanation = {
  tier: Tier
  tierLabel: string
  severity: Severity
  severityLabel: string
  policy: PolicyTarget
  result: ResponseTarget
  timeZone: string
  clock: Clock | null
  /** "Mon–Fri 08:00–20:00", "24/7/365" or "—". */
  hours: string
  /** 'Fri 2026-03-06 18:30 (UTC-05:00)'. */
  openedAtLocal: string
  dueAtLocal: string | null
  /** For the business clock: whether the case was opened during business hours. */
  openedDuringHours: boolean | null
  periods: ExplainedPeriod[]
  skippedDays: SkippedDay[]
  offsetChanges: OffsetChange[]
  /** The walk in words, in time order. */
  steps: string[]
}

function local(zone: Zone, t: number): string {
  const p = localParts(zone, t)
  return `${weekdayName(p.weekday)} ${p.date} ${p.time}`
}

function localWithOffset(zone: Zone, t: number): string {
  const p = localParts(zone, t)
  return `${weekdayName(p.weekday)} ${p.date} ${p.time} (UTC${formatOffset(p.offset)})`
}

function wallTime(t: number): string {
  const d = new Date(t)
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`
}

/** The same input as responseTarget; returns the target with the walk that produced it. */
export function explainResponseTarget(input: ResponseTargetInput): ResponseTargetExplanation {
  const r = resolveInput(input)
  const result = targetOf(r)
  const zone = r.zone
  const hoursDef = TIER_HOURS[r.tier]
  const base: ResponseTargetExplanation = {
    tier: r.tier,
    tierLabel: TIER_LABELS[r.tier],
    severity: r.severity,
    severityLabel: SEVERITY_DEFINITIONS[r.severity].label,
    policy: r.policy,
    result,
    timeZone: zone.name,
    clock: r.policy.kind === 'deadline' ? r.policy.clock : null,
    hours: describeTierHours(r.tier),
    openedAtLocal: localWithOffset(zone, r.openedAt),
    dueAtLocal: null,
    openedDuringHours: null,
    periods: [],
    skippedDays: [],
    offsetChanges: [],
    steps: [],
  }
  const opened = `Opened ${base.openedAtLocal} ${zone.name}`
  if (result.kind === 'best-effort') {
    base.steps = [opened, `${base.tierLabel} severity ${r.severity}: best effort — no response deadline exists.`]
    return base
  }
  if (result.kind === 'not-available') {
    base.steps = [opened, `${base.tierLabel} severity ${r.severity} is not available: ${result.reason}`]
    return base
  }
  const due = result.dueAt.getTime()
  base.dueAtLocal = localWithOffset(zone, due)
  const duration = describeDuration(result.minutes, result.clock)

  base.offsetChanges = transitionsBetween(zone, r.openedAt, due).map((c) => ({
    at: new Date(c.at),
    from: formatOffset(c.before),
    to: formatOffset(c.after),
    localBefore: wallTime(c.at + c.before),
    localAfter: wallTime(c.at + c.after),
    shiftMinutes: (c.after - c.before) / MINUTE,
  }))

  type Event = { t: number; order: number; text: string }
  const events: Event[] = []
  for (const c of base.offsetChanges) {
    events.push({
      t: c.at.getTime(),
      order: 1,
      text: `Clocks changed at ${c.localBefore} local: UTC${c.from} → UTC${c.to} (wall clock now ${c.localAfter.slice(11)}, ${c.shiftMinutes > 0 ? '+' : ''}${c.shiftMinutes} min).`,
    })
  }

  if (r.core === null) {
    base.periods = [
      {
        start: new Date(r.openedAt),
        end: new Date(due),
        minutes: result.minutes,
        cumulativeMinutes: result.minutes,
        localStart: local(zone, r.openedAt),
        localEnd: local(zone, due),
      },
    ]
    events.push({ t: r.openedAt, order: 0, text: `${opened}; ${base.tierLabel} runs on the 24/7 clock (real elapsed time; hours and holidays do not apply).` })
  } else {
    const core = r.core
    const weekly = hoursDef.kind === 'business' ? describeWeeklyHours(hoursDef.weekly) : base.hours
    let cumulative = 0
    for (const [s, e] of openIntervals(core, r.openedAt, due)) {
      const minutes = (e - s) / MINUTE
      cumulative += minutes
      base.periods.push({ start: new Date(s), end: new Date(e), minutes, cumulativeMinutes: cumulative, localStart: local(zone, s), localEnd: local(zone, e) })
      events.push({
        t: s,
        order: 3,
        text: `Open ${local(zone, s)} – ${local(zone, e)}: ${minutes} business minute${minutes === 1 ? '' : 's'} (total ${cumulative} of ${result.minutes}).`,
      })
    }
    const firstPeriod = base.periods[0]
    base.openedDuringHours = firstPeriod !== undefined && firstPeriod.start.getTime() === r.openedAt
    events.push({
      t: r.openedAt,
      order: 0,
      text: `${opened}, ${base.openedDuringHours ? 'during' : 'outside'} business hours (${weekly}); target ${duration}.`,
    })
    // Local dates from the opening to the due date: holidays and closed weekdays skipped.
    const startDay = Math.floor((r.openedAt + localParts(zone, r.openedAt).offset) / DAY)
    const endDay = Math.floor((due + localParts(zone, due).offset) / DAY)
    for (let d = startDay; d <= endDay; d++) {
      const weekday = weekdayOfDay(d)
      const date = new Date(d * DAY).toISOString().slice(0, 10)
      let reason: SkippedDay['reason'] | null = null
      if (core.holidays.has(d)) reason = 'holiday'
      else if (core.days[weekday]!.length === 0) reason = 'closed'
      if (reason === null) continue
      base.skippedDays.push({ date, weekday: weekdayName(weekday), reason })
      const midnight = d * DAY - localParts(zone, d * DAY).offset
      events.push({
        t: Math.max(midnight, r.openedAt),
        order: 2,
        text: `Skipped ${weekdayName(weekday)} ${date}: ${reason === 'holiday' ? 'holiday' : 'closed all day'}.`,
      })
    }
  }
  events.push({ t: due, order: 9, text: `Due ${base.dueAtLocal} ${zone.name} — ${duration} after opening.` })
  events.sort((a, b) => a.t - b.t || a.order - b.order)
  base.steps = events.map((e) => e.text)
  return base
}
