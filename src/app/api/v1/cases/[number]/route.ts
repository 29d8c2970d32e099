import { authedRoute, readJson } from '@/server/api/handler'
import { caseNumberParam } from '@/server/api/params'
import { parseInput } from '@/server/errors'
import { ZPatchCaseInput } from '@/lib/cases/schemas'
import { changeSeverity } from '@/server/cases/change-severity'
import { closeCase } from '@/server/cases/customer-actions'
import { getCase } from '@/server/cases/get-case'

type Params = { number: string }

export const GET = authedRoute<Params>(async ({ actor, params }) => getCase({ actor, number: caseNumberParam(params.number), now: new Date() }))

export const PATCH = authedRoute<Params>(async ({ actor, req, params }) => {
  const number = caseNumberParam(params.number)
  const body = parseInput(ZPatchCaseInput, await readJson(req))
  const now = new Date()
  if ('severity' in body) await changeSeverity({ actor, number, input: body, now })
  else await closeCase({ actor, number, input: body, now })
  return getCase({ actor, number, now })
})
