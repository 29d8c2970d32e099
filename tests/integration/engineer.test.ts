import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { assignCase } from '@/server/engineer/assign-case'
import { replyToCase, requestInformation } from '@/server/engineer/reply-to-case'
import { logContactAttempt } from '@/server/engineer/contact-attempts'
import { closeResolvedCase, resolveCase } from '@/server/engineer/resolve-case'
import { getVendorCaseTools } from '@/server/engineer/get-vendor-case'
import { addComment } from '@/server/cases/customer-actions'
import { createWorld } from '../support/world'
import { at, makeCase } from '../support/make-case'

// November 2026: Fri 20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25, Thu 26 (Thanksgiving, a US
// holiday in the seeded calendar), Fri 27, Mon 30. Chicago = UTC−6: 10:00 local = 16:00Z.
const opened = at('2026-11-20T14:00:00Z')

const events = async (caseId: string) =>
  prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { type: true, after: true, before: true, internal: true, actorId: true } })

const outbox = (world: Awaited<ReturnType<typeof createWorld>>, kind: string) => prisma.outboxMessage.count({ where: { kind, to: { contains: world.tag } } })

async function attempt(
  world: Awaited<ReturnType<typeof createWorld>>,
  number: number,
  iso: string,
  outcome: 'no-answer' | 'voicemail' | 'reached' = 'no-answer',
) {
  return logContactAttempt({ actor: world.actors.engineer, number, input: { channel: 'phone', outcome }, now: at(iso) })
}

