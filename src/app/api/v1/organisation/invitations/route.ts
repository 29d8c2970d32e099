import { authedRoute, created, readJson } from '@/server/api/handler'
import { inviteCaseAdmin } from '@/server/organisation/invitations'

export const POST = authedRoute(async ({ actor, req }) => created(await inviteCaseAdmin({ actor, input: await readJson(req), now: new Date() })))
