// npm run db:deploy            apply pending migrations (DATABASE_URL, or embedded PGlite)
// npm run db:migrate -- <name> create a migration from prisma/schema.prisma and apply it
//                     [--create-only] to edit the SQL before applying
import { dbTarget } from '../src/env'
import { closePglite, describeTarget } from '../src/db/adapter'
import { createMigration, deployMigrations } from '../src/db/migrations'

async function main() {
  const [command, ...rest] = process.argv.slice(2)
  const target = dbTarget()
  try {
    if (command === 'deploy') {
      const applied = await deployMigrations(target)
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to ${describeTarget(target)}: ${applied.join(', ')}`
          : `No pending migrations: ${describeTarget(target)} is up to date.`,
      )
    } else if (command === 'create') {
      const name = rest.find((a) => !a.startsWith('--'))
      if (!name || !/^[a-z0-9_]+$/.test(name)) {
        throw new Error('Usage: npm run db:migrate -- <name> [--create-only]   (name: lower-case letters, digits, _)')
      }
      const folder = await createMigration(target, name, { createOnly: rest.includes('--create-only') })
      console.log(folder ? `Created prisma/migrations/${folder}` : 'The schema matches the migrations: nothing to create.')
    } else {
      throw new Error('Usage: tsx scripts/migrate.ts deploy | create <name> [--create-only]')
    }
  } finally {
    if (target.kind === 'pglite') await closePglite(target.dir)
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
