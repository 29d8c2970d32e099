// The end-to-end database: `create` makes a fresh one (PostgreSQL or a PGlite folder), migrated and
// seeded with the demo data, and prints its settings for the shell; `drop` removes it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PrismaClient } from '../src/generated/prisma/client'
import { adapterFactoryFor, closePglite, createDatabase, dropDatabase, type DbTarget } from '../src/db/adapter'
import { deployMigrations } from '../src/db/migrations'
import { seedDemo } from '../prisma/seed/demo'
import { createIsolationWorld, WORLD_FILE } from '../tests/e2e/isolation-world'
import { findTestServer, uniqueDbName } from '../tests/support/test-db'

async function main() {
  const command = process.argv[2]
  if (command === 'drop') {
    const server = process.env.E2E_ADMIN_URL
    if (server && process.env.E2E_DB_NAME) await dropDatabase(server, process.env.E2E_DB_NAME)
    if (process.env.PGLITE_DIR?.includes('portal-e2e-')) fs.rmSync(process.env.PGLITE_DIR, { recursive: true, force: true })
    fs.rmSync(WORLD_FILE, { force: true })
    return
  }
  const server = process.env.TEST_DB_MODE === 'pglite' ? null : await findTestServer()
  let target: DbTarget
  const lines: string[] = []
  if (server) {
    const name = uniqueDbName('portal_e2e')
    target = { kind: 'postgres', url: await createDatabase(server, name) }
    lines.push(`DATABASE_URL=${target.url}`, `E2E_ADMIN_URL=${server}`, `E2E_DB_NAME=${name}`)
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'))
    target = { kind: 'pglite', dir }
    lines.push(`PGLITE_DIR=${dir}`)
  }
  await deployMigrations(target)
  const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
  await seedDemo(db, new Date())
  // The demo's open cases fall due throughout the run, and the server's breach scan would notify
  // every engineer about them at unforeseeable minutes, changing the bell counts the journeys
  // assert. Marked as already warned; cases the specs open themselves are warned as usual.
  await db.case.updateMany({ where: { breachWarningSentAt: null }, data: { breachWarningSentAt: new Date() } })
  await createIsolationWorld(db, process.env.UPLOAD_DIR ?? '.data/uploads')
  await db.$disconnect()
  if (target.kind === 'pglite') await closePglite(target.dir)
  console.log(lines.join('\n'))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