describe('assigning cases', () => {
  it('an engineer takes a case; a manager reassigns it; the assignment is an internal event', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    const now = at('2026-11-20T15:00:00Z')
    expect(await assignCase({ actor: world.actors.engineer, number: c.number, input: {}, now })).toMatchObject({
      assignee: { email: world.users.engineer.email },
    })
    await expect(assignCase({ actor: world.actors.engineer, number: c.number, input: {}, now })).rejects.toMatchObject({ code: 'CONFLICT' })
    await assignCase({ actor: world.actors.manager, number: c.number, input: { engineer: world.users.engineer2.email }, now })
    const row = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { assigneeId: true, version: true } })
    expect(row).toEqual({ assigneeId: world.users.engineer2.id, version: 2 })
    const assigned = (await events(c.id)).filter((e) => e.type === 'case.assigned')
    expect(assigned).toEqual([
      expect.objectContaining({
        internal: true,
        before: { assignee: null },
        after: expect.objectContaining({ assignee: world.users.engineer.email, taken: true }),
      }),
      expect.objectContaining({
        internal: true,
        before: { assignee: world.users.engineer.email },
        after: expect.objectContaining({ assignee: world.users.engineer2.email, taken: false }),
      }),
    ])
  })

  it('refuses a non-engineer, a stale version, customers (404) and account managers without the role (403)', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    const now = at('2026-11-20T15:00:00Z')
    await expect(assignCase({ actor: world.actors.engineer, number: c.number, input: { engineer: world.users.manager.email }, now })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
    })
    await expect(assignCase({ actor: world.actors.engineer, number: c.number, input: { engineer: world.users.caseadmin.email }, now })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
    })
    await expect(assignCase({ actor: world.actors.engineer, number: c.number, input: { version: 7 }, now })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(assignCase({ actor: world.actors.caseadmin, number: c.number, input: {}, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // Customers get "not found" whatever they send: authorization comes before reading the input.
    await expect(assignCase({ actor: world.actors.caseadmin, number: c.number, input: { bogus: 1 }, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(replyToCase({ actor: world.actors.caseadmin, number: c.number, input: { bogus: 1 }, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(logContactAttempt({ actor: world.actors.partner, number: c.number, input: {}, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(resolveCase({ actor: world.actors.licadmin, number: c.number, input: {}, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(assignCase({ actor: world.actors.partner, number: c.number, input: {}, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(assignCase({ actor: world.actors.admin, number: c.number, input: {}, now })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(assignCase({ actor: world.actors.engineer, number: 999_999_999, input: {}, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('replies and the first response', () => {
  it('an internal note is not a response; the first public reply meets the target, records the time and starts work', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { supportId: 'production', severity: 2, openedAt: opened }) // due 17:00Z
    await replyToCase({
      actor: world.actors.engineer,
      number: c.number,
      input: { body: 'Looks like the proxy.', public: false },
      now: at('2026-11-20T14:30:00Z'),
    })
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { firstResponseAt: true, status: true } })).toEqual({
      firstResponseAt: null,
      status: 'NEW',
    })

    const reply = await replyToCase({
      actor: world.actors.engineer,
      number: c.number,
      input: { body: 'Please check the proxy settings.', public: true },
      now: at('2026-11-20T15:10:00Z'),
    })
    expect(reply.firstResponse).toMatchObject({ responseStatus: 'met' })
    const row = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { firstResponseAt: true, responseDueAt: true, status: true } })
    expect(row).toEqual({ firstResponseAt: at('2026-11-20T15:10:00Z'), responseDueAt: null, status: 'IN_PROGRESS' })
    const log = await events(c.id)
    expect(log.map((e) => e.type)).toEqual(['case.opened', 'reply.added', 'reply.added', 'case.first-response', 'case.status-changed'])
    expect(log[1]).toMatchObject({ internal: true })
    expect(log[3]).toMatchObject({ internal: false, after: { met: true, responseStatus: 'met' } })
    const comments = await prisma.comment.findMany({ where: { caseId: c.id }, orderBy: { createdAt: 'asc' }, select: { internal: true } })
    expect(comments).toEqual([{ internal: true }, { internal: false }])

    // The customer hears about the public reply (through the outbox), not about the internal note.
    expect(await outbox(world, 'engineer-reply')).toBeGreaterThan(0)

    // A second reply is not a first response again.
    const again = await replyToCase({
      actor: world.actors.engineer2,
      number: c.number,
      input: { body: 'Any news?', public: true },
      now: at('2026-11-20T18:00:00Z'),
    })
    expect(again.firstResponse).toBeNull()
  })

  it('a late first reply records "breached by" in the target’s clock (business minutes for Basic)', async () => {
    const world = await createWorld()
    // Basic Sev 1: 2 business hours from Friday 08:00 Chicago → due Friday 10:00 Chicago (16:00Z).
    const c = await makeCase(world, { supportId: 'basic', severity: 1, openedAt: at('2026-11-20T14:00:00Z') })
    // Monday 10:10 Chicago: Friday 10:00–20:00 (10 h) + Monday 08:00–10:10 (2 h 10 min) of business time late.
    const reply = await replyToCase({
      actor: world.actors.engineer,
      number: c.number,
      input: { body: 'Sorry for the wait.', public: true },
      now: at('2026-11-23T16:10:00Z'),
    })
    expect(reply.firstResponse).toMatchObject({ responseStatus: 'breached', breachedByMinutes: 12 * 60 + 10 })
    const tools = await getVendorCaseTools({ actor: world.actors.engineer, number: c.number, now: at('2026-11-23T17:00:00Z') })
    expect(tools.sla).toMatchObject({ status: 'breached', breachedByMinutes: 730 })
  })

  it('refuses a stale version (409), a closed case (409), an empty body (400) and customers (404)', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    const now = at('2026-11-20T15:00:00Z')
    await expect(replyToCase({ actor: world.actors.engineer, number: c.number, input: { body: 'x', public: true, version: 3 }, now })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    await expect(replyToCase({ actor: world.actors.engineer, number: c.number, input: { body: '  ', public: true }, now })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(replyToCase({ actor: world.actors.engineer, number: c.number, input: { body: 'Hi' }, now })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(replyToCase({ actor: world.actors.caseadmin, number: c.number, input: { body: 'Hi', public: true }, now })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const closed = await makeCase(world, { openedAt: opened, status: 'CLOSED' })
    await expect(replyToCase({ actor: world.actors.engineer, number: closed.number, input: { body: 'Hi', public: true }, now })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect(await prisma.comment.count({ where: { caseId: { in: [c.id, closed.id] } } })).toBe(0)
  })
})

describe('requesting diagnostic information', () => {
  it('the case waits on the customer until the customer replies', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened, firstResponseAt: at('2026-11-20T14:30:00Z') })
    await requestInformation({
      actor: world.actors.engineer,
      number: c.number,
      input: { body: 'Please upload the logs of the last 7 days.' },
      now: at('2026-11-20T15:00:00Z'),
    })
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('WAITING_ON_CUSTOMER')
    await expect(
      requestInformation({ actor: world.actors.engineer, number: c.number, input: { body: 'And the config.' }, now: at('2026-11-20T15:05:00Z') }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const log = await events(c.id)
    expect(log.at(-1)).toMatchObject({ type: 'case.information-requested', before: { status: 'IN_PROGRESS' }, after: { status: 'WAITING_ON_CUSTOMER' } })

    await addComment({ actor: world.actors.caseadmin, number: c.number, input: { body: 'Logs are attached.' }, now: at('2026-11-20T16:00:00Z') })
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('IN_PROGRESS')
  })

  it('on a new case, the request is the first response', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { supportId: 'production', severity: 3, openedAt: opened })
    await requestInformation({
      actor: world.actors.engineer,
      number: c.number,
      input: { body: 'Please upload the logs of the last 7 days.' },
      now: at('2026-11-20T15:00:00Z'),
    })
    const row = await prisma.case.findUniqueOrThrow({ where: { id: c.id } })
    expect(row).toMatchObject({ status: 'WAITING_ON_CUSTOMER', firstResponseAt: at('2026-11-20T15:00:00Z'), responseDueAt: null })
    expect((await events(c.id)).map((e) => e.type)).toEqual([
      'case.opened',
      'reply.added',
      'case.first-response',
      'case.status-changed',
      'case.information-requested',
    ])
  })
})

describe('the contact-attempt rule, at fixed instants', () => {
  it('counts attempts on the same business day once', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    await attempt(world, c.number, '2026-11-23T16:00:00Z')
    const second = await attempt(world, c.number, '2026-11-23T20:00:00Z', 'voicemail')
    expect(second).toMatchObject({
      businessDay: '2026-11-23',
      verdict: 'same-day',
      contactAttempts: { businessDays: 1, required: 3, closeWithoutConsentAllowed: false },
    })
    const tools = await getVendorCaseTools({ actor: world.actors.engineer, number: c.number, now: at('2026-11-23T21:00:00Z') })
    expect(tools.contact.businessDays).toEqual(['2026-11-23'])
    expect(tools.can.closeWithoutConsent).toBe(false)
  })

  it('skips a weekend and a holiday between attempts; three business days allow closing without consent', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    expect(await attempt(world, c.number, '2026-11-20T20:00:00Z')).toMatchObject({ verdict: 'counted', contactAttempts: { businessDays: 1 } }) // Fri
    expect(await attempt(world, c.number, '2026-11-21T16:00:00Z')).toMatchObject({ verdict: 'not-a-business-day', contactAttempts: { businessDays: 1 } }) // Sat
    expect(await attempt(world, c.number, '2026-11-25T16:00:00Z')).toMatchObject({ verdict: 'counted', contactAttempts: { businessDays: 2 } }) // Wed
    expect(await attempt(world, c.number, '2026-11-26T16:00:00Z')).toMatchObject({ verdict: 'not-a-business-day', contactAttempts: { businessDays: 2 } }) // Thanksgiving

    const refused = await resolveCase({
      actor: world.actors.engineer,
      number: c.number,
      input: { code: 'NO_RESPONSE', summary: 'No answer.' },
      now: at('2026-11-26T17:00:00Z'),
    }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { contactAttempts: { businessDays: 2, required: 3, closeWithoutConsentAllowed: false } } })
    expect((refused as Error).message).toContain('2 of 3 business days')

    expect(await attempt(world, c.number, '2026-11-27T16:00:00Z')).toMatchObject({
      verdict: 'counted',
      contactAttempts: { businessDays: 3, closeWithoutConsentAllowed: true },
    }) // Fri
    const closed = await resolveCase({
      actor: world.actors.engineer,
      number: c.number,
      input: { code: 'NO_RESPONSE', summary: 'We could not reach you.' },
      now: at('2026-11-27T18:00:00Z'),
    })
    expect(closed).toMatchObject({ status: 'CLOSED', resolution: { code: 'NO_RESPONSE' } })
    const row = await prisma.case.findUniqueOrThrow({ where: { id: c.id } })
    expect(row).toMatchObject({ status: 'CLOSED', resolutionCode: 'NO_RESPONSE', closedAt: at('2026-11-27T18:00:00Z'), responseDueAt: null })
    const told = await prisma.comment.findFirstOrThrow({ where: { caseId: c.id, internal: false }, orderBy: { createdAt: 'desc' } })
    expect(told.body).toContain(`open a new case and reference case #${c.number}`)
    const log = await events(c.id)
    expect(log.filter((e) => e.type === 'case.contact-attempt')).toHaveLength(5)
    expect(log.at(-1)).toMatchObject({ type: 'case.closed-without-consent', after: { status: 'CLOSED', resolutionCode: 'NO_RESPONSE' } })
    expect(await outbox(world, 'contact-attempt')).toBeGreaterThan(0)
    expect(await outbox(world, 'closed-without-consent')).toBeGreaterThan(0)
  })

  it('a reply from the customer starts the count again', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    await attempt(world, c.number, '2026-11-20T20:00:00Z')
    await attempt(world, c.number, '2026-11-23T16:00:00Z')
    await addComment({ actor: world.actors.caseadmin, number: c.number, input: { body: 'Sorry, I was away.' }, now: at('2026-11-23T18:00:00Z') })
    expect(await attempt(world, c.number, '2026-11-24T16:00:00Z')).toMatchObject({ verdict: 'counted', contactAttempts: { businessDays: 1 } })
    await attempt(world, c.number, '2026-11-25T16:00:00Z')
    await expect(
      resolveCase({ actor: world.actors.engineer, number: c.number, input: { code: 'NO_RESPONSE', summary: 'No answer.' }, now: at('2026-11-25T17:00:00Z') }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const tools = await getVendorCaseTools({ actor: world.actors.engineer, number: c.number, now: at('2026-11-25T17:00:00Z') })
    expect(tools.contact.businessDays).toEqual(['2026-11-24', '2026-11-25'])
    expect(tools.contact.attempts.map((a) => a.verdict)).toEqual(['before-reset', 'before-reset', 'counted', 'counted'])
  })

  it('reaching the customer starts the count again', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    await attempt(world, c.number, '2026-11-20T20:00:00Z')
    await attempt(world, c.number, '2026-11-23T16:00:00Z')
    expect(await attempt(world, c.number, '2026-11-24T16:00:00Z', 'reached')).toMatchObject({ verdict: 'reached', contactAttempts: { businessDays: 0 } })
  })

  it('takes an earlier time for a call logged afterwards, but never before the case opened nor in the future', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    const now = at('2026-11-23T20:00:00Z')
    const logged = await logContactAttempt({
      actor: world.actors.engineer,
      number: c.number,
      input: { at: '2026-11-23T15:00:00Z', channel: 'phone', outcome: 'voicemail' },
      now,
    })
    expect(logged).toMatchObject({ at: at('2026-11-23T15:00:00Z'), channel: 'phone', outcome: 'voicemail', verdict: 'counted' })
    await expect(
      logContactAttempt({ actor: world.actors.engineer, number: c.number, input: { at: '2026-11-23T20:01:00Z', channel: 'phone', outcome: 'no-answer' }, now }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      logContactAttempt({ actor: world.actors.engineer, number: c.number, input: { at: '2026-11-20T13:59:00Z', channel: 'phone', outcome: 'no-answer' }, now }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      logContactAttempt({ actor: world.actors.engineer, number: c.number, input: { channel: 'fax', outcome: 'no-answer' }, now }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      logContactAttempt({ actor: world.actors.caseadmin, number: c.number, input: { channel: 'phone', outcome: 'no-answer' }, now }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await prisma.contactAttempt.count({ where: { caseId: c.id } })).toBe(1)
  })

  it('on a 24/7 tier, a weekday late at night counts and the weekend does not', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { supportId: 'production', openedAt: opened })
    expect(await attempt(world, c.number, '2026-11-21T05:00:00Z')).toMatchObject({ businessDay: '2026-11-20', verdict: 'counted' }) // Fri 23:00 Chicago
    expect(await attempt(world, c.number, '2026-11-22T18:00:00Z')).toMatchObject({ verdict: 'not-a-business-day' }) // Sun
  })
})

describe('resolving and closing', () => {
  it('resolves with a policy code and summary, then closes; the resolution is the first response of an unanswered case', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { supportId: 'production', severity: 3, openedAt: opened })
    const resolved = await resolveCase({
      actor: world.actors.engineer,
      number: c.number,
      input: { code: 'KNOWLEDGE_BASE', summary: 'See KB article on proxies.' },
      now: at('2026-11-20T15:00:00Z'),
    })
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: { code: 'KNOWLEDGE_BASE' } })
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: 'RESOLVED',
      firstResponseAt: at('2026-11-20T15:00:00Z'),
      responseDueAt: null,
      resolutionSummary: 'See KB article on proxies.',
    })
    await expect(
      resolveCase({ actor: world.actors.engineer, number: c.number, input: { code: 'UPGRADE', summary: 'Again.' }, now: at('2026-11-20T15:01:00Z') }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await closeResolvedCase({ actor: world.actors.engineer, number: c.number, input: {}, now: at('2026-11-20T16:00:00Z') })
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: 'CLOSED', closedAt: at('2026-11-20T16:00:00Z') })
    await expect(closeResolvedCase({ actor: world.actors.engineer, number: c.number, input: {}, now: at('2026-11-20T16:01:00Z') })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect((await events(c.id)).map((e) => e.type)).toEqual(['case.opened', 'case.first-response', 'case.resolved', 'case.closed'])
  })

  it('refuses an unknown code and a duplicate without the other case', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { openedAt: opened })
    const other = await makeCase(world, { openedAt: opened })
    const now = at('2026-11-20T15:00:00Z')
    await expect(resolveCase({ actor: world.actors.engineer, number: c.number, input: { code: 'FIXED', summary: 'Done it.' }, now })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(
      resolveCase({ actor: world.actors.engineer, number: c.number, input: { code: 'DUPLICATE', summary: 'Same as another.' }, now }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(
      resolveCase({ actor: world.actors.engineer, number: c.number, input: { code: 'DUPLICATE', summary: 'Same as itself.', duplicateOf: c.number }, now }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE' })
    await resolveCase({
      actor: world.actors.engineer,
      number: c.number,
      input: { code: 'DUPLICATE', summary: 'Same as the other.', duplicateOf: other.number },
      now,
    })
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ resolutionCode: 'DUPLICATE', relatedCaseId: other.id })
  })
})
