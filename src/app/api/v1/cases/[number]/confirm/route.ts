import { authedRoute, readJson } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { confirmResolution } from '@/server/cases/customer-actions'

type Params = { number: string }

// POST /api/v1/cases/{number}/confirm { rating: GOOD | BAD, comment?, version? } — "this solved it":
// closes a resolved case with the customer's rating (a bad one needs a comment; decision 0015).
export const POST = authedRoute<Params>(async ({ actor, req, params }) =>
  confirmResolution({ actor, number: caseNumberParam(params.number), input: await readJson(req), now: new Date() }),
)
