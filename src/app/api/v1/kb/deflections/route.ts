import { authedRoute, created, readJson } from '@/server/api/handler'
import { recordDeflection } from '@/server/kb/search-kb'

export const POST = authedRoute(async ({ actor, req }) => created(await recordDeflection({ actor, input: await readJson(req), now: new Date() })))
