import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { resolveCase } from '@/server/engineer/resolve-case'
import { addComment, confirmResolution } from '@/server/cases/customer-actions'
import { getCase } from '@/server/cases/get-case'
import { complianceReport } from '@/server/reports/compliance'
import { AppError } from '@/server/errors'
import { createWorld, type World } from '../support/world'
import { at, makeCase } from '../support/make-case'

// July 2032, a period no other test uses; the report's test rates in September 2032 (the report counts every rating given in the range).
const resolvedAt = at('2032-07-01T15:00:00Z')
const DAY = 86_400_000
const after = (ms: number) => new Date(resolvedAt.getTime() + ms)

async function resolvedCase(world: World, supportId: 'production' | 'basic' | 'other' = 'production', when = resolvedAt) {
  const c = await makeCase(world, {
    supportId,
    openedAt: new Date(when.getTime() - DAY),
    firstResponseAt: new Date(when.getTime() - DAY + 20 * 60_000),
    assigneeId: world.users.engineer.id,
  })
  await resolveCase({
    actor: world.actors.engineer,
    number: c.number,
    input: { code: 'SOLUTION_OR_WORKAROUND', summary: 'Raise the repository quota to 2 TB.' },
    now: when,
  })
  return c
}

async function refusal(run: () => Promise<unknown>) {
  const e = await run().then(
    () => null,
    (err: unknown) => err,
  )
  expect(e, 'expected a refusal').toBeInstanceOf(AppError)
  return e as AppError
}

const events = (caseId: string) =>
  prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { type: true, before: true, after: true, internal: true } })

describe('a customer reply to a resolved case', () => {
  it('within 14 days of the resolution reopens it: back in progress with the engineer, logged, audited, the engineer told in-app and by mail', async () => {
    const world = await createWorld(resolvedAt)
    const c = await resolvedCase(world)
    const now = after(14 * DAY - 60_000) // one minute before the window closes
    const page = await getCase({ actor: world.actors.caseadmin, number: c.number, now })
    expect(page.can).toMatchObject({ comment: true, confirmResolution: true, openFollowUp: false })
    expect(page.reopenUntil).toEqual(after(14 * DAY))

    const reply = await addComment({ actor: world.actors.caseadmin, number: c.number, input: { body: 'The quota did not help: the job still fails.' }, now })
    expect(reply).toMatchObject({ status: 'IN_PROGRESS', reopened: true })
    const row = await prisma.case.findUniqueOrThrow({
      where: { id: c.id },
      select: { status: true, resolutionCode: true, resolvedAt: true, lastCustomerActivityAt: true, assigneeId: true },
    })
    expect(row).toEqual({ status: 'IN_PROGRESS', resolutionCode: null, resolvedAt: null, lastCustomerActivityAt: now, assigneeId: world.users.engineer.id })
    const log = await events(c.id)
    expect(log.at(-1)).toMatchObject({
      type: 'case.reopened',
      internal: false,
      before: { status: 'RESOLVED', resolutionCode: 'SOLUTION_OR_WORKAROUND' },
      after: { status: 'IN_PROGRESS' },
    })
    expect(await prisma.auditEntry.count({ where: { action: 'case.reopened', entityId: c.id, actorId: world.users.caseadmin.id } })).toBe(1)

    const bell = await prisma.notification.findMany({ where: { caseId: c.id, kind: 'case-reopened' }, select: { userId: true, title: true } })
    expect(bell).toEqual([{ userId: world.users.engineer.id, title: `Case #${c.number} reopened: the customer replied to your resolution` }])
    const mail = await prisma.outboxMessage.findMany({ where: { kind: 'case-reopened', to: world.users.engineer.email }, select: { text: true } })
    expect(mail).toHaveLength(1)
    expect(mail[0]!.text).toContain('The quota did not help')
    // Not also the generic "customer replied" message.
    expect(await prisma.notification.count({ where: { caseId: c.id, kind: 'customer-activity' } })).toBe(0)
  })

  it('14 days after the resolution is refused, nothing written, and the case page offers a follow-up case instead', async () => {
    const world = await createWorld(resolvedAt)
    const c = await resolvedCase(world)
    const now = after(14 * DAY)
    const page = await getCase({ actor: world.actors.caseadmin, number: c.number, now })
    expect(page.can).toMatchObject({ comment: false, openFollowUp: true, confirmResolution: true })
    expect(page.reopenUntil).toBeNull()
    const before = { comments: await prisma.comment.count({ where: { caseId: c.id } }), events: (await events(c.id)).length }
    const e = await refusal(() => addComment({ actor: world.actors.caseadmin, number: c.number, input: { body: 'Still failing.' }, now }))
    expect(e.code).toBe('CONFLICT')
    expect(e.message).toMatch(/resolved more than 14 days ago.*open a new case that references it/)
    expect({ comments: await prisma.comment.count({ where: { caseId: c.id } }), events: (await events(c.id)).length }).toEqual(before)
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { status: true } })).toEqual({ status: 'RESOLVED' })
  })
})

