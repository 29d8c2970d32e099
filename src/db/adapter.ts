// Builds the Prisma driver-adapter factory for either database the portal runs on:
// a PostgreSQL server (DATABASE_URL) or embedded PGlite (a folder). Shared by the app's
// Prisma client, the migration script and the tests, so all three talk to the same kind of thing.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPGlite } from 'pglite-prisma-adapter'

/** poolSize: the most connections this process opens to the PostgreSQL server (DATABASE_POOL_SIZE). */
export type DbTarget = { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dir: string }

export function describeTarget(target: DbTarget): string {
  if (target.kind === 'pglite') return `embedded PGlite at ${target.dir}`
  const u = new URL(target.url)
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`
}

export function postgresFactory(url: string, poolSize?: number) {
  return new PrismaPg({ connectionString: url, ...(poolSize ? { max: poolSize } : {}) })
}

const pgliteInstances = new Map<string, PGlite>()

/** One PGlite per folder per process: PGlite allows a single opener of a data folder. */
export function openPglite(dir: string): PGlite {
  let db = pgliteInstances.get(dir)
  if (!db) {
    if (dir !== 'memory://') fs.mkdirSync(path.resolve(dir), { recursive: true })
    db = new PGlite(dir === 'memory://' ? undefined : path.resolve(dir))
    pgliteInstances.set(dir, db)
  }
  return db
}

export async function closePglite(dir: string): Promise<void> {
  const db = pgliteInstances.get(dir)
  pgliteInstances.delete(dir)
  await db?.close()
}

export function pgliteFactory(dir: string) {
  return new PrismaPGlite(openPglite(dir))
}

export function adapterFactoryFor(target: DbTarget) {
  return target.kind === 'postgres' ? postgresFactory(target.url, target.poolSize) : pgliteFactory(target.dir)
}

/** Creates a database on the server named by `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  return u.toString()
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
