// The one sentence the case-opened confirmation says about phone support. Pure. The policy: phone
// support requires an open case number; Free / NFR licences and feedback have no phone support.

type Input = { number: number; tier: string; category: string; phoneLines: readonly unknown[] }

/** Whether a case may be followed by phone at all: not on Free / NFR, not for feedback. Which
 * lines to call are the region's; a closed case shows none (its number no longer opens a call). */
export const hasPhoneSupport = ({ tier, category }: { tier: string; category: string }): boolean => tier !== 'FREE_NFR' && category !== 'FEEDBACK'

export function openedConfirmation({ number, tier, category, phoneLines }: Input): string {
  // Why there is no line, in the customer's words; hasPhoneSupport is the rule itself.
  if (tier === 'FREE_NFR') return `Case #${number} is followed online: Free / NFR support has no phone support, so there is no phone line to call.`
  if (category === 'FEEDBACK') return `Case #${number} is followed online: feedback has no phone support, so there is no phone line to call.`
  if (phoneLines.length === 0) return `Case #${number} is followed online: your region has no phone line.`
  return `Keep case #${number}: phone support needs it, quote it when you call.`
}
