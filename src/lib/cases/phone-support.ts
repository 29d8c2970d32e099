// The one sentence the case-opened confirmation says about phone support. Pure. The policy: phone
// support requires an open case number; Free / NFR licences and feedback have no phone support.

type Input = { number: number; tier: string; category: string; phoneLines: readonly unknown[] }

export function openedConfirmation({ number, tier, category, phoneLines }: Input): string {
  if (tier === 'FREE_NFR') return `Case #${number} is followed online: Free / NFR support has no phone support, so there is no phone line to call.`
  if (category === 'FEEDBACK') return `Case #${number} is followed online: feedback has no phone support, so there is no phone line to call.`
  if (phoneLines.length === 0) return `Case #${number} is followed online: your region has no phone line.`
  return `Keep case #${number}: phone support needs it, quote it when you call.`
}
