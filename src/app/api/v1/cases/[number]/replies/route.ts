import { authedRoute, created, readJson } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { replyToCase } from '@/server/engineer/reply-to-case'

type Params = { number: string }

// POST /api/v1/cases/{number}/replies { body, public, version? } — vendor staff only.
export const POST = authedRoute<Params>(async ({ actor, req, params }) =>
  created(await replyToCase({ actor, number: caseNumberParam(params.number), input: await readJson(req), now: new Date() })),
)
