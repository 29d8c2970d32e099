import { authedRoute, created, readJson } from '@/server/api/handler'
import { listPartnerGrants } from '@/server/partners/list-grants'
import { requestPartnerAccess } from '@/server/partners/request-access'

export const GET = authedRoute(async ({ actor }) => ({ grants: await listPartnerGrants({ actor }) }))

export const POST = authedRoute(async ({ actor, req }) => created(await requestPartnerAccess({ actor, input: await readJson(req), now: new Date() })))
