import 'server-only'
import pg from 'pg'
import PgBoss from 'pg-boss'
import type { Logger } from 'pino'
import type { RecurringJob } from './recurring'

export type JobRunner = {
  /** Takes no new run; waits up to `timeoutMs` for the runs in progress, then gives their leases back. */
  stop(opts?: { timeoutMs?: number }): Promise<void>
}

/**
 * Logs a failure once per distinct message and source (a database restart is one line per source,
 * not one per tick); a success of that source forgets it.
 */
function failureLog(log: Logger) {
  const last = new Map<string, string>()
  return {
    failed(source: string, error: unknown, msg = 'background job failed') {
      const message = error instanceof Error ? error.message : String(error)
      if (last.get(source) !== message) log.error({ err: error, job: source }, msg)
      last.set(source, message)
    },
    succeeded(source: string) {
      last.delete(source)
    },
  }
}

/**
 * Runs `fn` while holding a PostgreSQL advisory lock named `name`, on a connection of its own
 * (closing it releases the lock). pg-boss's createQueue is not safe concurrently: two instances
 * creating one queue's partition at once deadlock (tests/integration/jobs.test.ts).
 */
async function oneAtATime(connectionString: string, name: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: 'portal-jobs' })
  await client.connect()
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name])
    await fn()
  } finally {
    await client.end()
  }
}

/** How long a run may hold its job before pg-boss fails it and another instance may run it. */
const expireSeconds = (job: RecurringJob) => Math.max(60, 2 * job.everySeconds)

/**
 * Runs the recurring jobs once per interval for every instance on one PostgreSQL database, on
 * pg-boss (decision 0020). Each instance offers one job per half interval, throttled by pg-boss to
 * one per interval (`singletonSeconds`) across the cluster; the `stately` queue policy keeps at most
 * one waiting and one running. An instance killed mid-run holds its job until it expires.
 */
export async function startQueueRunner({
  connectionString,
  jobs,
  log,
  schema = 'pgboss',
}: {
  connectionString: string
  jobs: readonly RecurringJob[]
  log: Logger
  schema?: string
}): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString,
    schema,
    max: 3,
    application_name: 'portal-jobs',
    // Finished jobs are kept a day for inspection, then deleted; expired runs are found within 30 s.
    deleteAfterDays: 1,
    maintenanceIntervalSeconds: 30,
  })
  const failures = failureLog(log)
  boss.on('error', (error) => failures.failed('pg-boss', error, 'job queue error'))
  await boss.start()
  await oneAtATime(connectionString, `${schema}.create-queues`, async () => {
    for (const job of jobs) await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 0, expireInSeconds: expireSeconds(job) })
  })
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: Math.max(0.5, Math.min(job.everySeconds / 5, 2)), batchSize: 1 }, async () => {
      try {
        await job.run(new Date())
        failures.succeeded(job.name)
      } catch (error) {
        failures.failed(job.name, error)
        throw error
      }
    })
  }

  let stopped = false
  const offered = new Map<string, number>()
  const offer = async () => {
    for (const job of jobs) {
      // Twice per interval, so an instance whose clock runs a little ahead of the database's does
      // not skip a slot; pg-boss keeps one job per slot whatever the number of offers.
      const half = Math.floor(Date.now() / (job.everySeconds * 500))
      if (offered.get(job.name) === half) continue
      offered.set(job.name, half)
      try {
        await boss.send(job.name, {}, { singletonKey: job.name, singletonSeconds: job.everySeconds })
        failures.succeeded(`${job.name} offer`)
      } catch (error) {
        if (stopped) return
        failures.failed(`${job.name} offer`, error, 'could not offer a background job')
      }
    }
  }
  let ticking: Promise<void> = offer()
  const ticker = setInterval(() => {
    ticking = ticking.then(offer)
  }, 1_000)
  ticker.unref()

  return {
    async stop({ timeoutMs = 8_000 } = {}) {
      if (stopped) return
      stopped = true
      clearInterval(ticker)
      await ticking
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true })
    },
  }
}

/**
 * Embedded PGlite (the one-command demo): one process owns the database, so the same jobs run on
 * timers here. A run starts only after the previous run of that job ended.
 */
export function startLocalRunner({ jobs, log }: { jobs: readonly RecurringJob[]; log: Logger }): JobRunner {
  const failures = failureLog(log)
  const timers = new Map<string, NodeJS.Timeout>()
  const running = new Set<Promise<void>>()
  let stopped = false
  const schedule = (job: RecurringJob, ms: number) => {
    const timer = setTimeout(() => {
      const run = job
        .run(new Date())
        .then(
          () => failures.succeeded(job.name),
          (error) => failures.failed(job.name, error),
        )
        .finally(() => {
          running.delete(run)
          if (!stopped) schedule(job, job.everySeconds * 1000)
        })
      running.add(run)
    }, ms)
    timer.unref()
    timers.set(job.name, timer)
  }
  for (const job of jobs) schedule(job, 1_000)
  return {
    async stop({ timeoutMs = 8_000 } = {}) {
      stopped = true
      for (const timer of timers.values()) clearTimeout(timer)
      await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())])
    },
  }
}
