// SIGTERM / SIGINT in a server process (issue 14). `next start` already stops taking connections
// and waits for the requests in flight before it exits (143 / 130); this adds what a deployment
// needs beside it: the background jobs take no new run and give back the leases of runs that do not
// finish in time (src/server/jobs), and a request that does not finish
// within the grace period no longer holds the process (exit 1 with the reason), so an orchestrator's
// stop is bounded. Node only; installed by src/instrumentation.ts.
import 'server-only'
import { logger } from './request-log'

export const SHUTDOWN_GRACE_MS = 10_000

const KEY = Symbol.for('portal.shutdown-installed')

/** stopBackgroundWork gets the time it may take (a little less than the grace period). */
export function handleShutdownSignals({
  stopBackgroundWork,
  graceMs = SHUTDOWN_GRACE_MS,
}: {
  stopBackgroundWork: (timeoutMs: number) => Promise<void> | undefined
  graceMs?: number
}): void {
  const holder = globalThis as Record<symbol, unknown>
  if (holder[KEY]) return
  holder[KEY] = true
  let started = false
  const begin = (signal: NodeJS.Signals) => {
    if (started) return
    started = true
    logger.info({ signal, graceMs }, 'shutting down: no new connections, finishing requests in flight')
    const exit = process.exit.bind(process)
    const jobsStopped = Promise.resolve(stopBackgroundWork(Math.max(1_000, graceMs - 2_000))).catch((error: unknown) =>
      logger.error({ err: error }, 'background jobs did not stop cleanly'),
    )
    // NOTE: Next.js has no shutdown hook: its own SIGTERM handler calls process.exit as soon as the
    // requests in flight are done. Its exit waits here for the background jobs (which finish their
    // run or give its lease back), never longer than the grace period below.
    process.exit = ((code?: number) => void jobsStopped.finally(() => exit(code))) as typeof process.exit
    // Unref'd: it never keeps an otherwise finished process alive; it only ends one that is stuck.
    setTimeout(() => {
      logger.error({ graceMs }, 'requests still in flight after the grace period; exiting')
      exit(1)
    }, graceMs).unref()
  }
  process.on('SIGTERM', begin)
  process.on('SIGINT', begin)
}
