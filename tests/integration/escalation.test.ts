import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { escalateCase } from '@/server/cases/customer-actions'
import { findEscalations } from '@/server/escalations/find-escalations'
import { acknowledgeEscalation, addEscalationNote, assignEscalationEngineer, resolveEscalation } from '@/server/escalations/handle-escalation'
import { createWorld } from '../support/world'
import { at, makeCase } from '../support/make-case'

const now = at('2026-11-20T15:00:00Z')

async function escalated() {
  const world = await createWorld(now)
  const older = await makeCase(world, { supportId: 'production', severity: 1, openedAt: at('2026-11-20T12:00:00Z'), title: 'older' }) // due 13:00Z: breached
  const newer = await makeCase(world, { supportId: 'basic', severity: 2, openedAt: at('2026-11-20T14:00:00Z'), title: 'newer' }) // 8 business hours
  await escalateCase({
    actor: world.actors.caseadmin,
    number: newer.number,
    input: { reason: 'Nobody has called us back yet.' },
    now: at('2026-11-20T14:40:00Z'),
  })
  await escalateCase({
    actor: world.actors.licadmin,
    number: older.number,
    input: { reason: 'Production is down and nothing happens.', preferredContactTime: 'Now' },
    now: at('2026-11-20T14:30:00Z'),
  })
  return { world, older, newer }
}

const mine = (list: Awaited<ReturnType<typeof findEscalations>>, numbers: number[]) => list.escalations.filter((e) => numbers.includes(e.case.number))

describe('the escalation queue', () => {
  it('lists "talk to a manager" requests oldest first, with the case’s SLA state', async () => {
    const { world, older, newer } = await escalated()
    const list = mine(await findEscalations({ actor: world.actors.manager, now }), [older.number, newer.number])
    expect(list.map((e) => e.case.title)).toEqual(['older', 'newer'])
    expect(list[0]).toMatchObject({
      status: 'OPEN',
      reason: 'Production is down and nothing happens.',
      preferredContactTime: 'Now',
      case: { responseStatus: 'breached', timeLeftMinutes: -120, tier: 'PRODUCTION' },
    })
    expect(list[1]).toMatchObject({ status: 'OPEN', case: { responseStatus: 'pending', timeLeftMinutes: 420 } })
  })

  it('is for Support Managers: engineers get 403, customers and partners 404', async () => {
    const { world } = await escalated()
    await expect(findEscalations({ actor: world.actors.engineer, now })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(findEscalations({ actor: world.actors.caseadmin, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(findEscalations({ actor: world.actors.partner, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const [e] = mine(await findEscalations({ actor: world.actors.manager, now }), [
      (await prisma.case.findFirstOrThrow({ where: { organisationId: world.orgs.customer.id, title: 'older' } })).number,
    ])
    await expect(acknowledgeEscalation({ actor: world.actors.engineer, escalationId: e!.id, now })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(acknowledgeEscalation({ actor: world.actors.caseadmin, escalationId: e!.id, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(acknowledgeEscalation({ actor: world.actors.manager, escalationId: 'nope', now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a manager acknowledges, assigns an engineer, adds a note and resolves; each step is in the case’s event log', async () => {
    const { world, older } = await escalated()
    const [e] = mine(await findEscalations({ actor: world.actors.manager, now }), [older.number])
    await acknowledgeEscalation({ actor: world.actors.manager, escalationId: e!.id, now: at('2026-11-20T15:01:00Z') })
    await expect(acknowledgeEscalation({ actor: world.actors.manager, escalationId: e!.id, now })).rejects.toMatchObject({ code: 'CONFLICT' })
    await assignEscalationEngineer({
      actor: world.actors.manager,
      escalationId: e!.id,
      input: { engineer: world.users.engineer2.email },
      now: at('2026-11-20T15:02:00Z'),
    })
    await expect(
      assignEscalationEngineer({ actor: world.actors.manager, escalationId: e!.id, input: { engineer: world.users.caseadmin.email }, now }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE' })
    await addEscalationNote({
      actor: world.actors.manager,
      escalationId: e!.id,
      input: { note: 'Called the customer; engineer on it.' },
      now: at('2026-11-20T15:03:00Z'),
    })
    await expect(addEscalationNote({ actor: world.actors.manager, escalationId: e!.id, input: { note: '  ' }, now })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await resolveEscalation({
      actor: world.actors.manager,
      escalationId: e!.id,
      input: { resolution: 'Engineer assigned; customer satisfied.' },
      now: at('2026-11-20T15:04:00Z'),
    })
    await expect(resolveEscalation({ actor: world.actors.manager, escalationId: e!.id, input: { resolution: 'Again and again.' }, now })).rejects.toMatchObject(
      { code: 'CONFLICT' },
    )

    const row = await prisma.escalation.findUniqueOrThrow({ where: { id: e!.id } })
    expect(row).toMatchObject({
      status: 'RESOLVED',
      acknowledgedAt: at('2026-11-20T15:01:00Z'),
      handledById: world.users.manager.id,
      assignedEngineerId: world.users.engineer2.id,
      resolvedAt: at('2026-11-20T15:04:00Z'),
      resolution: 'Engineer assigned; customer satisfied.',
      notes: [{ at: '2026-11-20T15:03:00.000Z', by: world.users.manager.name, text: 'Called the customer; engineer on it.' }],
    })
    expect((await prisma.case.findUniqueOrThrow({ where: { id: older.id } })).assigneeId).toBe(world.users.engineer2.id)
    const log = await prisma.caseEvent.findMany({ where: { caseId: older.id }, orderBy: { id: 'asc' }, select: { type: true, internal: true, actorId: true } })
    expect(log.map((l) => l.type)).toEqual([
      'case.opened',
      'escalation.opened',
      'escalation.acknowledged',
      'escalation.engineer-assigned',
      'case.assigned',
      'escalation.note-added',
      'escalation.resolved',
    ])
    expect(log.find((l) => l.type === 'escalation.note-added')!.internal).toBe(true)
    expect(log.filter((l) => l.type.startsWith('escalation.') && l.type !== 'escalation.opened').every((l) => l.actorId === world.users.manager.id)).toBe(true)

    expect(mine(await findEscalations({ actor: world.actors.manager, now }), [older.number])).toEqual([])
    expect(mine(await findEscalations({ actor: world.actors.manager, input: { status: 'all' }, now }), [older.number])).toHaveLength(1)
  })

  it('assigning an engineer to an open escalation acknowledges it', async () => {
    const { world, newer } = await escalated()
    const [e] = mine(await findEscalations({ actor: world.actors.manager, now }), [newer.number])
    await assignEscalationEngineer({ actor: world.actors.manager, escalationId: e!.id, input: { engineer: world.users.engineer.email }, now })
    expect(await prisma.escalation.findUniqueOrThrow({ where: { id: e!.id } })).toMatchObject({
      status: 'ACKNOWLEDGED',
      handledById: world.users.manager.id,
      acknowledgedAt: now,
    })
  })
})
