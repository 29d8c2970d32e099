'use server'

import { runAction, type ActionResult } from '@/server/api/action'
import { acceptInvitation } from '@/server/organisation/invitations'

export async function acceptInvitationAction(token: string): Promise<ActionResult<{ supportIdCode: string }>> {
  return runAction(
    async (actor) => {
      const result = await acceptInvitation({ actor, input: { token: String(token) }, now: new Date() })
      return { supportIdCode: result.supportIdCode }
    },
    { texts: [token] },
  )
}
