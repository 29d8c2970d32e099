// `npm run dev` before `next dev`: the same preparation every server start does (src/server/db/prepare.ts).
import { dbTarget } from '../src/env'
import { prepareDatabase } from '../src/server/db/prepare'

prepareDatabase(dbTarget(), new Date()).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
