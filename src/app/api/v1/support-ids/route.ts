import { authedRoute } from '@/server/api/handler'
import { listSupportIdsForCases } from '@/server/support-ids/list-for-cases'

export const GET = authedRoute(async ({ actor }) => ({ supportIds: await listSupportIdsForCases({ actor, now: new Date() }) }))
