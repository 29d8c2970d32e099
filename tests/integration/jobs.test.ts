// The background jobs on pg-boss (decision 0020): several instances on one database run each
// recurring job once per interval between them, never two runs of one job at a time, and a stop
// lets the run in progress finish. Real PostgreSQL only: pg-boss needs a server, and embedded
// PGlite runs the same jobs on local timers (covered below).
import { afterEach, describe, expect, it } from 'vitest'
import pino from 'pino'
import pg from 'pg'
import { startLocalRunner, startQueueRunner, type JobRunner } from '@/server/jobs/runner'
import type { RecurringJob } from '@/server/jobs/recurring'

const url = process.env.DATABASE_URL
const log = pino({ level: 'silent' })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const runners: JobRunner[] = []
const schemas: string[] = []
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop({ timeoutMs: 1_000 })))
  if (url && schemas.length) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    for (const s of schemas.splice(0)) await client.query(`drop schema if exists "${s}" cascade`)
    await client.end()
  }
})

/** A job that records when each run started and ended, and whether runs overlapped. */
function recorder(name: string, everySeconds: number, runMs = 50) {
  const runs: { start: number; end?: number }[] = []
  let active = 0
  let overlapped = false
  const job: RecurringJob = {
    name,
    everySeconds,
    run: async () => {
      const r: { start: number; end?: number } = { start: Date.now() }
      runs.push(r)
      if (++active > 1) overlapped = true
      await sleep(runMs)
      active--
      r.end = Date.now()
    },
  }
  return { job, runs, overlapped: () => overlapped }
}

async function cluster(instances: number, jobs: RecurringJob[]) {
  const schema = `pgboss_test_${Math.random().toString(36).slice(2, 8)}`
  schemas.push(schema)
  // Started at once, as instances of a cluster are: pg-boss installs its schema once between them.
  const started = await Promise.all(Array.from({ length: instances }, () => startQueueRunner({ connectionString: url!, jobs, log, schema })))
  runners.push(...started)
  return started
}

describe.skipIf(!url)('recurring jobs on pg-boss', () => {
  it('three instances run a 2-second job once per 2 s between them, not once each', async () => {
    const quick = recorder('quick-job', 2)
    await cluster(3, [quick.job])
    await sleep(9_000)
    // One run per 2-s slot for the cluster: 4 or 5 in 9 s (the first slot may start late).
    // Three instances on timers would have made 12 or more.
    expect(quick.runs.length).toBeGreaterThanOrEqual(3)
    expect(quick.runs.length).toBeLessThanOrEqual(6)
    const slots = quick.runs.map((r) => Math.floor(r.start / 2_000))
    expect(new Set(slots).size).toBeGreaterThanOrEqual(quick.runs.length - 1)
    expect(quick.overlapped()).toBe(false)
  }, 30_000)

  it('never runs two of one job at a time, however long a run takes', async () => {
    const slow = recorder('slow-job', 1, 2_500)
    await cluster(2, [slow.job])
    await sleep(8_000)
    expect(slow.runs.length).toBeGreaterThanOrEqual(2)
    expect(slow.overlapped()).toBe(false)
    // Runs follow one another; they never start while the previous one is running.
    slow.runs.slice(1).forEach((run, i) => expect(run.start).toBeGreaterThanOrEqual(slow.runs[i]!.end!))
  }, 30_000)

  it('a stop waits for the run in progress to finish, then no run starts', async () => {
    const slow = recorder('stopping-job', 1, 1_500)
    const [runner] = await cluster(1, [slow.job])
    while (slow.runs.length === 0) await sleep(100)
    await runner!.stop({ timeoutMs: 5_000 })
    expect(slow.runs[0]!.end, 'the run in progress finished before stop() returned').toBeDefined()
    const count = slow.runs.length
    await sleep(2_500)
    expect(slow.runs.length).toBe(count)
  }, 30_000)

  it('a failing run is logged and the next interval runs again', async () => {
    let calls = 0
    const flaky: RecurringJob = {
      name: 'flaky-job',
      everySeconds: 1,
      run: async () => {
        calls++
        if (calls === 1) throw new Error('first run fails')
      },
    }
    const logged: string[] = []
    const schema = `pgboss_test_${Math.random().toString(36).slice(2, 8)}`
    schemas.push(schema)
    const capture = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line).err?.message) })
    runners.push(await startQueueRunner({ connectionString: url!, jobs: [flaky], log: capture, schema }))
    while (calls < 3) await sleep(100)
    expect(logged).toContain('first run fails')
  }, 30_000)
})

describe('recurring jobs on embedded PGlite (one process, local timers)', () => {
  it('runs each job after its interval and waits for a run in progress on stop', async () => {
    const quick = recorder('local-job', 1, 300)
    const runner = startLocalRunner({ jobs: [quick.job], log })
    await sleep(3_000)
    await runner.stop({ timeoutMs: 2_000 })
    expect(quick.runs.length).toBeGreaterThanOrEqual(2)
    expect(quick.runs.length).toBeLessThanOrEqual(3)
    expect(quick.runs.every((r) => r.end)).toBe(true)
    expect(quick.overlapped()).toBe(false)
  })
})
