// Case timeline wording that depends on who reads it. Pure.

const CHANNELS: Record<string, string> = { PHONE: 'phone', EMAIL: 'e-mail' }
const OUTCOMES: Record<string, string> = { NO_ANSWER: 'no answer', VOICEMAIL: 'voicemail left', REACHED: 'reached' }

/**
 * A contact attempt in the timeline: "tried to reach you" for the customer side, "tried to reach
 * <contact>" for vendor staff (the contact recorded on the event, else the case's contact).
 */
export function contactAttemptText(after: Record<string, unknown>, viewer: { side: 'customer' | 'vendor'; fallbackContact: string }): string {
  const channel = String(after.channel ?? '')
  const outcome = String(after.outcome ?? '')
  const whom = viewer.side === 'customer' ? 'you' : typeof after.contact === 'string' && after.contact ? after.contact : viewer.fallbackContact
  return `tried to reach ${whom} by ${CHANNELS[channel] ?? channel.toLowerCase()} (${OUTCOMES[outcome] ?? outcome.toLowerCase().replaceAll('_', ' ')})`
}
