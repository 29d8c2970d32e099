// Next.js calls register() once when a server process starts (docs: instrumentation).
export async function register() {
  // NOTE: NEXT_RUNTIME is set by Next itself, not configuration (the documented way to keep
  // Node-only code out of the edge runtime), so it is read here rather than through src/env.ts.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // Refuses an unsafe environment (exits), stamps each request with its peer address (decision
  // 0007) and applies pending migrations before the first request (src/server/db/prepare.ts).
  const { prepareServer } = await import('./server/http/startup')
  await prepareServer()
  // Outbox delivery, breach warnings and the mail purge: once per cluster (src/server/jobs).
  const { startBackgroundJobs } = await import('./server/jobs/start')
  const jobs = await startBackgroundJobs()
  const { handleShutdownSignals } = await import('./server/http/shutdown')
  handleShutdownSignals({ stopBackgroundWork: (timeoutMs) => jobs?.stop({ timeoutMs }) })
}
