import { authedRoute, created, readJson } from '@/server/api/handler'
import { queryOf } from '@/server/api/params'
import { listCases } from '@/server/cases/list-cases'
import { openCase } from '@/server/cases/open-case'

export const GET = authedRoute(async ({ actor, req }) => ({ cases: await listCases({ actor, input: queryOf(req), now: new Date() }) }))

export const POST = authedRoute(async ({ actor, req }) => created(await openCase({ actor, input: await readJson(req), now: new Date() })))
