import { authedRoute } from '@/server/api/handler'
import { getOrganisation } from '@/server/organisation/get-organisation'

export const GET = authedRoute(({ actor }) => getOrganisation({ actor, now: new Date() }))
