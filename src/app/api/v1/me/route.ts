import { authedRoute } from '@/server/api/handler'
import { getMe } from '@/server/me/get-me'

export const GET = authedRoute(({ actor }) => getMe({ actor }))
