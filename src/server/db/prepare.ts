// What every start of the portal does to its database before serving (src/instrumentation.ts, and
// scripts/prepare-db.ts for `npm run dev`): apply pending migrations and, on an empty embedded
// database, load the demo data. So `npm start` on a fresh embedded folder works as `npm run dx`
// does, and a production start is one command that migrates first (issue 14). Instances starting
// together on one PostgreSQL take turns on an advisory lock: one applies, the others find nothing left.
import 'server-only'
import pg from 'pg'
import { PrismaClient } from '@/generated/prisma/client'
import { adapterFactoryFor, closePglite, describeTarget, type DbTarget } from '@/db/adapter'
import { deployMigrations } from '@/db/migrations'

// Any constant both instances agree on; "portal migrations" as an integer.
const MIGRATION_LOCK = 0x706f7274

async function withMigrationLock<T>(target: DbTarget, run: () => Promise<T>): Promise<T> {
  if (target.kind !== 'postgres') return run()
  const client = new pg.Client({ connectionString: target.url })
  await client.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    return await run()
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    await client.end()
  }
}

export async function prepareDatabase(target: DbTarget, now: Date, log: (line: string) => void = console.log): Promise<void> {
  try {
    const applied = await withMigrationLock(target, () => deployMigrations(target))
    log(`${describeTarget(target)}: ${applied.length ? `applied ${applied.join(', ')}` : 'migrations up to date'}`)
    if (target.kind !== 'pglite') return
    const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
    try {
      if ((await db.organisation.count()) === 0) {
        // The demo data only ever goes into an empty embedded database, never a PostgreSQL server.
        const { seedDemo } = await import('../../../prisma/seed/demo')
        const { seededCases } = await seedDemo(db, now)
        log(`Empty embedded database: loaded the demo data (${seededCases} cases).`)
      }
    } finally {
      await db.$disconnect()
    }
  } finally {
    // The app opens the folder again for itself; PGlite allows one opener at a time.
    if (target.kind === 'pglite') await closePglite(target.dir)
  }
}
