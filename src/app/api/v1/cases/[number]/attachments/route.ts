import { authedRoute, created } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { uploadAttachmentFromRequest } from '@/server/cases/upload-request'

// multipart/form-data with one `file` field, streamed to storage (never buffered whole).
export const POST = authedRoute<{ number: string }>(async ({ actor, req, params }) => {
  const number = caseNumberParam(params.number)
  return created(await uploadAttachmentFromRequest({ actor, number, request: req, now: new Date() }))
})
