import { authedRoute, readJson } from '@/server/api/handler'
import { deletePhoneLine, updatePhoneLine } from '@/server/admin/regions'

type Params = { phoneLineId: string }

export const PATCH = authedRoute<Params>(async ({ actor, req, params }) =>
  updatePhoneLine({ actor, phoneLineId: params.phoneLineId, input: await readJson(req), now: new Date() }),
)

export const DELETE = authedRoute<Params>(async ({ actor, params }) => {
  await deletePhoneLine({ actor, phoneLineId: params.phoneLineId, now: new Date() })
  return new Response(null, { status: 204 })
})
