import { authedRoute } from '@/server/api/handler'
import { removeCaseAdmin } from '@/server/organisation/case-admins'

export const DELETE = authedRoute<{ code: string; userId: string }>(async ({ actor, params }) => {
  await removeCaseAdmin({ actor, input: { supportIdCode: params.code, userId: params.userId }, now: new Date() })
  return new Response(null, { status: 204 })
})
