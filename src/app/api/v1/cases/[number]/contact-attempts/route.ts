import { authedRoute, created, readJson } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { logContactAttempt } from '@/server/engineer/contact-attempts'

type Params = { number: string }

// POST /api/v1/cases/{number}/contact-attempts { at?, channel, outcome } — vendor staff only.
export const POST = authedRoute<Params>(async ({ actor, req, params }) =>
  created(await logContactAttempt({ actor, number: caseNumberParam(params.number), input: await readJson(req), now: new Date() })),
)
