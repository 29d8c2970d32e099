import 'server-only'
import { env } from '@/env'
import { sendBreachWarnings } from '@/server/notifications/breach-warnings'
import { deliverDue, purgeSentMail } from '@/server/notifications/deliver'
import { announcePartnerRequests } from '@/server/partners/announce-requests'

/** A piece of background work that runs once per interval for the whole installation. */
export type RecurringJob = {
  /** The queue's name (pg-boss: letters, digits, dashes). */
  name: string
  everySeconds: number
  run: (now: Date) => Promise<unknown>
}

const BATCH = 50
const MAX_BATCHES_PER_RUN = 20

/** Claims and handles up to MAX_BATCHES_PER_RUN batches; stops at the first batch that is not full. */
async function drain(batch: (now: Date) => Promise<{ claimed: number }>): Promise<void> {
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    if ((await batch(new Date())).claimed < BATCH) return
  }
}

/**
 * The portal's background work (decision 0020). Every job claims its rows atomically (leases,
 * conditional updates), so a second run at the same time would do no harm; the job queue is what
 * makes it one run per interval for the cluster rather than one per instance.
 */
export const RECURRING_JOBS: readonly RecurringJob[] = [
  {
    // Partner requests are announced to administrators (decision 0018), then due mail goes out.
    name: 'outbox-deliver',
    everySeconds: 5,
    run: async () => {
      await drain((now) => announcePartnerRequests({ now, batchSize: BATCH }))
      await drain((now) => deliverDue({ now, batchSize: BATCH }))
    },
  },
  { name: 'breach-warnings', everySeconds: 60, run: (now) => sendBreachWarnings({ now }) },
  { name: 'outbox-purge', everySeconds: 3600, run: (now) => purgeSentMail({ now, retentionDays: env.OUTBOX_RETENTION_DAYS }) },
]
