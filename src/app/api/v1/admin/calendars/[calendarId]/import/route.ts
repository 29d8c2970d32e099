import { authedRoute, readJson } from '@/server/api/handler'
import { applyIcsImport } from '@/server/admin/ics-import'

export const POST = authedRoute<{ calendarId: string }>(async ({ actor, req, params }) =>
  applyIcsImport({ actor, calendarId: params.calendarId, input: await readJson(req), now: new Date() }),
)
