import { authedRoute, created, readJson } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { addComment } from '@/server/cases/customer-actions'

export const POST = authedRoute<{ number: string }>(async ({ actor, req, params }) =>
  created(await addComment({ actor, number: caseNumberParam(params.number), input: await readJson(req), now: new Date() })),
)
