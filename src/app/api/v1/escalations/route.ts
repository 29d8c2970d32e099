import { authedRoute } from '@/server/api/handler'
import { queryOf } from '@/server/api/params'
import { findEscalations } from '@/server/escalations/find-escalations'

// GET /api/v1/escalations?status=open|all — Support Managers only (customers: 404, engineers: 403).
export const GET = authedRoute(async ({ actor, req }) => {
  const { escalations } = await findEscalations({ actor, input: queryOf(req), now: new Date() })
  return { escalations: escalations.map((e) => ({ ...e, case: { ...e.case, tickCalendar: undefined } })) }
})
