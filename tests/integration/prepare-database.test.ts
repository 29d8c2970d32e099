// Every server start prepares its database (issue 14): instances starting together on one
// PostgreSQL apply the migrations once between them and load no demo data; an empty embedded
// folder gets migrated and the demo data, so `npm start` on a fresh folder works.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { PrismaClient } from '@/generated/prisma/client'
import { adapterFactoryFor, closePglite, createDatabase, dropDatabase } from '@/db/adapter'
import { prepareDatabase } from '@/server/db/prepare'
import { findTestServer, uniqueDbName } from '../support/test-db'

const now = new Date('2026-11-20T15:00:00Z')
const shipped = () =>
  fs
    .readdirSync('prisma/migrations')
    .filter((d) => !d.endsWith('.toml'))
    .sort()

describe('prepareDatabase', () => {
  it('three instances starting at once on an empty PostgreSQL database: each migration applied once, no demo data', async (ctx) => {
    const server = await findTestServer()
    if (!server) return ctx.skip()
    const name = uniqueDbName('portal_prepare')
    const url = await createDatabase(server, name)
    try {
      const logs: string[][] = [[], [], []]
      await Promise.all(logs.map((lines) => prepareDatabase({ kind: 'postgres', url }, now, (l) => lines.push(l))))
      // Exactly one instance applied them; the others found them applied.
      expect(logs.flat().filter((l) => l.includes('applied')).length).toBe(1)
      expect(logs.flat().filter((l) => l.includes('migrations up to date')).length).toBe(2)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      const rows = (await client.query('select migration_name from "_prisma_migrations" order by migration_name')).rows.map((r) => r.migration_name)
      const orgs = Number((await client.query('select count(*) from "Organisation"')).rows[0].count)
      await client.end()
      expect(rows).toEqual(shipped())
      expect(orgs).toBe(0)
    } finally {
      await dropDatabase(server, name)
    }
  }, 120_000)

  it('an empty embedded folder is migrated and gets the demo data once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-prepare-'))
    try {
      const lines: string[] = []
      await prepareDatabase({ kind: 'pglite', dir }, now, (l) => lines.push(l))
      await prepareDatabase({ kind: 'pglite', dir }, now, (l) => lines.push(l))
      expect(lines.filter((l) => l.startsWith('Empty embedded database')).length).toBe(1)
      const db = new PrismaClient({ adapter: adapterFactoryFor({ kind: 'pglite', dir }) })
      expect(await db.user.count({ where: { email: 'caseadmin@acme.example' } })).toBe(1)
      await db.$disconnect()
    } finally {
      await closePglite(dir)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
