import 'server-only'
import { env } from '@/env'
import { sendBreachWarnings } from './breach-warnings'
import { deliverDue, purgeSentMail } from './deliver'
import { announcePartnerRequests } from '@/server/partners/announce-requests'

const TICK_MS = 5_000
const BREACH_SCAN_MS = 60_000
const BATCH = 50
const MAX_BATCHES_PER_TICK = 20

type Worker = { stop: () => void }
const holder = globalThis as unknown as { outboxWorker?: Worker }

/**
 * The background loop of a server process: tells administrators about new partner requests
 * (decision 0018), delivers due outbox messages every few seconds and scans for response targets about to be breached every minute. One timer chain per process (a
 * tick starts only after the previous one ended); several processes may run it side by side,
 * because announcePartnerRequests, deliverDue and sendBreachWarnings claim their rows atomically.
 */
export function startOutboxWorker({ tickMs = TICK_MS }: { tickMs?: number } = {}): Worker {
  if (holder.outboxWorker) return holder.outboxWorker
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let lastScan = 0
  let lastError = ''

  const tick = async () => {
    try {
      const now = new Date()
      if (now.getTime() - lastScan >= BREACH_SCAN_MS) {
        lastScan = now.getTime()
        await sendBreachWarnings({ now })
        await purgeSentMail({ now, retentionDays: env.OUTBOX_RETENTION_DAYS })
      }
      for (let i = 0; i < MAX_BATCHES_PER_TICK && !stopped; i++) {
        if ((await announcePartnerRequests({ now: new Date(), batchSize: BATCH })).claimed < BATCH) break
      }
      for (let i = 0; i < MAX_BATCHES_PER_TICK && !stopped; i++) {
        const report = await deliverDue({ now: new Date(), batchSize: BATCH })
        if (report.claimed < BATCH) break
      }
      lastError = ''
    } catch (error) {
      // Logged once per distinct failure (e.g. the database restarting), not on every tick.
      const message = error instanceof Error ? error.message : String(error)
      if (message !== lastError) console.error('[outbox worker]', error)
      lastError = message
    } finally {
      if (!stopped) schedule(tickMs)
    }
  }
  const schedule = (ms: number) => {
    timer = setTimeout(() => void tick(), ms)
    timer.unref()
  }
  schedule(1_000)
  const worker: Worker = {
    stop: () => {
      stopped = true
      if (timer) clearTimeout(timer)
      holder.outboxWorker = undefined
    },
  }
  holder.outboxWorker = worker
  return worker
}

/** Called from src/instrumentation.ts when the server starts. */
export function startOutboxWorkerFromEnv(): Worker | undefined {
  if (env.OUTBOX_WORKER !== 'on' || env.NEXT_PHASE === 'phase-production-build') return undefined
  return startOutboxWorker()
}
