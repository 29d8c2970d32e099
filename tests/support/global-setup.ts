// Vitest global setup: one fresh, migrated database for the run (PostgreSQL when a local server
// answers, otherwise embedded PGlite in a temporary folder), dropped afterwards.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PrismaClient } from '../../src/generated/prisma/client'
import { seedReferenceData } from '../../prisma/seed/demo'
import { adapterFactoryFor, closePglite, createDatabase, dropDatabase, describeTarget, type DbTarget } from '../../src/db/adapter'
import { deployMigrations } from '../../src/db/migrations'
import { findTestServer, uniqueDbName } from './test-db'

export default async function setup() {
  const server = await findTestServer()
  let target: DbTarget
  let cleanup: () => Promise<void>
  if (server) {
    const name = uniqueDbName('portal_test')
    const url = await createDatabase(server, name)
    target = { kind: 'postgres', url }
    process.env.DATABASE_URL = url
    cleanup = () => dropDatabase(server, name)
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-pglite-'))
    target = { kind: 'pglite', dir }
    delete process.env.DATABASE_URL
    process.env.PGLITE_DIR = dir
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
  }
  await deployMigrations(target)
  // Reference data (regions, holidays, products, knowledge base) once; each test makes its own
  // organisations and people with tests/support/world.ts.
  const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
  await seedReferenceData(db)
  await db.$disconnect()
  if (target.kind === 'pglite') await closePglite(target.dir)
  console.log(`Tests run on ${describeTarget(target)}`)
  return cleanup
}
