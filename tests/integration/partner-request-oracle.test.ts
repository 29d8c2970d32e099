// Issue 10 ("Lower"): a partner could tell whether a Support ID code exists from the answer to its
// access request (404 for an unknown code, 201 for a real one). Every request is now recorded by the
// code typed, and the answers, the partner's list and the refusals are the same (decision 0018).
import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { AppError } from '@/server/errors'
import { requestPartnerAccess } from '@/server/partners/request-access'
import { announcePartnerRequests } from '@/server/partners/announce-requests'
import { approvePartnerGrant, declinePartnerGrant } from '@/server/partners/decide-grant'
import { listPartnerGrants } from '@/server/partners/list-grants'
import { getOrganisation } from '@/server/organisation/get-organisation'
import { explainCaseRights } from '@/server/support-ids/list-for-cases'
import { grantRole, upsertSupportId } from '../../prisma/seed/factories'
import type { PrismaClient } from '@/generated/prisma/client'
import { createWorld, type World } from '../support/world'

const CODE = '<code>'

/** A value with the code the partner typed replaced, and ids and instants removed. */
function scrub(value: unknown, code: string): unknown {
  const text = JSON.stringify(value, (key, v: unknown) => (key === 'id' || key === 'requestedAt' ? '<removed>' : v))
  return JSON.parse(text.split(code.toUpperCase()).join(CODE))
}

async function refusal(call: () => Promise<unknown>) {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  const e = error as AppError
  return { code: e.code, message: e.message }
}

/** The three kinds of code a partner may type: none has it, a live Support ID, an expired one. */
const codes = (world: World) => ({
  unknown: `nope-${world.tag}`,
  real: world.supportIds.basic.code,
  expired: world.supportIds.expired.code,
})

