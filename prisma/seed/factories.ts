// Factories shared by the demo seed and the tests, so a test user is made exactly as a demo one.
import type { PrismaClient } from '../../src/generated/prisma/client'
import type { CustomerRole, GrantStatus, OrgKind, Tier, VendorRole } from '../../src/generated/prisma/enums'
import { hash } from '@node-rs/argon2'

type Db = Pick<PrismaClient, 'organisation' | 'user' | 'supportId' | 'supportIdRole' | 'partnerGrant' | 'supportIdProduct'>

// The same Argon2id settings as src/server/auth/password.ts.
export const hashDemoPassword = (password: string) => hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 })

export async function upsertOrganisation(db: Db, o: { id: string; name: string; kind: OrgKind; regionCode?: string }) {
  return db.organisation.upsert({ where: { id: o.id }, update: { name: o.name }, create: o })
}

export async function upsertUser(
  db: Db,
  u: { email: string; name: string; organisationId: string; passwordHash: string; timeZone?: string; locale?: string; vendorRoles?: VendorRole[] },
) {
  return db.user.upsert({
    where: { email: u.email },
    update: { name: u.name, vendorRoles: u.vendorRoles ?? [] },
    create: { ...u, vendorRoles: u.vendorRoles ?? [] },
  })
}

export async function upsertSupportId(
  db: Db,
  s: {
    code: string
    organisationId: string
    tier: Tier
    regionCode: string
    siteTimeZone: string
    maintenanceStart: Date
    maintenanceEnd: Date
    productIds: string[]
    accountManagerId?: string | null
  },
) {
  const { productIds, ...data } = s
  const row = await db.supportId.upsert({ where: { code: s.code }, update: data, create: data })
  for (const productId of productIds) {
    await db.supportIdProduct.upsert({
      where: { supportIdId_productId: { supportIdId: row.id, productId } },
      update: {},
      create: { supportIdId: row.id, productId },
    })
  }
  return row
}

export async function grantRole(db: Db, userId: string, supportIdId: string, role: CustomerRole) {
  return db.supportIdRole.upsert({
    where: { userId_supportIdId_role: { userId, supportIdId, role } },
    update: {},
    create: { userId, supportIdId, role },
  })
}

export async function upsertPartnerGrant(
  db: Db,
  g: { partnerOrgId: string; supportIdId: string; status: GrantStatus; requestedById: string; requestedAt: Date; decidedById?: string; decidedAt?: Date },
) {
  // Recorded under the code as a partner's request is (trimmed, upper-cased: decision 0018).
  const { code } = await db.supportId.findUniqueOrThrow({ where: { id: g.supportIdId }, select: { code: true } })
  return db.partnerGrant.upsert({
    where: { partnerOrgId_supportIdId: { partnerOrgId: g.partnerOrgId, supportIdId: g.supportIdId } },
    update: {},
    create: { ...g, requestedCode: code.toUpperCase() },
  })
}
