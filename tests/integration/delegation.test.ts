import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { loadActor } from '@/server/auth/actor'
import { verifyCredentials } from '@/server/auth/sign-in'
import { supportIdWhere } from '@/server/access/scope'
import type { ErrorCode } from '@/server/errors'
import { acceptInvitation, getInvitation, inviteCaseAdmin, registerFromInvitation, revokeInvitation } from '@/server/organisation/invitations'
import { removeCaseAdmin } from '@/server/organisation/case-admins'
import { getOrganisation } from '@/server/organisation/get-organisation'
import { grantRole } from '../../prisma/seed/factories'
import type { PrismaClient } from '@/generated/prisma/client'
import { createWorld, type World } from '../support/world'
import { expectRefused } from '../support/refused'
import { revealMailText } from '@/server/notifications/secret-parts'

async function footprint(world: World) {
  const userIds = Object.values(world.users).map((u) => u.id)
  return {
    audit: await prisma.auditEntry.count({ where: { actorId: { in: userIds } } }),
    outbox: await prisma.outboxMessage.count({ where: { OR: [{ to: { contains: world.tag } }, { text: { contains: world.tag } }] } }),
    invitations: await prisma.invitation.count({ where: { supportId: { code: { endsWith: world.tag } } } }),
    roles: JSON.stringify(await prisma.supportIdRole.findMany({ where: { supportId: { code: { endsWith: world.tag } } }, orderBy: { id: 'asc' } })),
    users: await prisma.user.count({ where: { email: { contains: world.tag } } }),
  }
}

const refused = (world: World, call: () => Promise<unknown>, code: ErrorCode, message: RegExp) => expectRefused(call, code, message, () => footprint(world))

/** The secret link of the invitation mail sent to `email`. */
async function linkSentTo(email: string) {
  const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'case-admin-invitation', to: email }, orderBy: { createdAt: 'desc' } })
  // The link is sealed in the outbox (decision 0007): read it as the worker does on delivery.
  const link = /https?:\/\/\S+\/invite\/([A-Za-z0-9_-]+)/.exec(revealMailText(mail))
  expect(link, mail.text).not.toBeNull()
  return link![1]!
}

