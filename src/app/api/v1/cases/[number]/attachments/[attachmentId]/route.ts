import { authedRoute } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { readAttachment } from '@/server/cases/attachments'

export const GET = authedRoute<{ number: string; attachmentId: string }>(async ({ actor, params }) => {
  const file = await readAttachment({ actor, number: caseNumberParam(params.number), attachmentId: params.attachmentId })
  // Streamed from the store, never read whole into memory.
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      // Always a download, never rendered by the browser in the portal's origin.
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  })
})
