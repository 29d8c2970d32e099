import 'server-only'
import type { Tx } from '@/server/db/client'
import type { Mail } from './templates'
import type { Recipient } from './audiences'

/** What happened, by kind. */
// `actorId`: the person whose action it is; they are never told about it themselves.
export type Notification =
  | { kind: 'case-opened'; caseId: string }
  | { kind: 'engineer-reply'; caseId: string; commentId: string }
  | { kind: 'information-requested'; caseId: string }
  | { kind: 'contact-attempt'; caseId: string; attemptId: string }
  | { kind: 'severity-changed'; caseId: string; actorId: string; from: number; reason: string }
  | { kind: 'case-resolved'; caseId: string; actorId: string }
  | { kind: 'closed-without-consent'; caseId: string }
  | { kind: 'escalation-opened'; escalationId: string }
  | { kind: 'escalation-acknowledged'; escalationId: string; actorId: string }
  | { kind: 'escalation-resolved'; escalationId: string; actorId: string }
  | { kind: 'escalation-assigned'; escalationId: string; actorId: string }
  | { kind: 'case-assigned'; caseId: string; actorId: string }
  | { kind: 'customer-activity'; caseId: string; actorId: string; commentId?: string; attachmentId?: string; resumed: boolean }
  | { kind: 'case-reopened'; caseId: string; actorId: string; commentId: string }
  | { kind: 'partner-request'; grantId: string }
  | { kind: 'partner-decision'; grantId: string }
  | { kind: 'case-admin-invitation'; invitationId: string; link: string }
  | { kind: 'breach-warning'; caseId: string }

// `user`: a portal account (in-app notification, preferences, the visibility check); invitees may have none.
// `url`: the in-app link (a portal path); `caseId`: the case the message is about.
export type Outgoing = { to: string; mail: Mail; user?: Recipient; url?: string; caseId?: string }

/** The notification of one kind. */
export type N<K extends Notification['kind']> = Extract<Notification, { kind: K }>
/** Per kind, its messages: one per person who must hear of it, before the checks notify() makes. */
export type Composers<K extends Notification['kind']> = { readonly [P in K]: (tx: Tx, n: N<P>, now: Date) => Promise<Outgoing[]> }
