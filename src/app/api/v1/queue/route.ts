import { authedRoute } from '@/server/api/handler'
import { queryOf } from '@/server/api/params'
import { findQueue } from '@/server/queue/find-queue'

// GET /api/v1/queue?region=&language=&tier=&severity=&product=&status=&assignee=mine|unassigned&cursor=&limit=
export const GET = authedRoute(async ({ actor, req }) => {
  const page = await findQueue({ actor, input: queryOf(req), now: new Date() })
  // tickCalendar feeds the page's ticking countdown; API clients get timeLeftMinutes instead.
  return { cases: page.cases.map((row) => ({ ...row, tickCalendar: undefined })), nextCursor: page.nextCursor }
})
