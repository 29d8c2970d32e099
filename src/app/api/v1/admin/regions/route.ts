import { authedRoute } from '@/server/api/handler'
import { listRegions } from '@/server/admin/regions'

export const GET = authedRoute(({ actor }) => listRegions({ actor }))
