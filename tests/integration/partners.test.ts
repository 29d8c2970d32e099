import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { approvePartnerGrant, declinePartnerGrant, revokePartnerGrant } from '@/server/partners/decide-grant'
import { listPartnerGrants } from '@/server/partners/list-grants'
import { requestPartnerAccess } from '@/server/partners/request-access'
import { announcePartnerRequests } from '@/server/partners/announce-requests'
import { openCase } from '@/server/cases/open-case'
import { findVisibleCase } from '@/server/cases/case-write'
import { listCases } from '@/server/cases/list-cases'
import { createWorld, type World } from '../support/world'
import { expectRefused } from '../support/refused'

const caseInput = (world: World, code: string) => ({
  supportId: code,
  productVersionId: world.version('CURRENT').id,
  category: 'TECHNICAL',
  severity: 3,
  title: 'Replication stalls every night',
  description: 'The replication job stalls at 40% every night since Monday.',
  preferredLanguage: 'English',
})

/** Everything a refused call could have written for this world. */
async function footprint(world: World) {
  const userIds = Object.values(world.users).map((u) => u.id)
  return {
    audit: await prisma.auditEntry.count({ where: { actorId: { in: userIds } } }),
    outbox: await prisma.outboxMessage.count({ where: { OR: [{ to: { contains: world.tag } }, { text: { contains: world.tag } }] } }),
    grants: JSON.stringify(
      await prisma.partnerGrant.findMany({
        where: { OR: [{ supportId: { code: { endsWith: world.tag } } }, { requestedCode: { endsWith: world.tag.toUpperCase() } }] },
        orderBy: { id: 'asc' },
      }),
    ),
    cases: await prisma.case.count({ where: { organisationId: { in: [world.orgs.customer.id, world.orgs.other.id] } } }),
  }
}

