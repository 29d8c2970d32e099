import { authedRoute, readJson } from '@/server/api/handler'
import { previewIcsImport } from '@/server/admin/ics-import'

export const POST = authedRoute<{ calendarId: string }>(async ({ actor, req, params }) =>
  previewIcsImport({ actor, calendarId: params.calendarId, input: await readJson(req), now: new Date() }),
)
