import { authedRoute, readJson } from '@/server/api/handler'
import { deleteHoliday, updateHoliday } from '@/server/admin/calendars'

type Params = { holidayId: string }

export const PATCH = authedRoute<Params>(async ({ actor, req, params }) =>
  updateHoliday({ actor, holidayId: params.holidayId, input: await readJson(req), now: new Date() }),
)

export const DELETE = authedRoute<Params>(async ({ actor, params }) => {
  await deleteHoliday({ actor, holidayId: params.holidayId, now: new Date() })
  return new Response(null, { status: 204 })
})
