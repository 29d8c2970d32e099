import { authedRoute, readJson } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { assignCase } from '@/server/engineer/assign-case'

type Params = { number: string }

// POST /api/v1/cases/{number}/assign { engineer?: email, version? } — default: the caller takes it.
export const POST = authedRoute<Params>(async ({ actor, req, params }) =>
  assignCase({ actor, number: caseNumberParam(params.number), input: await readJson(req), now: new Date() }),
)
