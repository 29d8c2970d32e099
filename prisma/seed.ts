// npm run db:seed — idempotent demo data on DATABASE_URL or the embedded PGlite folder.
import { PrismaClient } from '../src/generated/prisma/client'
import { dbTarget } from '../src/env'
import { adapterFactoryFor, closePglite, describeTarget } from '../src/server/db/adapter'
import { seedDemo } from './seed/demo'

async function main() {
  const target = dbTarget()
  const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
  try {
    const started = Date.now()
    const { seededCases } = await seedDemo(db, new Date())
    console.log(`Seeded ${describeTarget(target)} in ${((Date.now() - started) / 1000).toFixed(1)} s (${seededCases} new cases).`)
  } finally {
    await db.$disconnect()
    if (target.kind === 'pglite') await closePglite(target.dir)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
