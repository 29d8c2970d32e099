// GET /api/ready's checks (issue 14): ready on a migrated database with writable storage; a
// migration the build ships but the database has not applied makes the instance not ready; a
// store that cannot take writes is refused. No configuration in the answer.
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { readiness } from '@/server/health/readiness'
import { fileBlobStore } from '@/server/storage/blob-store'

describe('readiness', () => {
  it('is ready on the migrated test database with writable storage, naming each check only', async () => {
    expect(await readiness()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', storage: 'ok' } })
  })

  it('is not ready while a shipped migration is not applied', async () => {
    const [last] = await prisma.$queryRaw<{ migration_name: string }[]>`select migration_name from "_prisma_migrations" order by migration_name desc limit 1`
    await prisma.$executeRaw`update "_prisma_migrations" set rolled_back_at = now() where migration_name = ${last!.migration_name}`
    try {
      expect(await readiness()).toEqual({ ready: false, checks: { database: 'ok', migrations: 'failed', storage: 'ok' } })
    } finally {
      await prisma.$executeRaw`update "_prisma_migrations" set rolled_back_at = null where migration_name = ${last!.migration_name}`
    }
  })

  it('a store whose folder cannot be written is not ready', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ro-'))
    const file = path.join(dir, 'not-a-folder')
    fs.writeFileSync(file, '')
    await expect(fileBlobStore(path.join(file, 'uploads')).ready()).rejects.toThrow()
    await expect(fileBlobStore(dir).ready()).resolves.toBeUndefined()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
