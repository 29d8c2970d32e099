// SIGTERM / SIGINT in a server process (issue 14). `next start` already stops taking connections
// and waits for the requests in flight before it exits (143 / 130); this adds what a deployment
// needs beside it: the background worker takes no new round, and a request that does not finish
// within the grace period no longer holds the process (exit 1 with the reason), so an orchestrator's
// stop is bounded. Node only; installed by src/instrumentation.ts.
import { logger } from './request-log'

export const SHUTDOWN_GRACE_MS = 10_000

const KEY = Symbol.for('portal.shutdown-installed')

export function handleShutdownSignals({ stopBackgroundWork, graceMs = SHUTDOWN_GRACE_MS }: { stopBackgroundWork: () => void; graceMs?: number }): void {
  const holder = globalThis as Record<symbol, unknown>
  if (holder[KEY]) return
  holder[KEY] = true
  let started = false
  const begin = (signal: NodeJS.Signals) => {
    if (started) return
    started = true
    logger.info({ signal, graceMs }, 'shutting down: no new connections, finishing requests in flight')
    stopBackgroundWork()
    // Unref'd: it never keeps an otherwise finished process alive; it only ends one that is stuck.
    setTimeout(() => {
      logger.error({ graceMs }, 'requests still in flight after the grace period; exiting')
      process.exit(1)
    }, graceMs).unref()
  }
  process.on('SIGTERM', begin)
  process.on('SIGINT', begin)
}
