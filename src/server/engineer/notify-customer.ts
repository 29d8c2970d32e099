import 'server-only'
import type { Tx } from '@/server/db/client'
import { notify } from '@/server/notifications/notify'

/** The notifications the vendor side sends, written to the outbox in the caller's transaction. */
export type VendorNotification =
  | { kind: 'engineer-reply'; caseId: string; commentId: string }
  | { kind: 'information-requested'; caseId: string }
  | { kind: 'contact-attempt'; caseId: string; attemptId: string }
  | { kind: 'closed-without-consent'; caseId: string }
  | { kind: 'case-resolved'; caseId: string; actorId: string }

export async function notifyCustomer(tx: Tx, notification: VendorNotification, now: Date): Promise<void> {
  await notify(tx, notification, now)
}