describe('Case Administrators by e-mail invitation', () => {
  it('a person without an account registers through the link and becomes Case Administrator of that Support ID only', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    const email = `newcomer.${world.tag}@test.example`
    const inv = await inviteCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.basic.code, email: `  ${email.toUpperCase()} ` }, now })
    expect(inv).toMatchObject({ email, role: 'CASE_ADMIN', supportIdCode: supportIds.basic.code, expiresAt: new Date(now.getTime() + 7 * 86_400_000) })
    const stored = await prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } })
    const token = await linkSentTo(email)
    expect(stored.tokenHash).not.toContain(token)
    expect(JSON.stringify((await prisma.auditEntry.findMany({ where: { entityId: inv.id } })).map((a) => a.data))).not.toContain(token)

    expect(await getInvitation({ token, now })).toMatchObject({
      email,
      supportIdCode: supportIds.basic.code,
      organisation: world.orgs.customer.name,
      state: 'pending',
      accountExists: false,
    })
    const registered = await registerFromInvitation({
      input: { token, name: 'Nora Newcomer', password: 'correct horse battery', confirmPassword: 'correct horse battery' },
      now,
    })
    expect(registered).toEqual({ email, supportIdCode: supportIds.basic.code })

    const user = await verifyCredentials({ email, password: 'correct horse battery' })
    expect(user).not.toBeNull()
    const actor = (await loadActor(user!.id))!
    expect(actor).toMatchObject({ organisationId: world.orgs.customer.id, orgKind: 'CUSTOMER', timeZone: 'America/Chicago' })
    const reach = await prisma.supportId.findMany({ where: supportIdWhere(actor), select: { code: true } })
    expect(reach.map((s) => s.code)).toEqual([supportIds.basic.code])
    const audit = await prisma.auditEntry.findMany({ where: { OR: [{ entityId: inv.id }, { actorId: user!.id }] }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => [a.action, a.actorId === users.licadmin.id ? 'licadmin' : 'newcomer'])).toEqual([
      ['invitation.created', 'licadmin'],
      ['user.registered', 'newcomer'],
      ['invitation.accepted', 'newcomer'],
      ['support-id-role.assigned', 'newcomer'],
    ])

    // The link works once.
    await refused(
      world,
      () => registerFromInvitation({ input: { token, name: 'Someone Else', password: 'another long password' }, now }),
      'CONFLICT',
      /already accepted/,
    )
    expect((await getInvitation({ token, now })).state).toBe('accepted')
  })

  it('a person who has an account accepts while signed in with the invited e-mail, and no one else can', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    const inv = await inviteCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.production.code, email: users.user.email }, now })
    const token = await linkSentTo(users.user.email)
    expect(await getInvitation({ token, now })).toMatchObject({ accountExists: true, state: 'pending' })
    await refused(
      world,
      () => registerFromInvitation({ input: { token, name: 'Impostor', password: 'long enough password' }, now }),
      'CONFLICT',
      /already exists: sign in/,
    )
    await refused(
      world,
      () => acceptInvitation({ actor: actors.caseadmin, input: { token }, now }),
      'FORBIDDEN',
      new RegExp(`This invitation is for ${users.user.email}`),
    )
    await refused(
      world,
      () => acceptInvitation({ actor: actors.user, input: { token: 'x'.repeat(43) }, now }),
      'NOT_FOUND',
      /This invitation link is not valid/,
    )
    expect(await acceptInvitation({ actor: actors.user, input: { token }, now })).toEqual({ supportIdCode: supportIds.production.code, role: 'CASE_ADMIN' })
    expect(await prisma.supportIdRole.count({ where: { userId: users.user.id, supportIdId: supportIds.production.id, role: 'CASE_ADMIN' } })).toBe(1)
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } })).acceptedAt).toEqual(now)
  })

  it('withdrawn and expired invitations cannot be used', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    const inv = await inviteCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.basic.code, email: users.user.email }, now })
    const token = await linkSentTo(users.user.email)
    await refused(world, () => revokeInvitation({ actor: actors.caseadmin, invitationId: inv.id, now }), 'FORBIDDEN', /Only a License Administrator/)
    await refused(world, () => revokeInvitation({ actor: actors.otherAdmin, invitationId: inv.id, now }), 'NOT_FOUND', /That invitation was not found/)
    await revokeInvitation({ actor: actors.licadmin, invitationId: inv.id, now })
    await refused(world, () => acceptInvitation({ actor: actors.user, input: { token }, now }), 'CONFLICT', /withdrawn/)
    await refused(world, () => revokeInvitation({ actor: actors.licadmin, invitationId: inv.id, now }), 'CONFLICT', /already revoked/)

    await inviteCaseAdmin({
      actor: actors.licadmin,
      input: { supportIdCode: supportIds.basic.code, email: users.user.email },
      now: new Date(now.getTime() + 60_000),
    })
    const second = await linkSentTo(users.user.email)
    expect(second).not.toBe(token)
    const afterAWeek = new Date(now.getTime() + 8 * 86_400_000)
    await refused(world, () => acceptInvitation({ actor: actors.user, input: { token: second }, now: afterAWeek }), 'UNPROCESSABLE', /expired/)
    expect((await getInvitation({ token: second, now: afterAWeek })).state).toBe('expired')
  })

  it('a License Administrator removes a Case Administrator; it applies on their next request', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    const before = await prisma.supportId.count({ where: supportIdWhere(actors.caseadmin) })
    await removeCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.basic.code, userId: users.caseadmin.id }, now })
    expect(await prisma.supportId.count({ where: supportIdWhere(actors.caseadmin) })).toBe(before - 1)
    expect(await prisma.supportId.count({ where: { AND: [{ id: supportIds.basic.id }, supportIdWhere(actors.caseadmin)] } })).toBe(0)
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'support-id-role.removed', actorId: users.licadmin.id } })
    expect(audit).toMatchObject({ at: now, data: { userId: users.caseadmin.id, supportIdCode: supportIds.basic.code, role: 'CASE_ADMIN' } })
    await refused(
      world,
      () => removeCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.basic.code, userId: users.caseadmin.id }, now }),
      'NOT_FOUND',
      /is not a Case Administrator of/,
    )
  })
})

