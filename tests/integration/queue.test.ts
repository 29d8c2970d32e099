import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { decodeCursor, encodeCursor, findQueue } from '@/server/queue/find-queue'
import { changeSeverity } from '@/server/cases/change-severity'
import { createWorld } from '../support/world'
import { at, makeCase } from '../support/make-case'

// World "now": Friday 2026-11-20 15:00Z = 09:00 in Chicago (the customer's site zone).
const now = at('2026-11-20T15:00:00Z')

async function queueWorld() {
  const world = await createWorld(now)
  const engineer = world.users.engineer.id
  const c = {
    longBreached: await makeCase(world, {
      supportId: 'production',
      severity: 4,
      openedAt: at('2026-11-10T10:00:00Z'),
      assigneeId: engineer,
      title: 'long breached',
    }),
    breached: await makeCase(world, { supportId: 'production', severity: 1, openedAt: at('2026-11-20T12:00:00Z'), assigneeId: engineer, title: 'breached' }),
    premierSoon: await makeCase(world, {
      supportId: 'premier',
      severity: 2,
      openedAt: at('2026-11-20T14:50:00Z'),
      assigneeId: engineer,
      title: 'premier soon',
    }),
    basicLater: await makeCase(world, {
      supportId: 'basic',
      severity: 2,
      openedAt: at('2026-11-20T14:00:00Z'),
      assigneeId: engineer,
      title: 'basic later',
      preferredLanguage: 'Spanish',
    }),
    answered: await makeCase(world, {
      supportId: 'basic',
      severity: 3,
      openedAt: at('2026-11-18T10:00:00Z'),
      firstResponseAt: at('2026-11-18T15:00:00Z'),
      assigneeId: engineer,
      title: 'answered',
    }),
    bestEffort: await makeCase(world, { supportId: 'free', severity: 3, openedAt: at('2026-11-19T10:00:00Z'), assigneeId: engineer, title: 'best effort' }),
    resolved: await makeCase(world, {
      supportId: 'premier',
      severity: 1,
      openedAt: at('2026-11-20T14:00:00Z'),
      status: 'RESOLVED',
      assigneeId: engineer,
      title: 'resolved',
    }),
  }
  return { world, c }
}

const titles = (page: Awaited<ReturnType<typeof findQueue>>) => page.cases.map((r) => r.title)

