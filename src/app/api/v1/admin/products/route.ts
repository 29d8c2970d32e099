import { authedRoute, created, readJson } from '@/server/api/handler'
import { createProduct, listCatalogue } from '@/server/admin/catalogue'

export const GET = authedRoute(async ({ actor }) => ({ products: await listCatalogue({ actor }) }))

export const POST = authedRoute(async ({ actor, req }) => created(await createProduct({ actor, input: await readJson(req), now: new Date() })))
