// Severity 1 on Production and Premier: the policy's initial response target is the tier's
// (24/7) whether or not a technical contact is given; only round-the-clock work *after* that first
// response depends on the contact (support policy, "Severity"; decision 0016). One sentence says it
// everywhere: new-case form, confirmation, case page, vendor tools, queue and mail.
import { POLICY, describeDuration, type Tier } from '@/lib/sla'

/** The tiers on which Severity 1 is worked around the clock only while a technical contact is available. */
export const SEVERITY_1_CONTACT_TIERS: readonly Tier[] = Object.freeze(['PRODUCTION', 'PREMIER'] as Tier[])

/** Whether a technical contact decides how this case is worked after its first response. */
export function contactMatters(tier: string, severity: number): boolean {
  return severity === 1 && (SEVERITY_1_CONTACT_TIERS as readonly string[]).includes(tier)
}

/** The case's flag: Severity 1 on a 24/7 tier without a technical contact. */
export function isBusinessHoursOnly(c: { tier: string; severity: number; hasContact: boolean }): boolean {
  return contactMatters(c.tier, c.severity) && !c.hasContact
}

/** "1 hour, 24/7" / "30 minutes, 24/7": the tier's Severity 1 initial response target. */
export function severity1Target(tier: Tier): string {
  const t = POLICY[tier][1]
  if (t.kind !== 'deadline') throw new Error(`Severity 1 on ${tier} has no deadline`)
  return `${describeDuration(t.minutes, t.clock)}${t.clock === 'continuous' ? ', 24/7' : ''}`
}

/**
 * The one sentence for a Severity 1 case on Production / Premier (and the form when Severity 1 is
 * chosen there): the initial response target holds either way; the contact decides the work after it.
 */
export function severity1WorkSentence({ tier, hasContact }: { tier: Tier; hasContact: boolean }): string {
  const target = severity1Target(tier)
  return hasContact
    ? `Initial response: ${target}. With a technical contact available, work continues around the clock after that first response.`
    : `Initial response: ${target}, with or without a technical contact. Without one, work after that first response happens in business hours only, until a technical contact is added to the case.`
}
