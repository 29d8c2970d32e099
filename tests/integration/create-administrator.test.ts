// `npm run admin:create` (issue 14): the first Administrator of a production installation, made
// in an empty migrated PostgreSQL database, able to sign in; refusals change nothing.
import { describe, expect, it } from 'vitest'
import { PrismaClient } from '@/generated/prisma/client'
import { adapterFactoryFor, createDatabase, dropDatabase } from '@/db/adapter'
import { prepareDatabase } from '@/server/db/prepare'
import { verifyPassword } from '@/server/auth/password'
import { createAdministrator, CreateAdministratorRefused } from '@/server/admin/create-administrator'
import { findTestServer, uniqueDbName } from '../support/test-db'

const now = new Date('2026-12-02T23:00:00Z')

describe('createAdministrator', () => {
  it('makes the vendor organisation and its Administrator once, audited, and refuses the rest without a change', async (ctx) => {
    const server = await findTestServer()
    if (!server) return ctx.skip()
    const name = uniqueDbName('portal_admin_create')
    const url = await createDatabase(server, name)
    const db = new PrismaClient({ adapter: adapterFactoryFor({ kind: 'postgres', url }) })
    try {
      await prepareDatabase({ kind: 'postgres', url }, now)
      const made = await createAdministrator(
        db,
        { email: 'Ada@Vault.io', name: 'Ada Park', password: 'correct horse battery', organisation: 'Vault Software' },
        now,
      )
      expect(made.organisationCreated).toBe(true)
      const user = await db.user.findUniqueOrThrow({ where: { email: 'ada@vault.io' }, include: { organisation: true } })
      expect(user.vendorRoles).toEqual(['ADMIN'])
      expect(user.organisation).toMatchObject({ kind: 'VENDOR', name: 'Vault Software' })
      expect(await verifyPassword(user.passwordHash, 'correct horse battery')).toBe(true)
      expect(await db.auditEntry.count({ where: { entityId: user.id, action: 'administrator.created-from-command-line' } })).toBe(1)

      // A second administrator joins the same organisation.
      const second = await createAdministrator(db, { email: 'grace@vault.io', name: 'Grace Hopper', password: 'another long password' }, now)
      expect(second).toMatchObject({ organisationId: made.organisationId, organisationCreated: false })

      const refusals: Array<[Parameters<typeof createAdministrator>[1], RegExp]> = [
        [{ email: 'ada@vault.io', name: 'Ada Again', password: 'correct horse battery' }, /already has an account/],
        [{ email: 'not-an-address', name: 'Bob', password: 'correct horse battery' }, /e-mail address/],
        [{ email: 'bob@vault.io', name: 'Bob', password: 'short' }, /at least 12 characters/],
        [{ email: 'bob@vault.io', name: '', password: 'correct horse battery' }, /name/],
        [{ email: 'bob@vault.io', name: 'Bob\u0000', password: 'correct horse battery' }, /.+/],
      ]
      for (const [input, message] of refusals) {
        await expect(createAdministrator(db, input, now)).rejects.toThrow(CreateAdministratorRefused)
        await expect(createAdministrator(db, input, now)).rejects.toThrow(message)
      }
      expect(await db.user.count()).toBe(2)
      expect(await db.organisation.count()).toBe(1)
    } finally {
      await db.$disconnect()
      await dropDatabase(server, name)
    }
  }, 120_000)
})
