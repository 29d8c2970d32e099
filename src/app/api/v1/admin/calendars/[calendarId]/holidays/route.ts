import { authedRoute, created, readJson } from '@/server/api/handler'
import { addHoliday } from '@/server/admin/calendars'

export const POST = authedRoute<{ calendarId: string }>(async ({ actor, req, params }) =>
  created(await addHoliday({ actor, calendarId: params.calendarId, input: await readJson(req), now: new Date() })),
)
