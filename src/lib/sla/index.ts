/**
 * SLA engine — public API: what the app and its tests use. Pure: no I/O, never reads the clock.
 * Cache controls and statistics are in ./diagnostics (tests and benchmarks only).
 *
 * See docs/decisions/0002-sla-engine.md for the design, the semantics and the cache bounds.
 */
export type { Tier, Severity, WeeklyHours, BusinessCalendar, Clock } from './types'
export { SlaError } from './errors'
export { POLICY, TIERS, TIER_HOURS, SEVERITY_DEFINITIONS, targetFor, tierCalendar, describeDuration, describeTierHours } from './policy'
export { describeWeeklyHours } from './hours'
export { addBusinessMinutes, businessMinutesBetween, isOpenAt, localDateTime } from './calendar'
export { responseTarget } from './target'
export { explainResponseTarget } from './explain'
