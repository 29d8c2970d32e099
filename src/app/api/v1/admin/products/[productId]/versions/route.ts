import { authedRoute, created, readJson } from '@/server/api/handler'
import { addVersion } from '@/server/admin/catalogue'

export const POST = authedRoute<{ productId: string }>(async ({ actor, req, params }) =>
  created(await addVersion({ actor, productId: params.productId, input: await readJson(req), now: new Date() })),
)
