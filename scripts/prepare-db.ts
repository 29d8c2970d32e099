// Run before the portal starts: applies pending migrations and, on an empty embedded database,
// loads the demo data, so `npm run dx` works on a fresh clone with no configuration.
import { PrismaClient } from '../src/generated/prisma/client'
import { dbTarget } from '../src/env'
import { adapterFactoryFor, closePglite, describeTarget } from '../src/server/db/adapter'
import { deployMigrations } from '../src/server/db/migrations'
import { seedDemo } from '../prisma/seed/demo'

async function main() {
  const target = dbTarget()
  try {
    const applied = await deployMigrations(target)
    console.log(`${describeTarget(target)}: ${applied.length ? `applied ${applied.join(', ')}` : 'migrations up to date'}`)
    if (target.kind !== 'pglite') return
    const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
    try {
      if ((await db.organisation.count()) === 0) {
        const { seededCases } = await seedDemo(db, new Date())
        console.log(`Empty embedded database: loaded the demo data (${seededCases} cases).`)
      }
    } finally {
      await db.$disconnect()
    }
  } finally {
    if (target.kind === 'pglite') await closePglite(target.dir)
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
