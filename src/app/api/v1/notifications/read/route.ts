import { authedRoute, readJson } from '@/server/api/handler'
import { markNotificationsRead } from '@/server/notifications/in-app'

export const POST = authedRoute(async ({ actor, req }) => markNotificationsRead({ actor, input: await readJson(req), now: new Date() }))
