/**
 * SLA engine — diagnostics for tests and benchmarks: the caches' statistics and controls
 * (docs/decisions/0002-sla-engine.md, "Cache bounds"). The app does not need them.
 */
export {
  cacheStats as slaCacheStats,
  setTableBudget as setSlaCacheBudget,
  clearCaches as clearSlaCaches,
  DEFAULT_TABLE_BUDGET_BYTES as SLA_CACHE_DEFAULT_BUDGET_BYTES,
} from './compile'