const refused = (world: World, call: () => Promise<unknown>, code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNPROCESSABLE', message: RegExp) =>
  expectRefused(call, code, message, () => footprint(world))

describe('partner delegation', () => {
  it('request → pending → approved → the partner opens a case → revoked → refused on the very next request; every step audited and mailed', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    const basic = supportIds.basic.code
    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)

    // Before any grant the partner cannot open cases on the Basic Support ID.
    await refused(
      world,
      () => openCase({ actor: actors.partner, input: caseInput(world, basic), now }),
      'NOT_FOUND',
      new RegExp(`Support ID ${basic} was not found`),
    )

    const requested = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: basic, note: 'We run their backup estate' }, now })
    // The answer names the code as typed (upper-cased), not the Support ID's own spelling (decision 0018).
    expect(requested).toMatchObject({ supportIdCode: basic.toUpperCase(), status: 'PENDING' })
    expect(await listPartnerGrants({ actor: actors.partner })).toContainEqual(
      expect.objectContaining({ supportIdCode: basic.toUpperCase(), status: 'PENDING', customer: null, tier: null }),
    )
    // The administrators are told by the background worker, not by the request itself.
    expect(await prisma.outboxMessage.count({ where: { kind: 'partner-request', subject: { contains: basic } } })).toBe(0)
    expect(await announcePartnerRequests({ now, ids: [requested.id] })).toEqual({ claimed: 1, messages: 2 })
    const requestMails = await prisma.outboxMessage.findMany({ where: { kind: 'partner-request', subject: { contains: basic } } })
    expect(requestMails.map((m) => m.to).sort()).toEqual([users.caseadmin.email, users.licadmin.email].sort())
    expect(requestMails[0]!.text).toContain(users.partner.email)
    await refused(world, () => openCase({ actor: actors.partner, input: caseInput(world, basic), now }), 'NOT_FOUND', /was not found/)

    const approved = await approvePartnerGrant({ actor: actors.caseadmin, input: { grantId: requested.id }, now: later(1) })
    expect(approved).toMatchObject({ status: 'APPROVED', supportIdCode: basic })
    const approvedMail = await prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'partner-decision', to: users.partner.email, subject: { contains: basic } },
    })
    expect(approvedMail.subject).toBe(`Access to Support ID ${basic} approved`)
    expect(await listPartnerGrants({ actor: actors.partner })).toContainEqual(
      expect.objectContaining({ supportIdCode: basic, status: 'APPROVED', customer: world.orgs.customer.name, tier: 'BASIC' }),
    )

    const opened = await openCase({ actor: actors.partner, input: caseInput(world, basic), now: later(2) })
    expect(opened.supportId).toBe(basic)
    await findVisibleCase(prisma, actors.partner, opened.number, { id: true })

    await revokePartnerGrant({ actor: actors.licadmin, input: { grantId: requested.id }, now: later(3) })
    // The very next request is refused: opening a case, reading the case it opened, listing cases.
    await refused(world, () => openCase({ actor: actors.partner, input: caseInput(world, basic), now: later(4) }), 'NOT_FOUND', /was not found/)
    await refused(
      world,
      () => findVisibleCase(prisma, actors.partner, opened.number, { id: true }),
      'NOT_FOUND',
      new RegExp(`Case #${opened.number} was not found`),
    )
    expect((await listCases({ actor: actors.partner, now: later(4) })).cases.map((c) => c.number)).not.toContain(opened.number)
    const revokedMail = await prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'partner-decision', to: users.partner.email, subject: `Access to Support ID ${basic} revoked` },
    })
    expect(revokedMail.text).toContain('can no longer open or see cases')

    const audit = await prisma.auditEntry.findMany({ where: { entityType: 'PartnerGrant', entityId: requested.id }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => [a.action, a.actorId, a.at.toISOString()])).toEqual([
      ['partner-grant.requested', users.partner.id, now.toISOString()],
      ['partner-grant.approved', users.caseadmin.id, later(1).toISOString()],
      ['partner-grant.revoked', users.licadmin.id, later(3).toISOString()],
    ])
    expect(audit[0]!.data).toMatchObject({
      supportIdCode: basic.toUpperCase(),
      supportIdId: supportIds.basic.id,
      note: 'We run their backup estate',
      previousStatus: null,
    })
  })

  it('a declined or revoked partner may ask again; the decision is mailed each time', async () => {
    const world = await createWorld()
    const { actors, supportIds, now } = world
    const r1 = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: supportIds.premier.code }, now })
    await declinePartnerGrant({ actor: actors.licadmin, input: { grantId: r1.id }, now })
    expect((await prisma.partnerGrant.findUniqueOrThrow({ where: { id: r1.id } })).status).toBe('DECLINED')
    const r2 = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: supportIds.premier.code }, now })
    expect(r2.id).toBe(r1.id)
    expect(await prisma.partnerGrant.findUniqueOrThrow({ where: { id: r1.id } })).toMatchObject({ status: 'PENDING', decidedById: null, decidedAt: null })
    const revoked = await prisma.partnerGrant.findFirstOrThrow({ where: { partnerOrgId: actors.revokedPartner.organisationId } })
    const again = await requestPartnerAccess({ actor: actors.revokedPartner, input: { supportIdCode: supportIds.production.code }, now })
    expect(again).toMatchObject({ id: revoked.id, status: 'PENDING' })
    const decisions = await prisma.outboxMessage.count({ where: { kind: 'partner-decision', to: actors.partner.email } })
    expect(decisions).toBe(1)
  })

  it("administrators list the requests on their Support IDs only; a partner lists its own organisation's", async () => {
    const world = await createWorld()
    const { actors, supportIds } = world
    const forCaseAdmin = await listPartnerGrants({ actor: actors.caseadmin })
    expect(forCaseAdmin.map((g) => [g.partner, g.status]).sort()).toEqual(
      [
        [`partner ${world.tag}`, 'APPROVED'],
        [`pending ${world.tag}`, 'PENDING'],
        [`revoked ${world.tag}`, 'REVOKED'],
      ].sort(),
    )
    expect(await listPartnerGrants({ actor: actors.otherAdmin })).toEqual([])
    expect(await listPartnerGrants({ actor: actors.user })).toEqual([])
    expect((await listPartnerGrants({ actor: actors.pendingPartner })).map((g) => g.supportIdCode)).toEqual([supportIds.production.code.toUpperCase()])
    await expect(listPartnerGrants({ actor: actors.engineer })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('partner delegation: every refusal is clear and writes nothing', () => {
  it('a partner acting after revocation is refused (404) on cases it could reach before', async () => {
    const world = await createWorld()
    const { actors, supportIds, now } = world
    // The world's revoked partner had access to Production; the approved one still has.
    const open = await openCase({ actor: actors.partner, input: caseInput(world, supportIds.production.code), now })
    await refused(
      world,
      () => openCase({ actor: actors.revokedPartner, input: caseInput(world, supportIds.production.code), now }),
      'NOT_FOUND',
      /was not found among the Support IDs you may open cases for/,
    )
    await refused(world, () => findVisibleCase(prisma, actors.revokedPartner, open.number, { id: true }), 'NOT_FOUND', /was not found/)
    await refused(world, () => findVisibleCase(prisma, actors.pendingPartner, open.number, { id: true }), 'NOT_FOUND', /was not found/)
    // …and may not decide its own grant, nor another partner's.
    const own = await prisma.partnerGrant.findFirstOrThrow({ where: { partnerOrgId: actors.revokedPartner.organisationId } })
    const pending = await prisma.partnerGrant.findFirstOrThrow({ where: { partnerOrgId: actors.pendingPartner.organisationId } })
    await refused(
      world,
      () => approvePartnerGrant({ actor: actors.revokedPartner, input: { grantId: own.id }, now }),
      'FORBIDDEN',
      /Only a License or Case Administrator of .* may decide on partner access/,
    )
    await refused(
      world,
      () => approvePartnerGrant({ actor: actors.pendingPartner, input: { grantId: pending.id }, now }),
      'FORBIDDEN',
      /Only a License or Case Administrator/,
    )
    await refused(
      world,
      () => approvePartnerGrant({ actor: actors.partner, input: { grantId: pending.id }, now }),
      'NOT_FOUND',
      /That access request was not found/,
    )
  })

  it('a Case Administrator acting on a Support ID not theirs gets 404; a customer of another organisation too', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    // The expired Support ID has a License Administrator only: the Case Administrator holds no role on it.
    const onExpired = await prisma.partnerGrant.create({
      data: {
        partnerOrgId: world.orgs.partnerOrg.id,
        supportIdId: supportIds.expired.id,
        requestedCode: supportIds.expired.code.toUpperCase(),
        requestedById: users.partner.id,
        requestedAt: now,
      },
    })
    await refused(
      world,
      () => approvePartnerGrant({ actor: actors.caseadmin, input: { grantId: onExpired.id }, now }),
      'NOT_FOUND',
      /That access request was not found/,
    )
    await refused(world, () => declinePartnerGrant({ actor: actors.user, input: { grantId: onExpired.id }, now }), 'NOT_FOUND', /not found/)
    const pending = await prisma.partnerGrant.findFirstOrThrow({ where: { partnerOrgId: actors.pendingPartner.organisationId } })
    await refused(world, () => approvePartnerGrant({ actor: actors.otherAdmin, input: { grantId: pending.id }, now }), 'NOT_FOUND', /not found/)
    const approved = await prisma.partnerGrant.findFirstOrThrow({ where: { partnerOrgId: world.orgs.partnerOrg.id, supportIdId: supportIds.production.id } })
    await refused(world, () => revokePartnerGrant({ actor: actors.otherAdmin, input: { grantId: approved.id }, now }), 'NOT_FOUND', /not found/)
    await refused(
      world,
      () => revokePartnerGrant({ actor: actors.manager, input: { grantId: approved.id }, now }),
      'FORBIDDEN',
      /Only a License or Case Administrator/,
    )
    // The License Administrator of the expired Support ID may decide.
    await approvePartnerGrant({ actor: actors.licadmin, input: { grantId: onExpired.id }, now })
  })

  it('decisions follow the states: only pending requests are decided, only approved access is revoked', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const approved = await prisma.partnerGrant.findFirstOrThrow({ where: { partnerOrgId: world.orgs.partnerOrg.id } })
    const pending = await prisma.partnerGrant.findFirstOrThrow({ where: { partnerOrgId: actors.pendingPartner.organisationId } })
    await refused(
      world,
      () => approvePartnerGrant({ actor: actors.caseadmin, input: { grantId: approved.id }, now }),
      'CONFLICT',
      /not pending: it is approved/,
    )
    await refused(
      world,
      () => revokePartnerGrant({ actor: actors.caseadmin, input: { grantId: pending.id }, now }),
      'CONFLICT',
      /Only approved access can be revoked: this one is pending/,
    )
    const [a, b] = await Promise.allSettled([
      approvePartnerGrant({ actor: actors.caseadmin, input: { grantId: pending.id }, now }),
      declinePartnerGrant({ actor: actors.licadmin, input: { grantId: pending.id }, now }),
    ])
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected'])
    expect(await prisma.auditEntry.count({ where: { entityId: pending.id } })).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { kind: 'partner-decision', to: actors.pendingPartner.email } })).toBe(1)
  })

  it('requests: customers may not ask, a pending or approved request is not repeated', async () => {
    const world = await createWorld()
    const { actors, supportIds, now } = world
    await refused(
      world,
      () => requestPartnerAccess({ actor: actors.caseadmin, input: { supportIdCode: supportIds.basic.code }, now }),
      'FORBIDDEN',
      /Only users of a support partner organisation/,
    )
    await refused(
      world,
      () => requestPartnerAccess({ actor: actors.engineer, input: { supportIdCode: supportIds.basic.code }, now }),
      'FORBIDDEN',
      /Only users of a support partner/,
    )
    await refused(
      world,
      () => requestPartnerAccess({ actor: actors.pendingPartner, input: { supportIdCode: supportIds.production.code }, now }),
      'CONFLICT',
      /already pending/,
    )
    await refused(
      world,
      () => requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: supportIds.production.code }, now }),
      'CONFLICT',
      /already has access/,
    )
    const error = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: '  ' }, now }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'Invalid input: supportIdCode: Enter the Support ID code' })
  })
})