describe('the queue', () => {
  it('orders open cases by what needs action first: breached, soonest deadline, then best effort and answered by opening', async () => {
    const { world } = await queueWorld()
    const page = await findQueue({ actor: world.actors.engineer, input: { assignee: 'mine' }, now })
    expect(titles(page)).toEqual(['long breached', 'breached', 'premier soon', 'basic later', 'answered', 'best effort'])
    expect(page.nextCursor).toBeNull()
    const byTitle = Object.fromEntries(page.cases.map((r) => [r.title, r]))
    expect(byTitle['breached']).toMatchObject({ responseStatus: 'breached', timeLeftMinutes: -120, tier: 'PRODUCTION', region: 'US', language: 'English' })
    expect(byTitle['premier soon']).toMatchObject({ responseStatus: 'pending', timeLeftMinutes: 20 })
    // Basic, 8 business hours from 08:00 Chicago: due 16:00 Chicago; at 09:00 there are 7 business hours left.
    expect(byTitle['basic later']).toMatchObject({
      responseStatus: 'pending',
      timeLeftMinutes: 420,
      responseTarget: { kind: 'deadline', clock: 'business', dueAt: at('2026-11-20T22:00:00Z') },
    })
    expect(byTitle['basic later']!.tickCalendar).toMatchObject({ timeZone: 'America/Chicago' })
    expect(byTitle['answered']).toMatchObject({ responseStatus: 'met', timeLeftMinutes: null })
    expect(byTitle['best effort']).toMatchObject({ responseStatus: 'best-effort', timeLeftMinutes: null, responseTarget: { kind: 'best-effort' } })
    expect(byTitle['premier soon']!.assignee).toMatchObject({ email: world.users.engineer.email })
  })

  it('re-orders when an engineer changes the severity with the customer (target recomputed from the opening time)', async () => {
    const { world } = await queueWorld()
    // Basic Sev 2 → Sev 1: 2 business hours from Friday 08:00 Chicago, due 10:00 Chicago (16:00Z), still after the Premier case (15:20Z).
    await changeSeverity({
      actor: world.actors.engineer,
      number: (await prisma.case.findFirstOrThrow({ where: { organisationId: world.orgs.customer.id, title: 'basic later' } })).number,
      input: { severity: 1, reason: 'Agreed with the customer: production is down' },
      now,
    })
    const page = await findQueue({ actor: world.actors.engineer, input: { assignee: 'mine' }, now })
    expect(titles(page)).toEqual(['long breached', 'breached', 'premier soon', 'basic later', 'answered', 'best effort'])
    expect(page.cases.find((r) => r.title === 'basic later')).toMatchObject({
      severity: 1,
      timeLeftMinutes: 60,
      responseTarget: { dueAt: at('2026-11-20T16:00:00Z'), minutes: 120 },
    })
    // Production Sev 1 → Sev 4: the breached case gets 8 hours from its opening.
    await changeSeverity({
      actor: world.actors.engineer,
      number: (await prisma.case.findFirstOrThrow({ where: { organisationId: world.orgs.customer.id, title: 'breached' } })).number,
      input: { severity: 4, reason: 'Agreed: only a test system is affected' },
      now,
    })
    const after = await findQueue({ actor: world.actors.engineer, input: { assignee: 'mine' }, now })
    // 12:00Z + 8 h = 20:00Z: no longer breached, it now comes after the Basic case (16:00Z).
    expect(titles(after)).toEqual(['long breached', 'premier soon', 'basic later', 'breached', 'answered', 'best effort'])
  })

  it('shows the support account manager on Premier cases only', async () => {
    const { world } = await queueWorld()
    await prisma.supportId.update({ where: { id: world.supportIds.premier.id }, data: { accountManagerId: world.users.manager.id } })
    const page = await findQueue({ actor: world.actors.engineer, input: { assignee: 'mine' }, now })
    expect(page.cases.find((r) => r.title === 'premier soon')!.accountManager).toMatchObject({ name: world.users.manager.name })
    expect(page.cases.find((r) => r.title === 'breached')!.accountManager).toBeNull()
  })

  it('pages with a keyset cursor: small pages concatenate to the full order, with no repeats', async () => {
    const { world } = await queueWorld()
    const full = titles(await findQueue({ actor: world.actors.engineer, input: { assignee: 'mine' }, now }))
    const seen: string[] = []
    let cursor: string | undefined
    for (let i = 0; i < 10; i++) {
      const page = await findQueue({ actor: world.actors.engineer, input: { assignee: 'mine', limit: 2, ...(cursor ? { cursor } : {}) }, now })
      seen.push(...titles(page))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(seen).toEqual(full)
  })

  it('keeps the order across every page of the whole queue (other tests’ cases included)', async () => {
    const { world } = await queueWorld()
    const keys: [number, number, string][] = []
    let cursor: string | undefined
    for (let i = 0; i < 500; i++) {
      const page = await findQueue({ actor: world.actors.manager, input: { limit: 25, ...(cursor ? { cursor } : {}) }, now })
      const rows = await prisma.case.findMany({
        where: { number: { in: page.cases.map((c) => c.number) } },
        select: { number: true, id: true, responseDueAt: true, openedAt: true, status: true },
      })
      const byNumber = new Map(rows.map((r) => [r.number, r]))
      for (const c of page.cases) {
        const r = byNumber.get(c.number)!
        expect(['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER']).toContain(r.status)
        keys.push([r.responseDueAt ? 0 : 1, (r.responseDueAt ?? r.openedAt).getTime(), r.id])
      }
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!]
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] !== b[2])))).toBe(true)
    }
    expect(new Set(keys.map((k) => k[2])).size).toBe(keys.length)
  })

  it('filters by tier, severity, region, language, product, status and unassigned', async () => {
    const { world } = await queueWorld()
    const mine = (input: Record<string, unknown>) => findQueue({ actor: world.actors.engineer, input: { assignee: 'mine', ...input }, now }).then(titles)
    expect(await mine({ tier: 'BASIC' })).toEqual(['basic later', 'answered'])
    expect(await mine({ severity: 2 })).toEqual(['premier soon', 'basic later'])
    expect(await mine({ severity: '2', tier: 'PREMIER' })).toEqual(['premier soon'])
    expect(await mine({ language: 'Spanish' })).toEqual(['basic later'])
    expect(await mine({ region: 'EMEA' })).toEqual([])
    expect(await mine({ status: 'IN_PROGRESS' })).toEqual(['answered'])
    const product = await prisma.product.findFirstOrThrow({ where: { versions: { some: { id: world.version('CURRENT').id } } } })
    expect(await mine({ product: product.name })).toHaveLength(6)
    expect(await mine({ product: 'No such product' })).toEqual([])

    const unassigned = await makeCase(world, { supportId: 'production', severity: 2, openedAt: at('2026-11-20T14:59:00Z'), title: `unassigned ${world.tag}` })
    const page = await findQueue({ actor: world.actors.engineer, input: { assignee: 'unassigned', tier: 'PRODUCTION', severity: 2 }, now })
    expect(page.cases.map((r) => r.number)).toContain(unassigned.number)
    expect(page.cases.every((r) => r.assignee === null)).toBe(true)
  })

  it('is vendor-only: customers and partners get "not found"; bad filters and cursors are refused with 400', async () => {
    const { world } = await queueWorld()
    await expect(findQueue({ actor: world.actors.licadmin, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(findQueue({ actor: world.actors.partner, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(findQueue({ actor: world.actors.admin, input: { assignee: 'mine' }, now })).resolves.toMatchObject({ cases: [] })
    await expect(findQueue({ actor: world.actors.engineer, input: { tier: 'GOLD' }, now })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(findQueue({ actor: world.actors.engineer, input: { status: 'CLOSED' }, now })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(findQueue({ actor: world.actors.engineer, input: { cursor: 'not-a-cursor' }, now })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(findQueue({ actor: world.actors.engineer, input: { unknown: 1 }, now })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('round-trips cursors', () => {
    const due = { seg: 'due' as const, due: Date.UTC(2026, 10, 20, 15), id: 'cabc' }
    const rest = { seg: 'rest' as const, opened: Date.UTC(2026, 10, 1), id: 'cdef' }
    expect(decodeCursor(encodeCursor(due))).toEqual(due)
    expect(decodeCursor(encodeCursor(rest))).toEqual(rest)
  })
})
