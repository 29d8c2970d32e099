import { authedRoute, readJson } from '@/server/api/handler'
import { deleteCalendar, getCalendar, renameCalendar } from '@/server/admin/calendars'

type Params = { calendarId: string }

export const GET = authedRoute<Params>(({ actor, params }) => getCalendar({ actor, calendarId: params.calendarId }))

export const PATCH = authedRoute<Params>(async ({ actor, req, params }) =>
  renameCalendar({ actor, calendarId: params.calendarId, input: await readJson(req), now: new Date() }),
)

export const DELETE = authedRoute<Params>(async ({ actor, params }) => {
  await deleteCalendar({ actor, calendarId: params.calendarId, now: new Date() })
  return new Response(null, { status: 204 })
})
