import 'server-only'
import { env } from '@/env'
import { logger } from '@/server/http/request-log'
import { RECURRING_JOBS } from './recurring'
import { startLocalRunner, startQueueRunner, type JobRunner } from './runner'

/**
 * Called from src/instrumentation.ts when a server process starts: the recurring jobs on pg-boss
 * with a PostgreSQL server (once per cluster), on local timers with embedded PGlite (one process).
 * BACKGROUND_JOBS=off leaves them to other instances (or to nobody, in tests that drive them).
 */
export async function startBackgroundJobs(): Promise<JobRunner | undefined> {
  if (env.BACKGROUND_JOBS !== 'on' || env.NEXT_PHASE === 'phase-production-build') return undefined
  const log = logger.child({ component: 'jobs' })
  if (!env.DATABASE_URL) return startLocalRunner({ jobs: RECURRING_JOBS, log })
  return startQueueRunner({ connectionString: env.DATABASE_URL, jobs: RECURRING_JOBS, log })
}
