// The case timeline's wording: a sentence per event type, some depending on who reads it. Pure.
import { formatMinutes } from '@/lib/format'
import { resolutionLabel } from './labels'

/** Who reads the timeline: the customer side sees "you", vendor staff the contact's name. */
export type TimelineViewer = { side: 'customer' | 'vendor'; fallbackContact: string }

const CHANNELS: Record<string, string> = { PHONE: 'phone', EMAIL: 'e-mail' }
const OUTCOMES: Record<string, string> = { NO_ANSWER: 'no answer', VOICEMAIL: 'voicemail left', REACHED: 'reached' }

/**
 * A contact attempt in the timeline: "tried to reach you" for the customer side, "tried to reach
 * <contact>" for vendor staff (the contact recorded on the event, else the case's contact).
 */
export function contactAttemptText(after: Record<string, unknown>, viewer: TimelineViewer): string {
  const channel = String(after.channel ?? '')
  const outcome = String(after.outcome ?? '')
  const whom = viewer.side === 'customer' ? 'you' : typeof after.contact === 'string' && after.contact ? after.contact : viewer.fallbackContact
  return `tried to reach ${whom} by ${CHANNELS[channel] ?? channel.toLowerCase()} (${OUTCOMES[outcome] ?? outcome.toLowerCase().replaceAll('_', ' ')})`
}

const EVENT_TEXT: Record<string, (after: Record<string, unknown>, before: Record<string, unknown>, viewer: TimelineViewer) => string> = {
  'case.opened': (a) => `opened the case (Severity ${String(a.severity)})`,
  'case.severity-changed': (a, b) => `changed the severity from ${String(b.severity)} to ${String(a.severity)}: “${String(a.reason ?? '')}”`,
  'case.status-changed': (a) => `moved the case to ${String(a.status).toLowerCase().replaceAll('_', ' ')}${a.reason ? ` (${String(a.reason)})` : ''}`,
  'case.assigned': (a) => `assigned the case${a.assignee ? ` to ${String(a.assigneeName ?? a.assignee)}` : ''}`,
  'case.first-response': (a) =>
    a.met === false
      ? `gave the first response (target breached${typeof a.breachedByMinutes === 'number' ? ` by ${formatMinutes(a.breachedByMinutes)}` : ''})`
      : 'gave the first response (target met)',
  'case.information-requested': () => 'asked for diagnostic information',
  'case.contact-attempt': (a, _b, viewer) => contactAttemptText(a, viewer),
  'case.resolved': (a) => `resolved the case: ${resolutionLabel(String(a.resolutionCode ?? ''))}`,
  'case.closed': () => 'closed the case',
  'case.technical-contact-added': (a) => `named ${String(a.name ?? '')} the technical contact: work continues around the clock after the first response`,
  'case.reopened': () => 'reopened the case by replying to the resolution',
  'case.confirmed': () => 'confirmed the resolution solved it, which closed the case',
  'case.rated': (a) => `rated the support ${String(a.rating).toLowerCase()}${a.comment ? `: “${String(a.comment)}”` : ''}`,
  'attachment.added': (a) => `added the file ${String(a.name)}`,
  'case.closed-without-consent': () => 'closed the case after three unanswered contact attempts on separate business days',
  'case.breach-warning-sent': () => 'warned the team that the response target is near',
  'escalation.opened': () => 'asked to talk to a manager',
  'escalation.acknowledged': () => 'acknowledged the request for a manager',
  'escalation.engineer-assigned': (a) => `assigned an engineer to the manager request${a.name ? ` (${String(a.name)})` : ''}`,
  'escalation.note-added': () => 'added a note to the manager request',
  'escalation.resolved': () => 'resolved the request for a manager',
  'escalation.closed-with-case': () => 'closed the open request for a manager with the case',
}

/** The sentence after the actor's name for one timeline event; an unknown type is shown as it is. */
export function timelineEventText(type: string, after: unknown, before: unknown, viewer: TimelineViewer): string {
  return EVENT_TEXT[type]?.((after ?? {}) as Record<string, unknown>, (before ?? {}) as Record<string, unknown>, viewer) ?? type
}
