import { authedRoute, readJson } from '@/server/api/handler'
import { deleteProduct, renameProduct } from '@/server/admin/catalogue'

type Params = { productId: string }

export const PATCH = authedRoute<Params>(async ({ actor, req, params }) =>
  renameProduct({ actor, productId: params.productId, input: await readJson(req), now: new Date() }),
)

export const DELETE = authedRoute<Params>(async ({ actor, params }) => {
  await deleteProduct({ actor, productId: params.productId, now: new Date() })
  return new Response(null, { status: 204 })
})
