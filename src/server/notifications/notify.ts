import 'server-only'
import type { Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { caseWhere } from '@/server/access/scope'
import type { Recipient } from './audiences'
import { CASE_MESSAGES } from './case-messages'
import { ESCALATION_MESSAGES } from './escalation-messages'
import type { Composers, Notification, Outgoing } from './kinds'
import { ORGANISATION_MESSAGES } from './organisation-messages'
import { sealMailSecrets } from './secret-parts'

export type { Notification } from './kinds'

/** Every kind's messages (the type makes a kind without a builder a compile error). */
const COMPOSERS: Composers<Notification['kind']> = { ...CASE_MESSAGES, ...ESCALATION_MESSAGES, ...ORGANISATION_MESSAGES }

function compose(tx: Tx, n: Notification, now: Date): Promise<Outgoing[]> {
  return (COMPOSERS[n.kind] as (tx: Tx, n: Notification, now: Date) => Promise<Outgoing[]>)(tx, n, now)
}

/**
 * Resolves who must hear about a change and writes one OutboxMessage per recipient in the caller's
 * transaction: the mail exists exactly when the change is committed, and nothing is sent inline
 * (the outbox worker delivers it, with retries). Every message is about one Support ID, case or
 * invitation, and goes only to people entitled to see it, so no other organisation's data is
 * ever in a message. Returns the number of messages written.
 */
export async function notify(tx: Tx, notification: Notification, now: Date): Promise<number> {
  const outgoing = await compose(tx, notification, now)
  const actorId = 'actorId' in notification ? notification.actorId : null
  const unique = new Map<string, Outgoing>()
  for (const o of outgoing) {
    const key = o.to.trim().toLowerCase()
    if (o.user && (o.user.id === actorId || o.user.disabledAt)) continue
    // Nobody hears about a case they cannot see (access/scope.ts decides, as for every read).
    if (o.user && o.caseId && !(await canSeeCase(tx, o.user, o.caseId))) continue
    if (!unique.has(key)) unique.set(key, { ...o, to: key })
  }
  if (unique.size === 0) return 0
  const recipients = [...unique.values()]
  const userIds = recipients.flatMap((o) => (o.user ? [o.user.id] : []))
  const mailOff = new Set(
    (await tx.notificationSettings.findMany({ where: { userId: { in: userIds }, mailOff: { has: notification.kind } }, select: { userId: true } })).map(
      (s) => s.userId,
    ),
  )
  const mailed = recipients.filter((o) => !o.user || !mailOff.has(o.user.id))
  if (mailed.length) {
    await tx.outboxMessage.createMany({
      data: mailed.map((o) => ({
        to: o.to,
        subject: o.mail.subject,
        text: o.mail.text,
        // A credential (an invitation link) never rests in the outbox in plain text (decision 0007).
        secrets: o.mail.secrets ? sealMailSecrets(o.mail.secrets, o.to) : null,
        kind: notification.kind,
        status: 'PENDING' as const,
        nextAttemptAt: now,
        createdAt: now,
      })),
    })
  }
  // The in-app list always has them, whatever the mail preference.
  const inApp = recipients.filter((o): o is Outgoing & { user: Recipient; url: string } => !!o.user && !!o.url)
  if (inApp.length) {
    await tx.notification.createMany({
      data: inApp.map((o) => ({
        userId: o.user.id,
        kind: notification.kind,
        title: o.mail.subject,
        body: o.mail.summary ?? '',
        url: o.url,
        caseId: o.caseId ?? null,
        createdAt: now,
      })),
    })
  }
  return mailed.length
}

async function canSeeCase(tx: Tx, u: Recipient, caseId: string): Promise<boolean> {
  // NOTE: caseWhere reads only id, organisationId and orgKind: the recipient's reach, as if they asked now.
  const reach = { id: u.id, organisationId: u.organisationId, orgKind: u.organisation.kind } as Actor
  return (await tx.case.count({ where: { AND: [{ id: caseId }, caseWhere(reach)] } })) > 0
}
