// Next.js calls register() once when a server process starts (docs: instrumentation).
export async function register() {
  // NOTE: NEXT_RUNTIME is set by Next itself, not configuration (the documented way to keep
  // Node-only code out of the edge runtime), so it is read here rather than through src/env.ts.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // A deployment that cannot sign sessions safely must not start (rather than answer 500 to every request).
  const { startupProblem } = await import('./env')
  const problem = startupProblem()
  if (problem) {
    console.error(`[startup] ${problem}`)
    process.exit(1)
  }
  const { startOutboxWorkerFromEnv } = await import('./server/notifications/worker')
  startOutboxWorkerFromEnv()
}
