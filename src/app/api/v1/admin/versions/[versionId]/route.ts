import { authedRoute, readJson } from '@/server/api/handler'
import { deleteVersion, updateVersion } from '@/server/admin/catalogue'

type Params = { versionId: string }

export const PATCH = authedRoute<Params>(async ({ actor, req, params }) =>
  updateVersion({ actor, versionId: params.versionId, input: await readJson(req), now: new Date() }),
)

export const DELETE = authedRoute<Params>(async ({ actor, params }) => {
  await deleteVersion({ actor, versionId: params.versionId, now: new Date() })
  return new Response(null, { status: 204 })
})
