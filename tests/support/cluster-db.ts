// The cluster spec's own database on the e2e PostgreSQL server: `create NAME` makes it, migrated
// and seeded with the demo data, and prints its URL; `drop NAME` removes it. Its own, so that the
// Playwright web server's outbox worker (another instance on the e2e database) cannot deliver the
// cluster's mail to its dev inbox. Run with `tsx --conditions=react-server`.
import { PrismaClient } from '../../src/generated/prisma/client'
import { adapterFactoryFor, createDatabase, dropDatabase } from '../../src/db/adapter'
import { deployMigrations } from '../../src/db/migrations'
import { seedDemo } from '../../prisma/seed/demo'
import { findTestServer } from './test-db'

async function main() {
  const [command, name] = process.argv.slice(2)
  if (!name || !/^portal_cluster_[a-z0-9_]+$/.test(name)) throw new Error(`usage: cluster-db.ts create|drop portal_cluster_NAME`)
  const server = process.env.E2E_ADMIN_URL ?? (await findTestServer())
  if (!server) throw new Error('No PostgreSQL server for the cluster database')
  if (command === 'drop') return dropDatabase(server, name)
  const target = { kind: 'postgres' as const, url: await createDatabase(server, name) }
  await deployMigrations(target)
  const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
  await seedDemo(db, new Date())
  await db.$disconnect()
  console.log(target.url)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
