import { authedRoute, created, readJson } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { escalateCase } from '@/server/cases/customer-actions'

export const POST = authedRoute<{ number: string }>(async ({ actor, req, params }) =>
  created(await escalateCase({ actor, number: caseNumberParam(params.number), input: await readJson(req), now: new Date() })),
)
