import { authedRoute, readJson } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { resolveCase } from '@/server/engineer/resolve-case'

type Params = { number: string }

// POST /api/v1/cases/{number}/resolve { code, summary, duplicateOf?, version? } — NO_RESPONSE is
// refused with 409 and the reason until the contact-attempt rule allows it.
export const POST = authedRoute<Params>(async ({ actor, req, params }) =>
  resolveCase({ actor, number: caseNumberParam(params.number), input: await readJson(req), now: new Date() }),
)
