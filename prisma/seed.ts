// npm run db:seed — idempotent demo data on DATABASE_URL or the embedded PGlite folder.
// The demo accounts share a published password (README), so it refuses a database that holds
// anyone else's account, and a production start's configuration.
import { PrismaClient } from '../src/generated/prisma/client'
import { dbTarget, env } from '../src/env'
import { DEMO_PASSWORD } from '../src/lib/demo-accounts'
import { adapterFactoryFor, closePglite, describeTarget } from '../src/db/adapter'
import { seedDemo } from './seed/demo'

async function main() {
  if (env.PORTAL_DEPLOYMENT === 'production') {
    throw new Error(
      'Refusing to load demo data with PORTAL_DEPLOYMENT=production: the demo accounts sign in with a public password. Create the first administrator with `npm run admin:create`.',
    )
  }
  const target = dbTarget()
  const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
  try {
    // Every demo address is in the reserved .example domain; anything else is a real person's.
    const real = await db.user.count({ where: { NOT: { email: { endsWith: '.example' } } } })
    if (real > 0) {
      throw new Error(
        `Refusing to load demo data into ${describeTarget(target)}: it has ${real} account(s) that are not demo accounts, and the demo accounts sign in with the public password "${DEMO_PASSWORD}". Use an empty database for the demo.`,
      )
    }
    const started = Date.now()
    const { seededCases } = await seedDemo(db, new Date())
    console.log(`Seeded ${describeTarget(target)} in ${((Date.now() - started) / 1000).toFixed(1)} s (${seededCases} new cases).`)
  } finally {
    await db.$disconnect()
    if (target.kind === 'pglite') await closePglite(target.dir)
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
