/**
 * SLA engine — public API. Pure: no I/O, never reads the clock.
 *
 * See docs/decisions/0002-sla-engine.md for the design, the semantics and the cache bounds.
 */
export type { Tier, Severity, WeeklyHours, BusinessCalendar, Clock, PolicyTarget, ResponseTarget, ResponseTargetInput } from './types'
export { SlaError, isSlaError, type SlaErrorCode } from './errors'
export {
  POLICY,
  TIERS,
  SEVERITIES,
  TIER_HOURS,
  SEVERITY_DEFINITIONS,
  targetFor,
  tierCalendar,
  isTier,
  isSeverity,
  describeDuration,
  describeTierHours,
  type TierHours,
  type SeverityDefinition,
} from './policy'
export { describeWeeklyHours } from './hours'
export { addBusinessMinutes, businessMinutesBetween, isContinuous, validateCalendar } from './calendar'
export {
  cacheStats as slaCacheStats,
  setTableBudget as setSlaCacheBudget,
  clearCaches as clearSlaCaches,
  DEFAULT_TABLE_BUDGET_BYTES as SLA_CACHE_DEFAULT_BUDGET_BYTES,
} from './compile'
export { responseTarget } from './target'
export { explainResponseTarget, type ResponseTargetExplanation, type ExplainedPeriod, type SkippedDay, type OffsetChange } from './explain'
