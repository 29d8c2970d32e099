import { authedRoute, created } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { AppError } from '@/server/errors'
import { uploadAttachment } from '@/server/cases/attachments'

// multipart/form-data with one `file` field.
export const POST = authedRoute<{ number: string }>(async ({ actor, req, params }) => {
  const number = caseNumberParam(params.number)
  if (!(req.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the file as multipart/form-data in a field named "file"')
  }
  const form = await req.formData().catch(() => {
    throw new AppError('BAD_REQUEST', 'The upload could not be read as multipart/form-data')
  })
  const file = form.get('file')
  if (!(file instanceof File)) throw new AppError('BAD_REQUEST', 'Send the file in a field named "file"')
  return created(await uploadAttachment({ actor, number, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, now: new Date() }))
})
