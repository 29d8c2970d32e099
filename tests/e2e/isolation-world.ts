// The extra people and objects the isolation matrix needs beyond the demo data, made in the
// end-to-end database before the server starts (scripts/e2e-db.ts): partners whose access is
// pending or revoked, and objects of each kind that a matrix request may change without touching
// what other specs rely on. Its description is written to .e2e-world.json for the spec.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { PrismaClient } from '../../src/generated/prisma/client'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { grantRole, hashDemoPassword, upsertOrganisation, upsertPartnerGrant, upsertUser } from '../../prisma/seed/factories'

export const WORLD_FILE = path.resolve(import.meta.dirname, '../../.e2e-world.json')

export async function createIsolationWorld(db: PrismaClient, uploadDir: string) {
  const now = new Date()
  const passwordHash = await hashDemoPassword(DEMO_PASSWORD)
  const sid = (code: string) => db.supportId.findUniqueOrThrow({ where: { code } })
  const [prod, prem, gxBasic] = await Promise.all([sid('AC-PROD-1002'), sid('AC-PREM-1001'), sid('GX-BASC-2002')])
  const licadmin = await db.user.findUniqueOrThrow({ where: { email: 'licadmin@acme.example' } })
  const globexAdmin = await db.user.findUniqueOrThrow({ where: { email: 'caseadmin@globex.example' } })

  const partnerOrg = async (id: string, name: string) => upsertOrganisation(db, { id, name, kind: 'PARTNER', regionCode: 'US' })
  const pendingOrg = await partnerOrg('org_iso_pending', 'Matrix Pending Partner')
  const revokedOrg = await partnerOrg('org_iso_revoked', 'Matrix Revoked Partner')
  const requesterOrg = await partnerOrg('org_iso_requester', 'Matrix Requester')
  const pending = await upsertUser(db, { email: 'pending@matrix-partner.example', name: 'Pat Pending', organisationId: pendingOrg.id, passwordHash })
  const revoked = await upsertUser(db, { email: 'revoked@matrix-partner.example', name: 'Rex Revoked', organisationId: revokedOrg.id, passwordHash })
  const requester = await upsertUser(db, { email: 'requester@matrix-partner.example', name: 'Rita Requester', organisationId: requesterOrg.id, passwordHash })
  const at = new Date(now.getTime() - 86_400_000)
  await upsertPartnerGrant(db, { partnerOrgId: pendingOrg.id, supportIdId: prod.id, status: 'PENDING', requestedById: pending.id, requestedAt: at })
  await upsertPartnerGrant(db, {
    partnerOrgId: revokedOrg.id,
    supportIdId: prod.id,
    status: 'REVOKED',
    requestedById: revoked.id,
    requestedAt: at,
    decidedById: licadmin.id,
    decidedAt: at,
  })
  const grantA = await upsertPartnerGrant(db, {
    partnerOrgId: requesterOrg.id,
    supportIdId: prem.id,
    status: 'PENDING',
    requestedById: requester.id,
    requestedAt: at,
  })
  const grantB = await upsertPartnerGrant(db, {
    partnerOrgId: requesterOrg.id,
    supportIdId: gxBasic.id,
    status: 'PENDING',
    requestedById: requester.id,
    requestedAt: at,
  })

  // Case Administrators that a matrix request may remove.
  const caseAdminA = await upsertUser(db, {
    email: 'matrix-caseadmin@acme.example',
    name: 'Matrix Case Admin',
    organisationId: prem.organisationId,
    passwordHash,
  })
  await grantRole(db, caseAdminA.id, prem.id, 'CASE_ADMIN')
  const caseAdminB = await upsertUser(db, {
    email: 'matrix-caseadmin@globex.example',
    name: 'Matrix Case Admin',
    organisationId: gxBasic.organisationId,
    passwordHash,
  })
  await grantRole(db, caseAdminB.id, gxBasic.id, 'CASE_ADMIN')

  const invitation = (supportIdId: string, invitedById: string, email: string) =>
    db.invitation.create({
      data: {
        email,
        supportIdId,
        role: 'CASE_ADMIN',
        tokenHash: createHash('sha256').update(randomBytes(24)).digest('hex'),
        invitedById,
        expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      },
    })
  const invitationA = await invitation(prem.id, licadmin.id, 'invitee-a@matrix.example')
  const invitationB = await invitation(gxBasic.id, globexAdmin.id, 'invitee-b@matrix.example')

  // A case of each customer, with a title found nowhere else (for the leak check) and a file.
  const tag = randomUUID().slice(0, 8)
  const caseFrom = async (code: string, title: string) => {
    const template = await db.case.findFirstOrThrow({ where: { supportId: { code }, status: { in: ['NEW', 'IN_PROGRESS'] } }, orderBy: { number: 'asc' } })
    const fields = Object.fromEntries(Object.entries(template).filter(([k]) => !['id', 'number', 'version', 'updatedAt'].includes(k))) as Omit<
      typeof template,
      'id' | 'number' | 'version' | 'updatedAt'
    >
    const c = await db.case.create({ data: { ...fields, title, status: 'IN_PROGRESS' } })
    await db.caseEvent.create({ data: { caseId: c.id, actorId: c.openedById, at: c.openedAt, type: 'case.opened', after: { severity: c.severity } } })
    return c
  }
  const caseA = await caseFrom('AC-PROD-1002', `Matrix case of Acme ${tag}`)
  const caseB = await caseFrom('GX-BASC-2002', `Matrix case of Globex ${tag}`)
  // Acme's Premier case: the one the Support Account Manager (sam@, named on AC-PREM-1001) works.
  const caseP = await caseFrom('AC-PREM-1001', `Matrix Premier case of Acme ${tag}`)
  const attach = async (c: { id: string }, uploadedById: string, text: string) => {
    const storageKey = `${c.id}/${randomUUID()}`
    fs.mkdirSync(path.dirname(path.resolve(uploadDir, storageKey)), { recursive: true })
    fs.writeFileSync(path.resolve(uploadDir, storageKey), text)
    return db.attachment.create({
      data: {
        caseId: c.id,
        uploadedById,
        name: 'matrix.log',
        size: Buffer.byteLength(text),
        sha256: createHash('sha256').update(text).digest('hex'),
        contentType: 'text/plain',
        storageKey,
        createdAt: now,
      },
    })
  }
  const acmeAdmin = await db.user.findUniqueOrThrow({ where: { email: 'caseadmin@acme.example' } })
  const attachmentA = await attach(caseA, acmeAdmin.id, 'acme matrix file\n')
  const attachmentB = await attach(caseB, globexAdmin.id, 'globex matrix file\n')

  // Catalogue objects an administrator's matrix request may change or delete.
  const calendar = await db.holidayCalendar.create({ data: { name: `Matrix calendar ${randomUUID().slice(0, 8)}` } })
  const holiday = await db.holiday.create({ data: { calendarId: calendar.id, date: new Date('2027-03-03T00:00:00Z'), name: 'Matrix day' } })
  const phoneLine = await db.phoneLine.create({ data: { regionCode: 'LATAM', country: 'Matrixland', number: '+00 000 0000' } })
  const product = await db.product.create({
    data: {
      name: `Matrix product ${randomUUID().slice(0, 8)}`,
      versions: {
        create: [
          { name: '1.0', phase: 'CURRENT' },
          { name: '0.9', phase: 'DISCONTINUED' },
        ],
      },
    },
    include: { versions: { orderBy: { name: 'desc' } } },
  })
  // Objects an administrator's DELETE may remove without the other matrix requests losing theirs.
  const doomedProduct = await db.product.create({ data: { name: `Matrix doomed product ${randomUUID().slice(0, 8)}` } })
  const doomedCalendar = await db.holidayCalendar.create({ data: { name: `Matrix doomed calendar ${randomUUID().slice(0, 8)}` } })
  const doomedHoliday = await db.holiday.create({ data: { calendarId: calendar.id, date: new Date('2027-05-05T00:00:00Z'), name: 'Matrix doomed day' } })
  const doomedPhoneLine = await db.phoneLine.create({ data: { regionCode: 'LATAM', country: 'Doomedland', number: '+00 000 0001' } })

  const world = {
    users: { pending: pending.email, revoked: revoked.email },
    cases: { a: caseA.number, b: caseB.number, p: caseP.number, titleA: caseA.title, titleB: caseB.title, titleP: caseP.title },
    attachments: { a: attachmentA.id, b: attachmentB.id },
    grants: { a: grantA.id, b: grantB.id },
    caseAdmins: { a: { code: prem.code, userId: caseAdminA.id }, b: { code: gxBasic.code, userId: caseAdminB.id } },
    invitations: { a: invitationA.id, b: invitationB.id },
    catalogue: {
      calendarId: calendar.id,
      holidayId: holiday.id,
      phoneLineId: phoneLine.id,
      productId: product.id,
      versionId: product.versions[0]!.id,
      regionCode: 'LATAM',
    },
    doomed: {
      productId: doomedProduct.id,
      versionId: product.versions[1]!.id,
      calendarId: doomedCalendar.id,
      holidayId: doomedHoliday.id,
      phoneLineId: doomedPhoneLine.id,
    },
  }
  fs.writeFileSync(WORLD_FILE, JSON.stringify(world, null, 2))
  return world
}

export type IsolationWorld = Awaited<ReturnType<typeof createIsolationWorld>>
