'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult } from '@/server/api/action'
import { inviteCaseAdmin, revokeInvitation } from '@/server/organisation/invitations'
import { removeCaseAdmin } from '@/server/organisation/case-admins'
import { approvePartnerGrant, declinePartnerGrant, revokePartnerGrant } from '@/server/partners/decide-grant'

const done = () => revalidatePath('/organisation')

export async function inviteCaseAdminAction(
  supportIdCode: string,
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ email: string; supportIdCode: string }>> {
  return runAction(
    async (actor) => {
      const inv = await inviteCaseAdmin({ actor, input: { supportIdCode, email: form.get('email') ?? '' }, now: new Date() })
      done()
      return { email: inv.email, supportIdCode: inv.supportIdCode }
    },
    { form, ids: [supportIdCode] },
  )
}

export async function revokeInvitationAction(invitationId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await revokeInvitation({ actor, invitationId: String(invitationId), now: new Date() })
      done()
      return null
    },
    { ids: [invitationId] },
  )
}

export async function removeCaseAdminAction(supportIdCode: string, userId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await removeCaseAdmin({ actor, input: { supportIdCode, userId }, now: new Date() })
      done()
      return null
    },
    { ids: [supportIdCode, userId] },
  )
}

const DECISIONS = { approve: approvePartnerGrant, decline: declinePartnerGrant, revoke: revokePartnerGrant }

export async function decidePartnerGrantAction(grantId: string, decision: 'approve' | 'decline' | 'revoke'): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      const decide = DECISIONS[decision]
      if (!decide) throw new Error('Unknown decision')
      await decide({ actor, input: { grantId }, now: new Date() })
      done()
      return null
    },
    { ids: [grantId], choices: [[decision, Object.keys(DECISIONS)]] },
  )
}
