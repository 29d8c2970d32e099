import { authedRoute } from '@/server/api/handler'
import { revokeInvitation } from '@/server/organisation/invitations'

export const DELETE = authedRoute<{ invitationId: string }>(async ({ actor, params }) => {
  await revokeInvitation({ actor, invitationId: params.invitationId, now: new Date() })
  return new Response(null, { status: 204 })
})
