// A small world of organisations, people and Support IDs for one test, made with the same
// factories as the demo seed. Every name carries a unique tag, so test files can run in parallel
// on one database without seeing each other's rows.
import type { PrismaClient } from '@/generated/prisma/client'
import type { Tier } from '@/generated/prisma/enums'
import { loadActor, type Actor } from '@/server/auth/actor'
import { prisma } from '@/server/db/client'
import { grantRole, hashDemoPassword, upsertOrganisation, upsertPartnerGrant, upsertSupportId, upsertUser } from '../../prisma/seed/factories'

export const TEST_PASSWORD = 'test-password-1'
let passwordHash: Promise<string> | undefined

export async function createWorld(now = new Date('2026-11-20T15:00:00Z')) {
  // The factories take the plain client type; the app's client only hides password hashes.
  const db = prisma as unknown as PrismaClient
  const tag = Math.random().toString(36).slice(2, 9)
  passwordHash ??= hashDemoPassword(TEST_PASSWORD)
  const hash = await passwordHash
  const products = await db.product.findMany({ include: { versions: true }, orderBy: { name: 'asc' } })
  const productIds = products.map((p) => p.id)

  const org = (name: string, kind: 'CUSTOMER' | 'PARTNER' | 'VENDOR', regionCode = 'US') =>
    upsertOrganisation(db, { id: `org_${name}_${tag}`, name: `${name} ${tag}`, kind, regionCode })
  const customer = await org('customer', 'CUSTOMER')
  const other = await org('other', 'CUSTOMER', 'EMEA')
  const partnerOrg = await org('partner', 'PARTNER')
  const vendor = await org('vendor', 'VENDOR')

  const person = (
    local: string,
    organisationId: string,
    timeZone = 'America/Chicago',
    vendorRoles: ('ENGINEER' | 'MANAGER' | 'ADMIN' | 'SUPPORT_ACCOUNT_MANAGER')[] = [],
  ) => upsertUser(db, { email: `${local}.${tag}@test.example`, name: `${local} ${tag}`, organisationId, passwordHash: hash, timeZone, vendorRoles })
  const users = {
    licadmin: await person('licadmin', customer.id),
    caseadmin: await person('caseadmin', customer.id),
    user: await person('user', customer.id),
    otherAdmin: await person('otheradmin', other.id, 'Europe/Berlin'),
    partner: await person('partner', partnerOrg.id),
    pendingPartner: await person('pendingpartner', (await org('pending', 'PARTNER')).id),
    revokedPartner: await person('revokedpartner', (await org('revoked', 'PARTNER')).id),
    engineer: await person('engineer', vendor.id, 'America/New_York', ['ENGINEER']),
    engineer2: await person('engineer2', vendor.id, 'Europe/Dublin', ['ENGINEER']),
    manager: await person('manager', vendor.id, 'America/New_York', ['MANAGER']),
    admin: await person('admin', vendor.id, 'UTC', ['ADMIN']),
  }
  const DAY = 86_400_000
  const sid = (code: string, organisationId: string, tier: Tier, regionCode: string, siteTimeZone: string, end = new Date(now.getTime() + 200 * DAY)) =>
    upsertSupportId(db, {
      code: `${code}-${tag}`,
      organisationId,
      tier,
      regionCode,
      siteTimeZone,
      maintenanceStart: new Date(now.getTime() - 200 * DAY),
      maintenanceEnd: end,
      productIds,
    })
  const supportIds = {
    premier: await sid('PREM', customer.id, 'PREMIER', 'US', 'America/Chicago'),
    production: await sid('PROD', customer.id, 'PRODUCTION', 'US', 'America/Chicago'),
    basic: await sid('BASC', customer.id, 'BASIC', 'US', 'America/Chicago'),
    evaluation: await sid('EVAL', customer.id, 'EVALUATION', 'US', 'America/Chicago'),
    free: await sid('FREE', customer.id, 'FREE_NFR', 'US', 'America/Chicago'),
    expired: await sid('EXPD', customer.id, 'BASIC', 'US', 'America/Chicago', new Date(now.getTime() - 10 * DAY)),
    other: await sid('OTHR', other.id, 'BASIC', 'EMEA', 'Europe/Berlin'),
  }
  for (const s of Object.values(supportIds)) {
    if (s.organisationId === customer.id) await grantRole(db, users.licadmin.id, s.id, 'LICENSE_ADMIN_PRIMARY')
  }
  for (const s of [supportIds.premier, supportIds.production, supportIds.basic, supportIds.evaluation, supportIds.free]) {
    await grantRole(db, users.caseadmin.id, s.id, 'CASE_ADMIN')
  }
  await grantRole(db, users.otherAdmin.id, supportIds.other.id, 'CASE_ADMIN')
  const grant = (partnerOrgId: string, requestedById: string, supportIdId: string, status: 'APPROVED' | 'PENDING' | 'REVOKED') =>
    upsertPartnerGrant(db, {
      partnerOrgId,
      supportIdId,
      status,
      requestedById,
      requestedAt: new Date(now.getTime() - 5 * DAY),
      ...(status === 'PENDING' ? {} : { decidedById: users.caseadmin.id, decidedAt: new Date(now.getTime() - 4 * DAY) }),
    })
  await grant(partnerOrg.id, users.partner.id, supportIds.production.id, 'APPROVED')
  await grant(users.pendingPartner.organisationId, users.pendingPartner.id, supportIds.production.id, 'PENDING')
  await grant(users.revokedPartner.organisationId, users.revokedPartner.id, supportIds.production.id, 'REVOKED')

  const actors = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, (await loadActor(u.id))!] as const))) as Record<
    keyof typeof users,
    Actor
  >
  const version = (phase: 'CURRENT' | 'LIMITED' | 'DISCONTINUED') => products.flatMap((p) => p.versions).find((v) => v.phase === phase)!
  return { tag, now, orgs: { customer, other, partnerOrg, vendor }, users, actors, supportIds, products, version }
}

export type World = Awaited<ReturnType<typeof createWorld>>
