import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { sendBreachWarnings } from '@/server/notifications/breach-warnings'
import { makeCaseWithDeadline } from '../support/make-case'
import { createWorld } from '../support/world'

const at = (iso: string) => new Date(iso)
const MIN = 60_000

async function warnings(caseId: string) {
  const c = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { number: true } })
  return prisma.outboxMessage.findMany({ where: { kind: 'breach-warning', text: { contains: `Case #${c.number} ` } } })
}

describe('breach warnings: 24/7 targets', () => {
  it('warns once, 30 minutes ahead, to the assignee; not earlier, not after the breach, not for closed cases', async () => {
    const world = await createWorld()
    const soon = await makeCaseWithDeadline(world, { assignee: 'engineer', dueInMinutes: 20 })
    const later = await makeCaseWithDeadline(world, { assignee: 'engineer', dueInMinutes: 45 })
    const breached = await makeCaseWithDeadline(world, { assignee: 'engineer', dueInMinutes: -5 })
    const resolved = await makeCaseWithDeadline(world, { assignee: 'engineer', dueInMinutes: 10, status: 'RESOLVED' })
    const ids = [soon.id, later.id, breached.id, resolved.id]

    expect(await sendBreachWarnings({ now: world.now, caseIds: ids })).toEqual([soon.number])
    const mails = await warnings(soon.id)
    expect(mails.map((m) => m.to)).toEqual([world.users.engineer.email])
    expect(mails[0]!.text).toContain('20 min left')
    const row = await prisma.case.findUniqueOrThrow({ where: { id: soon.id } })
    expect(row.breachWarningSentAt).toEqual(world.now)
    expect(row.version).toBe(soon.version)
    const event = await prisma.caseEvent.findFirstOrThrow({ where: { caseId: soon.id, type: 'case.breach-warning-sent' } })
    expect(event).toMatchObject({ internal: true, actorId: null })

    // A second run, or a second process at the same moment, sends nothing more.
    const again = await Promise.all([sendBreachWarnings({ now: world.now, caseIds: ids }), sendBreachWarnings({ now: world.now, caseIds: ids })])
    expect(again).toEqual([[], []])
    expect(await warnings(soon.id)).toHaveLength(1)

    // 15 minutes on, the other case enters its window.
    expect(await sendBreachWarnings({ now: new Date(world.now.getTime() + 16 * MIN), caseIds: ids })).toEqual([later.number])
    for (const c of [breached, resolved]) expect(await warnings(c.id)).toHaveLength(0)
  })

  it('an unassigned case warns the queue: every engineer', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { dueInMinutes: 25 })
    const both = await Promise.all([sendBreachWarnings({ now: world.now, caseIds: [c.id] }), sendBreachWarnings({ now: world.now, caseIds: [c.id] })])
    expect(both.flat()).toEqual([c.number])
    const to = (await warnings(c.id)).map((m) => m.to)
    expect(to).toEqual(expect.arrayContaining([world.users.engineer.email, world.users.engineer2.email]))
    expect(to).not.toContain(world.users.manager.email)
    expect(new Set(to).size).toBe(to.length)
  })
})

describe('breach warnings: business-hours targets (Basic, America/Chicago, Mon–Fri 08:00–20:00, US holidays)', () => {
  it("counts business minutes and warns only while the customer's calendar is open", async () => {
    const world = await createWorld()
    // Due Monday 23 Nov 08:20 CST: at Friday 19:50 CST 10 + 20 = 30 business minutes are left.
    const monday0820 = await makeCaseWithDeadline(world, { supportId: 'basic', clock: 'BUSINESS', dueAt: at('2026-11-23T14:20:00Z') })
    // Due Monday 09:00 CST: 70 business minutes at Friday 19:50.
    const monday0900 = await makeCaseWithDeadline(world, { supportId: 'basic', clock: 'BUSINESS', dueAt: at('2026-11-23T15:00:00Z') })
    const ids = [monday0820.id, monday0900.id]

    // Saturday noon: closed, nothing is sent although the deadline is only 30 business minutes away.
    expect(await sendBreachWarnings({ now: at('2026-11-21T18:00:00Z'), caseIds: ids })).toEqual([])
    // Friday 19:50 CST: open; the 08:20 case is within 30 business minutes (over 60 real hours away).
    expect(await sendBreachWarnings({ now: at('2026-11-21T01:50:00Z'), caseIds: ids })).toEqual([monday0820.number])
    expect((await warnings(monday0820.id))[0]!.text).toContain('30 min of business time left')
    // Monday 08:29 CST: 31 minutes left, no; 08:30: 30 left, yes.
    expect(await sendBreachWarnings({ now: at('2026-11-23T14:29:00Z'), caseIds: ids })).toEqual([])
    expect(await sendBreachWarnings({ now: at('2026-11-23T14:30:00Z'), caseIds: ids })).toEqual([monday0900.number])
  })

  it("skips a holiday of the customer's calendar, both in counting and in sending", async () => {
    const world = await createWorld()
    // Thanksgiving is Thursday 26 Nov 2026. Due Friday 27 Nov 08:15 CST.
    const c = await makeCaseWithDeadline(world, { supportId: 'basic', clock: 'BUSINESS', dueAt: at('2026-11-27T14:15:00Z') })
    // Wednesday 19:00 CST: 60 + 0 (holiday) + 15 = 75 business minutes.
    expect(await sendBreachWarnings({ now: at('2026-11-26T01:00:00Z'), caseIds: [c.id] })).toEqual([])
    // Thanksgiving noon: 15 business minutes left, but the calendar is closed.
    expect(await sendBreachWarnings({ now: at('2026-11-26T18:00:00Z'), caseIds: [c.id] })).toEqual([])
    // Wednesday 19:50 CST: 10 + 15 = 25, open: warned.
    expect(await sendBreachWarnings({ now: at('2026-11-26T01:50:00Z'), caseIds: [c.id] })).toEqual([c.number])
    expect((await warnings(c.id))[0]!.text).toContain('25 min of business time left')
  })
})