describe('a partner cannot tell whether a Support ID code exists', () => {
  it('an unknown, a real and an expired code get the same answer, the same row in the list, the same refusal when asked again', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const c = codes(world)
    const answers = Object.fromEntries(
      await Promise.all(
        Object.entries(c).map(async ([k, code]) => [
          k,
          await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: code, note: 'We run their backups' }, now }),
        ]),
      ),
    ) as Record<keyof typeof c, Awaited<ReturnType<typeof requestPartnerAccess>>>
    // The code comes back as typed (upper-cased), never in the Support ID's own spelling.
    expect(answers.real.supportIdCode).toBe(c.real.toUpperCase())
    expect(answers.unknown).toEqual({ id: expect.any(String), supportIdCode: c.unknown.toUpperCase(), status: 'PENDING', requestedAt: now })
    expect(scrub(answers.real, c.real)).toEqual(scrub(answers.unknown, c.unknown))
    expect(scrub(answers.expired, c.expired)).toEqual(scrub(answers.unknown, c.unknown))

    const list = await listPartnerGrants({ actor: actors.partner })
    const row = (code: string) =>
      scrub(
        list.find((g) => g.supportIdCode === code.toUpperCase()),
        code,
      )
    expect(row(c.unknown)).toMatchObject({ supportIdCode: CODE, status: 'PENDING', customer: null, tier: null, note: 'We run their backups' })
    expect(row(c.real)).toEqual(row(c.unknown))
    expect(row(c.expired)).toEqual(row(c.unknown))

    // Asking again: the same refusal, whatever the code.
    const again = async (code: string) => scrub(await refusal(() => requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: code }, now })), code)
    expect(await again(c.unknown)).toEqual({ code: 'CONFLICT', message: `Your organisation's request for ${CODE} is already pending` })
    expect(await again(c.real)).toEqual(await again(c.unknown))
    expect(await again(c.expired)).toEqual(await again(c.unknown))

    // Trying to decide one's own request: the same refusal too.
    const decideOwn = async (k: keyof typeof c) =>
      scrub(await refusal(() => approvePartnerGrant({ actor: actors.partner, input: { grantId: answers[k].id }, now })), c[k])
    expect(await decideOwn('unknown')).toEqual({ code: 'FORBIDDEN', message: `Only a License or Case Administrator of ${CODE} may decide on partner access` })
    expect(await decideOwn('real')).toEqual(await decideOwn('unknown'))

    // The "you cannot open cases yet" explanation names the code and the status, no customer.
    const why = await explainCaseRights({ actor: actors.partner })
    expect(
      why.kind === 'partner' &&
        why.grants
          .filter((g) => g.status === 'PENDING')
          .map((g) => g.supportId)
          .sort(),
    ).toEqual(
      Object.values(c)
        .map((x) => x.toUpperCase())
        .sort(),
    )
    expect(JSON.stringify(why)).not.toContain(world.orgs.customer.name)

    // The same audit entry for each.
    const audit = await prisma.auditEntry.findMany({
      where: { entityId: { in: Object.values(answers).map((a) => a.id) } },
      select: { action: true, data: true },
    })
    expect(audit.map((a) => [a.action, Object.keys(a.data as object).sort()])).toEqual(
      Array(3).fill(['partner-grant.requested', ['note', 'partnerOrgId', 'previousStatus', 'supportIdCode', 'supportIdId']]),
    )
  })

  it("the real request reaches the Support ID's administrators and is decided by them; the unknown one reaches no one and no customer sees it", async () => {
    const world = await createWorld()
    const { actors, users, now } = world
    const c = codes(world)
    const unknown = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: c.unknown }, now })
    const real = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: c.real }, now })
    const mentions = async (code: string) => ({
      outbox: await prisma.outboxMessage.findMany({
        where: { OR: [{ subject: { contains: code, mode: 'insensitive' } }, { text: { contains: code, mode: 'insensitive' } }] },
        select: { to: true, kind: true },
      }),
      inApp: await prisma.notification.findMany({
        where: { OR: [{ title: { contains: code, mode: 'insensitive' } }, { body: { contains: code, mode: 'insensitive' } }] },
        select: { userId: true },
      }),
    })
    // Nobody is told by the request itself: the worker tells them.
    expect(await mentions(c.real)).toEqual({ outbox: [], inApp: [] })
    expect(await announcePartnerRequests({ now, ids: [unknown.id, real.id] })).toEqual({ claimed: 2, messages: 2 })
    const told = await mentions(c.real)
    expect(told.outbox.map((m) => [m.kind, m.to]).sort()).toEqual(
      [
        ['partner-request', users.caseadmin.email],
        ['partner-request', users.licadmin.email],
      ].sort(),
    )
    expect(told.inApp.map((n) => n.userId).sort()).toEqual([users.caseadmin.id, users.licadmin.id].sort())
    expect(await mentions(c.unknown)).toEqual({ outbox: [], inApp: [] })
    // Once is enough.
    expect(await announcePartnerRequests({ now, ids: [unknown.id, real.id] })).toEqual({ claimed: 0, messages: 0 })

    // No customer sees the unknown code's request, on any list or the organisation page.
    for (const actor of [actors.caseadmin, actors.licadmin, actors.user, actors.otherAdmin]) {
      const seen = JSON.stringify([await listPartnerGrants({ actor }), await getOrganisation({ actor, now })]).toUpperCase()
      expect(seen, actor.email).not.toContain(c.unknown.toUpperCase())
    }
    const onOrganisation = (await getOrganisation({ actor: actors.caseadmin, now })).supportIds.find((s) => s.code === world.supportIds.basic.code)!
    expect(onOrganisation.partners).toEqual([expect.objectContaining({ id: real.id, partner: world.orgs.partnerOrg.name, status: 'PENDING' })])
    for (const actor of [actors.caseadmin, actors.licadmin, actors.otherAdmin]) {
      expect(await refusal(() => approvePartnerGrant({ actor, input: { grantId: unknown.id }, now }))).toEqual({
        code: 'NOT_FOUND',
        message: 'That access request was not found',
      })
      expect(await refusal(() => declinePartnerGrant({ actor, input: { grantId: unknown.id }, now }))).toMatchObject({ code: 'NOT_FOUND' })
    }

    // The real one is decided as before, and the partner told; the unknown one stays pending for ever.
    await approvePartnerGrant({ actor: actors.caseadmin, input: { grantId: real.id }, now })
    expect(
      await prisma.outboxMessage.count({
        where: { kind: 'partner-decision', to: users.partner.email, subject: `Access to Support ID ${world.supportIds.basic.code} approved` },
      }),
    ).toBe(1)
    const list = await listPartnerGrants({ actor: actors.partner })
    expect(list.find((g) => g.id === real.id)).toMatchObject({
      supportIdCode: world.supportIds.basic.code,
      status: 'APPROVED',
      customer: world.orgs.customer.name,
      tier: 'BASIC',
    })
    expect(list.find((g) => g.id === unknown.id)).toMatchObject({ supportIdCode: c.unknown.toUpperCase(), status: 'PENDING', customer: null, tier: null })
    expect(await refusal(() => requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: c.real }, now }))).toEqual({
      code: 'CONFLICT',
      message: `Your organisation already has access to ${c.real.toUpperCase()}`,
    })
  })

  it("a declined real request may be asked again (the same row); other partners' requests for a code are their own", async () => {
    const world = await createWorld()
    const { actors, now } = world
    const c = codes(world)
    const first = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: c.real }, now })
    await declinePartnerGrant({ actor: actors.licadmin, input: { grantId: first.id }, now })
    const second = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: c.real.toUpperCase() }, now })
    expect(second.id).toBe(first.id)
    expect(await prisma.partnerGrant.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: 'PENDING',
      decidedAt: null,
      announcePending: true,
      supportIdId: world.supportIds.basic.id,
    })
    // Another partner organisation asking for the same codes gets its own requests.
    const other = await requestPartnerAccess({ actor: actors.pendingPartner, input: { supportIdCode: c.unknown }, now })
    const mine = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: c.unknown }, now })
    expect(other.id).not.toBe(mine.id)
  })

  it('ten parallel requests for one unknown code: one request, nine clean refusals, as for a real code', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const c = codes(world)
    for (const code of [c.unknown, c.real]) {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: code }, now })),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' })
      expect(await prisma.partnerGrant.count({ where: { partnerOrgId: world.orgs.partnerOrg.id, requestedCode: code.toUpperCase() } })).toBe(1)
    }
  })

  it('a code is found whatever its case as typed (codes are issued in capitals), by the unique index', async () => {
    const world = await createWorld()
    const { actors, users, now } = world
    const s = await upsertSupportId(prisma as unknown as PrismaClient, {
      code: `UP-${world.tag.toUpperCase()}`,
      organisationId: world.orgs.customer.id,
      tier: 'BASIC',
      regionCode: 'US',
      siteTimeZone: 'America/Chicago',
      maintenanceStart: new Date(now.getTime() - 86_400_000),
      maintenanceEnd: new Date(now.getTime() + 86_400_000),
      productIds: [],
    })
    await grantRole(prisma as unknown as PrismaClient, users.caseadmin.id, s.id, 'CASE_ADMIN')
    const r = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: ` up-${world.tag} ` }, now })
    expect(r.supportIdCode).toBe(s.code)
    expect(await prisma.partnerGrant.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      supportIdId: s.id,
      requestedCode: s.code,
      announcePending: true,
    })
    expect(await announcePartnerRequests({ now, ids: [r.id] })).toEqual({ claimed: 1, messages: 1 })
    expect(await prisma.outboxMessage.findMany({ where: { kind: 'partner-request', subject: { contains: s.code } }, select: { to: true } })).toEqual([
      { to: users.caseadmin.email },
    ])
  })
})
