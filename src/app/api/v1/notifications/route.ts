import { authedRoute } from '@/server/api/handler'
import { listNotifications } from '@/server/notifications/in-app'

export const GET = authedRoute(({ actor, req }) => listNotifications({ actor, input: Object.fromEntries(new URL(req.url).searchParams) }))
