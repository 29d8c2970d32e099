import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PrismaClient } from '@/generated/prisma/client'
import { adapterFactoryFor, closePglite, createDatabase, dropDatabase } from '@/db/adapter'
import { deployMigrations } from '@/db/migrations'
import { seedDemo } from '../../prisma/seed/demo'
import { DEMO_ACCOUNTS } from '@/lib/demo-accounts'
import { findTestServer, uniqueDbName } from '../support/test-db'
import { createWorld } from '../support/world'

async function countAll(db: PrismaClient) {
  return {
    organisations: await db.organisation.count(),
    users: await db.user.count(),
    supportIds: await db.supportId.count(),
    cases: await db.case.count(),
    events: await db.caseEvent.count(),
    holidays: await db.holiday.count(),
    articles: await db.kbArticle.count(),
  }
}

describe('migrations', () => {
  it('apply to an empty PGlite folder, and a second deploy is a no-op', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-migrate-'))
    try {
      const first = await deployMigrations({ kind: 'pglite', dir })
      expect(first.length).toBeGreaterThan(0)
      expect(await deployMigrations({ kind: 'pglite', dir })).toEqual([])
    } finally {
      await closePglite(dir)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('apply to an empty PostgreSQL database, and a second deploy is a no-op', async (ctx) => {
    const server = await findTestServer()
    if (!server) return ctx.skip()
    const name = uniqueDbName('portal_migrate')
    const url = await createDatabase(server, name)
    try {
      const first = await deployMigrations({ kind: 'postgres', url })
      expect(first).toEqual(
        fs
          .readdirSync('prisma/migrations')
          .filter((d) => !d.endsWith('.toml'))
          .sort(),
      )
      expect(await deployMigrations({ kind: 'postgres', url })).toEqual([])
    } finally {
      await dropDatabase(server, name)
    }
  })
})

describe('demo data', () => {
  it('is idempotent and has every demo sign-in the README lists', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-seed-'))
    const target = { kind: 'pglite' as const, dir }
    await deployMigrations(target)
    const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
    try {
      const now = new Date('2026-11-20T15:00:00Z')
      await seedDemo(db, now)
      const once = await countAll(db)
      await seedDemo(db, now)
      expect(await countAll(db)).toEqual(once)
      expect(once.cases).toBeGreaterThanOrEqual(190)
      expect(once.articles).toBeGreaterThanOrEqual(45)
      const statuses = await db.case.groupBy({ by: ['status'], _count: true })
      expect(statuses.map((s) => s.status).sort()).toEqual(['CLOSED', 'IN_PROGRESS', 'NEW', 'RESOLVED', 'WAITING_ON_CUSTOMER'])
      const emails = (await db.user.findMany({ select: { email: true } })).map((u) => u.email).sort()
      expect(emails).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort())
      const acme = await db.supportId.findMany({ where: { organisation: { name: 'Acme' } }, select: { tier: true, maintenanceEnd: true } })
      expect(acme.map((s) => s.tier).sort()).toEqual(['BASIC', 'BASIC', 'EVALUATION', 'FREE_NFR', 'PREMIER', 'PRODUCTION'])
      expect(acme.filter((s) => s.maintenanceEnd < now)).toHaveLength(1)
      const grants = await db.partnerGrant.findMany({ select: { status: true, supportId: { select: { organisation: { select: { name: true } } } } } })
      expect(grants.map((g) => [g.status, g.supportId?.organisation.name]).sort()).toEqual([
        ['APPROVED', 'Acme'],
        ['PENDING', 'Acme'],
      ])
      // Holidays 2026–2028 for every region.
      for (const region of await db.region.findMany({ include: { holidayCalendar: { include: { holidays: true } } } })) {
        const years = new Set(region.holidayCalendar.holidays.map((h) => h.date.getUTCFullYear()))
        expect([...years].sort(), region.code).toEqual([2026, 2027, 2028])
      }
      // Every lifecycle phase is present.
      expect((await db.productVersion.groupBy({ by: ['phase'] })).map((p) => p.phase).sort()).toEqual(['CURRENT', 'DISCONTINUED', 'LIMITED'])
    } finally {
      await db.$disconnect()
      await closePglite(dir)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the case event log', () => {
  it('refuses updates and deletes at the database', async () => {
    const { prisma } = await import('@/server/db/client')
    const world = await createWorld()
    const s = world.supportIds.basic
    const c = await prisma.case.create({
      data: {
        supportIdId: s.id,
        organisationId: s.organisationId,
        tier: s.tier,
        regionCode: s.regionCode,
        category: 'TECHNICAL',
        severity: 3,
        title: 'Event log test',
        description: 'x',
        preferredLanguage: 'English',
        openedById: world.users.caseadmin.id,
        openedAt: world.now,
        targetKind: 'BEST_EFFORT',
      },
    })
    const event = await prisma.caseEvent.create({ data: { caseId: c.id, at: world.now, type: 'case.opened' } })
    await expect(prisma.caseEvent.update({ where: { id: event.id }, data: { type: 'x' } })).rejects.toThrow(/append-only/)
    await expect(prisma.caseEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/)
    expect(await prisma.caseEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ type: 'case.opened' })
  })
})
