import { authedRoute, created, readJson } from '@/server/api/handler'
import { addPhoneLine } from '@/server/admin/regions'

export const POST = authedRoute<{ code: string }>(async ({ actor, req, params }) =>
  created(await addPhoneLine({ actor, regionCode: params.code, input: await readJson(req), now: new Date() })),
)