describe('confirming a resolution and rating the support', () => {
  it('closes the case with the rating; a bad rating needs a comment; the rating is the vendor’s to read', async () => {
    const world = await createWorld(resolvedAt)
    const c = await resolvedCase(world)
    const now = after(2 * DAY)
    const noComment = await refusal(() => confirmResolution({ actor: world.actors.caseadmin, number: c.number, input: { rating: 'BAD', comment: '  ' }, now }))
    expect(noComment.code).toBe('BAD_REQUEST')
    expect(noComment.message).toMatch(/bad rating needs a comment/)
    expect((await refusal(() => confirmResolution({ actor: world.actors.caseadmin, number: c.number, input: { rating: 'MEH' }, now }))).code).toBe(
      'BAD_REQUEST',
    )

    const done = await confirmResolution({
      actor: world.actors.caseadmin,
      number: c.number,
      input: { rating: 'BAD', comment: 'It took three days to get an answer.' },
      now,
    })
    expect(done).toMatchObject({ status: 'CLOSED', rating: 'BAD' })
    const row = await prisma.case.findUniqueOrThrow({
      where: { id: c.id },
      select: { status: true, closedAt: true, rating: true, ratingComment: true, ratedAt: true, ratedById: true },
    })
    expect(row).toEqual({
      status: 'CLOSED',
      closedAt: now,
      rating: 'BAD',
      ratingComment: 'It took three days to get an answer.',
      ratedAt: now,
      ratedById: world.users.caseadmin.id,
    })
    const log = await events(c.id)
    expect(log.slice(-2)).toMatchObject([
      { type: 'case.confirmed', internal: false, after: { status: 'CLOSED', by: 'customer' } },
      { type: 'case.rated', internal: true, after: { rating: 'BAD', comment: 'It took three days to get an answer.' } },
    ])
    expect(await prisma.auditEntry.count({ where: { action: 'case.rated', entityId: c.id } })).toBe(1)

    const vendorView = await getCase({ actor: world.actors.engineer, number: c.number, now })
    expect(vendorView.rating).toMatchObject({ rating: 'BAD', comment: 'It took three days to get an answer.', ratedAt: now, by: world.users.caseadmin.name })
    const customerView = await getCase({ actor: world.actors.licadmin, number: c.number, now })
    expect(customerView.rating).toBeNull()
    expect(customerView.timeline.some((i) => i.kind === 'event' && i.type === 'case.rated')).toBe(false)
    expect(customerView.can).toMatchObject({ confirmResolution: false, comment: false, openFollowUp: true })

    // Once closed, there is nothing left to confirm.
    expect((await refusal(() => confirmResolution({ actor: world.actors.caseadmin, number: c.number, input: { rating: 'GOOD' }, now }))).code).toBe('CONFLICT')
  })

  it('only a resolved case can be confirmed', async () => {
    const world = await createWorld(resolvedAt)
    const c = await makeCase(world, { openedAt: at('2032-06-30T15:00:00Z'), firstResponseAt: at('2032-06-30T15:20:00Z') })
    const e = await refusal(() => confirmResolution({ actor: world.actors.caseadmin, number: c.number, input: { rating: 'GOOD' }, now: resolvedAt }))
    expect(e.code).toBe('CONFLICT')
    expect(e.message).toMatch(/not resolved yet/)
  })

  it('is refused to vendor staff, another organisation, a user without a role and a partner without an approved grant; an approved partner may', async () => {
    const world = await createWorld(resolvedAt)
    const c = await resolvedCase(world)
    const now = after(DAY)
    const input = { rating: 'GOOD' }
    expect((await refusal(() => confirmResolution({ actor: world.actors.engineer, number: c.number, input, now }))).code).toBe('FORBIDDEN')
    for (const who of ['otherAdmin', 'user', 'pendingPartner', 'revokedPartner'] as const) {
      expect((await refusal(() => confirmResolution({ actor: world.actors[who], number: c.number, input, now }))).code, who).toBe('NOT_FOUND')
      expect((await refusal(() => addComment({ actor: world.actors[who], number: c.number, input: { body: 'Reopen please.' }, now }))).code, who).toBe(
        'NOT_FOUND',
      )
    }
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, rating: true } })).toEqual({ status: 'RESOLVED', rating: null })
    // The partner's grant is on the production Support ID.
    await confirmResolution({ actor: world.actors.partner, number: c.number, input: { rating: 'GOOD', comment: 'Quick and clear.' }, now })
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, rating: true, ratedById: true } })).toEqual({
      status: 'CLOSED',
      rating: 'GOOD',
      ratedById: world.users.partner.id,
    })
  })
})

