import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { closeCase, escalateCase } from '@/server/cases/customer-actions'
import { findEscalations } from '@/server/escalations/find-escalations'
import { acknowledgeEscalation, assignEscalationEngineer } from '@/server/escalations/handle-escalation'
import { assignCase } from '@/server/engineer/assign-case'
import { logContactAttempt } from '@/server/engineer/contact-attempts'
import { getVendorCaseTools } from '@/server/engineer/get-vendor-case'
import { createWorld } from '../support/world'
import { at, makeCase } from '../support/make-case'

// Issue 11, smaller defects, against a real database: the escalation card's target state and
// engineer, closing a case with an open manager request, and the contact-attempt rule.

const now = at('2026-11-20T15:00:00Z')
const find = async (world: Awaited<ReturnType<typeof createWorld>>, number: number, when = now) =>
  (await findEscalations({ actor: world.actors.manager, input: { status: 'all' }, now: when })).escalations.find((e) => e.case.number === number)!

describe('the escalation card of a Premier case closed before any response', () => {
  it('says it closed before any response, with its target, never "best effort"', async () => {
    const world = await createWorld(now)
    const c = await makeCase(world, { supportId: 'premier', severity: 2, openedAt: at('2026-11-20T14:50:00Z') })
    await escalateCase({
      actor: world.actors.caseadmin,
      number: c.number,
      input: { reason: 'Please call us, this is urgent.' },
      now: at('2026-11-20T14:55:00Z'),
    })
    await closeCase({ actor: world.actors.caseadmin, number: c.number, input: {}, now: at('2026-11-20T14:58:00Z') })
    const e = await find(world, c.number, at('2026-11-21T09:00:00Z'))
    expect(e.case.responseStanding.kind).toBe('closed-unanswered')
    expect(e.case.responseStanding.text).toMatch(/^Closed before any response \(target .*, 24\/7; not yet due when it closed\)$/)
    expect(e.case.responseStanding.text).not.toContain('Best effort')
    const tools = await getVendorCaseTools({ actor: world.actors.engineer, number: c.number, now: at('2026-11-21T09:00:00Z') })
    expect(tools.standing.kind).toBe('closed-unanswered')
  })
})

describe('the escalation card names the case’s engineer', () => {
  it('shows the case’s assignee after a reassignment, and unassigned when there is none', async () => {
    const world = await createWorld(now)
    const c = await makeCase(world, { supportId: 'production', severity: 2, openedAt: at('2026-11-20T14:00:00Z') })
    await escalateCase({
      actor: world.actors.caseadmin,
      number: c.number,
      input: { reason: 'Nobody has called us back yet.' },
      now: at('2026-11-20T14:10:00Z'),
    })
    expect((await find(world, c.number)).engineer).toBeNull()
    const e = await find(world, c.number)
    await assignEscalationEngineer({
      actor: world.actors.manager,
      escalationId: e.id,
      input: { engineer: world.users.engineer2.email },
      now: at('2026-11-20T14:20:00Z'),
    })
    // Then someone takes the case: the escalation's own record keeps who the manager chose, the card shows who works it.
    await assignCase({ actor: world.actors.engineer, number: c.number, input: {}, now: at('2026-11-20T14:30:00Z') })
    const after = await find(world, c.number)
    expect(after.assignedEngineer?.email).toBe(world.users.engineer2.email)
    expect(after.engineer?.email).toBe(world.users.engineer.email)
  })
})

describe('closing a case with an open manager request', () => {
  it('closes the request with the case, says so in its resolution, in the case log and the audit, in one transaction', async () => {
    const world = await createWorld(now)
    const c = await makeCase(world, { supportId: 'basic', severity: 2, openedAt: at('2026-11-20T14:00:00Z') })
    await escalateCase({
      actor: world.actors.caseadmin,
      number: c.number,
      input: { reason: 'Nobody has called us back yet.' },
      now: at('2026-11-20T14:10:00Z'),
    })
    const e = await find(world, c.number)
    await acknowledgeEscalation({ actor: world.actors.manager, escalationId: e.id, now: at('2026-11-20T14:20:00Z') })
    const closed = await closeCase({
      actor: world.actors.caseadmin,
      number: c.number,
      input: { reason: 'Solved it ourselves' },
      now: at('2026-11-20T14:30:00Z'),
    })
    expect(closed.escalationsClosed).toBe(1)
    const row = await prisma.escalation.findUniqueOrThrow({ where: { id: e.id } })
    expect(row).toMatchObject({ status: 'RESOLVED', resolvedAt: at('2026-11-20T14:30:00Z'), handledById: world.users.manager.id })
    expect(row.resolution).toBe(`Closed with the case: ${world.users.caseadmin.name} closed case #${c.number} while this request was still open.`)
    const log = await prisma.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' }, select: { type: true, at: true } })
    expect(log.map((l) => l.type)).toEqual(['case.opened', 'escalation.opened', 'escalation.acknowledged', 'case.closed', 'escalation.closed-with-case'])
    expect(await prisma.auditEntry.count({ where: { entityType: 'Escalation', entityId: e.id, action: 'escalation.closed-with-case' } })).toBe(1)
    // Off the managers' open list.
    expect((await findEscalations({ actor: world.actors.manager, now })).escalations.some((x) => x.id === e.id)).toBe(false)
  })

  it('leaves the request open when the close is refused (stale version): nothing half-done', async () => {
    const world = await createWorld(now)
    const c = await makeCase(world, { supportId: 'basic', severity: 2, openedAt: at('2026-11-20T14:00:00Z') })
    await escalateCase({
      actor: world.actors.caseadmin,
      number: c.number,
      input: { reason: 'Nobody has called us back yet.' },
      now: at('2026-11-20T14:10:00Z'),
    })
    await expect(
      closeCase({ actor: world.actors.caseadmin, number: c.number, input: { version: c.version + 7 }, now: at('2026-11-20T14:30:00Z') }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await find(world, c.number)).status).toBe('OPEN')
  })
})

describe('contact attempts', () => {
  it('refuses e-mail + voicemail, naming the outcome field', async () => {
    const world = await createWorld(now)
    const c = await makeCase(world, { supportId: 'basic', severity: 3, openedAt: at('2026-11-20T14:00:00Z') })
    await expect(
      logContactAttempt({ actor: world.actors.engineer, number: c.number, input: { channel: 'email', outcome: 'voicemail' }, now }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      details: [expect.objectContaining({ path: 'outcome', message: expect.stringContaining('a voicemail can only be left on a phone call') })],
    })
    expect(await prisma.contactAttempt.count({ where: { caseId: c.id } })).toBe(0)
  })

  it('records whom the engineer tried to reach, for the vendor’s timeline', async () => {
    const world = await createWorld(now)
    const c = await makeCase(world, { supportId: 'basic', severity: 3, openedAt: at('2026-11-20T14:00:00Z') })
    await logContactAttempt({ actor: world.actors.engineer, number: c.number, input: { channel: 'phone', outcome: 'voicemail' }, now })
    const ev = await prisma.caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'case.contact-attempt' } })
    expect(ev.after).toMatchObject({ contact: world.users.caseadmin.name, channel: 'PHONE', outcome: 'VOICEMAIL' })
  })
})
