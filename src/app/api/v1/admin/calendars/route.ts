import { authedRoute, created, readJson } from '@/server/api/handler'
import { createCalendar, listCalendars } from '@/server/admin/calendars'

export const GET = authedRoute(async ({ actor }) => ({ calendars: await listCalendars({ actor }) }))

export const POST = authedRoute(async ({ actor, req }) => created(await createCalendar({ actor, input: await readJson(req), now: new Date() })))