describe('the compliance report’s satisfaction figures', () => {
  it('give the share of good ratings per tier and per region, with counts, for ratings given in the period', async () => {
    const base = at('2032-09-01T15:00:00Z')
    const world = await createWorld(base)
    const later = (days: number) => new Date(base.getTime() + days * DAY)
    const rate = async (supportId: 'production' | 'basic' | 'other', rating: 'GOOD' | 'BAD', when: Date) => {
      const c = await resolvedCase(world, supportId, base)
      const actor = supportId === 'other' ? world.actors.otherAdmin : world.actors.caseadmin
      await confirmResolution({ actor, number: c.number, input: { rating, comment: rating === 'BAD' ? 'Too slow.' : undefined }, now: when })
    }
    await rate('production', 'BAD', later(1))
    await rate('production', 'GOOD', later(2))
    await rate('basic', 'GOOD', later(3))
    await rate('other', 'GOOD', later(4))
    await rate('basic', 'BAD', at('2032-10-02T12:00:00Z')) // rated after the period

    const report = await complianceReport({ actor: world.actors.manager, input: { from: '2032-09-01', to: '2032-09-30' }, now: at('2032-10-05T12:00:00Z') })
    expect(report.satisfaction).toEqual({
      byTier: [
        { tier: 'PRODUCTION', rated: 2, good: 1, bad: 1, goodPct: 50 },
        { tier: 'BASIC', rated: 2, good: 2, bad: 0, goodPct: 100 },
      ],
      byRegion: [
        { region: 'EMEA', rated: 1, good: 1, bad: 0, goodPct: 100 },
        { region: 'US', rated: 3, good: 2, bad: 1, goodPct: 66.7 },
      ],
      totals: { rated: 4, good: 3, bad: 1, goodPct: 75 },
    })
    // Customers never reach the report.
    expect(
      (await refusal(() => complianceReport({ actor: world.actors.licadmin, input: { from: '2032-07-01', to: '2032-07-31' }, now: resolvedAt }))).code,
    ).toBe('NOT_FOUND')
  })
})