describe('customer administration: every refusal is clear and writes nothing', () => {
  it('a Case Administrator may not assign or remove Case Administrators (403), nor act on a Support ID not theirs (404)', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    await refused(
      world,
      () => inviteCaseAdmin({ actor: actors.caseadmin, input: { supportIdCode: supportIds.basic.code, email: `x.${world.tag}@test.example` }, now }),
      'FORBIDDEN',
      new RegExp(`Only a License Administrator of ${supportIds.basic.code} may assign Case Administrators`),
    )
    await refused(
      world,
      () => removeCaseAdmin({ actor: actors.caseadmin, input: { supportIdCode: supportIds.basic.code, userId: users.caseadmin.id }, now }),
      'FORBIDDEN',
      /Only a License Administrator/,
    )
    // The expired Support ID: the Case Administrator holds no role on it.
    await refused(
      world,
      () => inviteCaseAdmin({ actor: actors.caseadmin, input: { supportIdCode: supportIds.expired.code, email: `x.${world.tag}@test.example` }, now }),
      'NOT_FOUND',
      new RegExp(`Support ID ${supportIds.expired.code} was not found`),
    )
    await refused(
      world,
      () => inviteCaseAdmin({ actor: actors.user, input: { supportIdCode: supportIds.basic.code, email: `x.${world.tag}@test.example` }, now }),
      'NOT_FOUND',
      /was not found/,
    )
  })

  it("a customer acting on another organisation's Support ID gets 404; partners and vendor staff 403 where they can reach it", async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    const invite = (actor: typeof actors.licadmin, code: string) =>
      inviteCaseAdmin({ actor, input: { supportIdCode: code, email: `x.${world.tag}@test.example` }, now })
    await refused(world, () => invite(actors.otherAdmin, supportIds.production.code), 'NOT_FOUND', /was not found/)
    await refused(world, () => invite(actors.licadmin, supportIds.other.code), 'NOT_FOUND', /was not found/)
    await refused(
      world,
      () => removeCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.other.code, userId: users.otherAdmin.id }, now }),
      'NOT_FOUND',
      /was not found/,
    )
    await refused(
      world,
      () => invite(actors.partner, supportIds.production.code),
      'FORBIDDEN',
      /only the customer's administrators may assign Case Administrators/,
    )
    await refused(world, () => invite(actors.partner, supportIds.basic.code), 'NOT_FOUND', /was not found/)
    await refused(world, () => invite(actors.revokedPartner, supportIds.production.code), 'NOT_FOUND', /was not found/)
    await refused(world, () => invite(actors.admin, supportIds.production.code), 'FORBIDDEN', /Only the customer's administrators/)
  })

  it("invitations: another organisation's account answered like an unknown address, not twice, not to a current Case Administrator", async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    const invite = (email: string) => inviteCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.basic.code, email }, now })
    // Another organisation's account is answered exactly like an address without an account, so a
    // License Administrator cannot probe which addresses have one (issue 10). Nobody can use such an
    // invitation: accepting needs an account of this organisation, registering an address without one.
    const shape = (r: Awaited<ReturnType<typeof invite>>) => ({ keys: Object.keys(r).sort(), role: r.role, supportIdCode: r.supportIdCode })
    const unknown = await invite(`nobody.${world.tag}@test.example`)
    expect(shape(await invite(users.otherAdmin.email))).toEqual(shape(unknown))
    expect(shape(await invite(users.partner.email))).toEqual(shape(unknown))
    await refused(world, () => invite(users.caseadmin.email), 'CONFLICT', /is already a Case Administrator of/)
    await refused(world, () => invite('not-an-email'), 'BAD_REQUEST', /email: Enter a valid e-mail address/)
    await invite(`twice.${world.tag}@test.example`)
    await refused(world, () => invite(`twice.${world.tag}@test.example`), 'CONFLICT', /already pending/)
  })
})

describe('the organisation page', () => {
  it('shows each administered Support ID with tier, region, dates, roles and partners; a Case Administrator does not see other Case Administrators', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    await grantRole(prisma as unknown as PrismaClient, users.user.id, supportIds.production.id, 'CASE_ADMIN')
    await inviteCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.production.code, email: `pending.${world.tag}@test.example` }, now })

    const lic = await getOrganisation({ actor: actors.licadmin, now })
    expect(lic.organisation.name).toBe(world.orgs.customer.name)
    expect(lic.supportIds.map((s) => s.code)).toEqual(
      Object.values(supportIds)
        .filter((s) => s.organisationId === world.orgs.customer.id)
        .map((s) => s.code)
        .sort(),
    )
    const prodForLic = lic.supportIds.find((s) => s.code === supportIds.production.code)!
    expect(prodForLic).toMatchObject({
      tier: 'PRODUCTION',
      region: { code: 'US', name: 'United States' },
      status: 'ACTIVE',
      canManageCaseAdmins: true,
      canDecidePartners: true,
    })
    expect(prodForLic.roles.map((r) => [r.email, r.role]).sort()).toEqual(
      [
        [users.caseadmin.email, 'CASE_ADMIN'],
        [users.licadmin.email, 'LICENSE_ADMIN_PRIMARY'],
        [users.user.email, 'CASE_ADMIN'],
      ].sort(),
    )
    expect(prodForLic.invitations.map((i) => i.email)).toEqual([`pending.${world.tag}@test.example`])
    expect(prodForLic.partners.map((p) => [p.partner, p.status]).sort()).toEqual(
      [
        [`partner ${world.tag}`, 'APPROVED'],
        [`pending ${world.tag}`, 'PENDING'],
        [`revoked ${world.tag}`, 'REVOKED'],
      ].sort(),
    )
    expect(lic.supportIds.find((s) => s.code === supportIds.expired.code)!.status).toBe('EXPIRED')

    const cas = await getOrganisation({ actor: actors.caseadmin, now })
    expect(cas.supportIds.map((s) => s.code)).not.toContain(supportIds.expired.code)
    const prodForCase = cas.supportIds.find((s) => s.code === supportIds.production.code)!
    expect(prodForCase).toMatchObject({ canManageCaseAdmins: false, canDecidePartners: true, invitations: [] })
    expect(prodForCase.roles.map((r) => r.email).sort()).toEqual([users.caseadmin.email, users.licadmin.email].sort())
    expect(JSON.stringify(cas)).not.toContain(users.user.email)
    expect(prodForCase.partners).toHaveLength(3)

    expect((await getOrganisation({ actor: actors.otherAdmin, now })).supportIds.map((s) => s.code)).toEqual([supportIds.other.code])
    expect(JSON.stringify(await getOrganisation({ actor: actors.otherAdmin, now }))).not.toContain(world.orgs.customer.name)
    const plain = await createWorld()
    expect((await getOrganisation({ actor: plain.actors.user, now })).supportIds).toEqual([])
    await expect(getOrganisation({ actor: actors.partner, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(getOrganisation({ actor: actors.admin, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
