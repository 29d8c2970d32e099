import { authedRoute, readJson } from '@/server/api/handler'
import { updateRegion } from '@/server/admin/regions'

export const PATCH = authedRoute<{ code: string }>(async ({ actor, req, params }) =>
  updateRegion({ actor, regionCode: params.code, input: await readJson(req), now: new Date() }),
)
