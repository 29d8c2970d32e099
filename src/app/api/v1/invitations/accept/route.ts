import { authedRoute, readJson } from '@/server/api/handler'
import { acceptInvitation } from '@/server/organisation/invitations'

export const POST = authedRoute(async ({ actor, req }) => acceptInvitation({ actor, input: await readJson(req), now: new Date() }))
