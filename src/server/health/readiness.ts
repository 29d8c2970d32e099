import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import { prisma } from '@/server/db/client'
import { blobStore } from '@/server/storage/blob-store'

export type Check = 'ok' | 'failed'
export type Readiness = { ready: boolean; checks: { database: Check; migrations: Check; storage: Check } }

// The migration folders the build ships; the database must have applied each of them.
const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations')

function shippedMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
}

async function appliedMigrations(): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    select migration_name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null`
  return new Set(rows.map((r) => r.migration_name))
}

const outcome = async (run: () => Promise<boolean>): Promise<Check> => {
  try {
    return (await run()) ? 'ok' : 'failed'
  } catch {
    return 'failed'
  }
}

/**
 * Whether this instance should take traffic (GET /api/ready, the load balancer's check): the
 * database answers, every migration the build ships is applied, and file storage answers
 * (the UPLOAD_DIR folder takes writes, or the STORAGE_URL bucket is reachable).
 * The answer names each check with ok/failed only: no host, path or error text leaves the server.
 */
export async function readiness(): Promise<Readiness> {
  const [database, migrations, storage] = await Promise.all([
    outcome(async () => (await prisma.$queryRaw<{ one: number }[]>`select 1 as one`).length === 1),
    outcome(async () => {
      const applied = await appliedMigrations()
      return shippedMigrations().every((name) => applied.has(name))
    }),
    outcome(async () => {
      await blobStore().ready()
      return true
    }),
  ])
  return { ready: database === 'ok' && migrations === 'ok' && storage === 'ok', checks: { database, migrations, storage } }
}
