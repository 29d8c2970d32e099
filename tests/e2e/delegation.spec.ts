import type { Browser, Page } from '@playwright/test'
import { PrismaClient } from '../../src/generated/prisma/client'
import { adapterFactoryFor } from '../../src/db/adapter'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { fillSecrets, mailSecretKey, openSecrets } from '../../src/lib/mail-secrets'
import { grantRole, hashDemoPassword, upsertOrganisation, upsertSupportId, upsertUser } from '../../prisma/seed/factories'
import { expect, signIn, test } from './fixtures'

// Partner delegation end to end, on a customer and a partner of its own (made with the seed's
// factories), so it neither depends on nor changes the demo organisations other specs use.
// In Playwright SMTP_URL is unset: the portal's e-mail arrives in the dev inbox page.

const DAY = 86_400_000

async function makeWorld(db: PrismaClient) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
  const now = Date.now()
  const passwordHash = await hashDemoPassword(DEMO_PASSWORD)
  const customer = await upsertOrganisation(db, { id: `org_e2e_initech_${tag}`, name: `Initech ${tag}`, kind: 'CUSTOMER', regionCode: 'US' })
  const partnerOrg = await upsertOrganisation(db, { id: `org_e2e_contoso_${tag}`, name: `Contoso Partners ${tag}`, kind: 'PARTNER', regionCode: 'US' })
  const caseadmin = await upsertUser(db, {
    email: `caseadmin.${tag}@initech.example`,
    name: 'Casey Admin',
    organisationId: customer.id,
    passwordHash,
    timeZone: 'America/Chicago',
  })
  const partner = await upsertUser(db, {
    email: `partner.${tag}@contoso.example`,
    name: 'Pat Partner',
    organisationId: partnerOrg.id,
    passwordHash,
    timeZone: 'America/New_York',
  })
  const products = await db.product.findMany({ select: { id: true } })
  const supportId = await upsertSupportId(db, {
    code: `IN-PROD-${tag.toUpperCase()}`,
    organisationId: customer.id,
    tier: 'PRODUCTION',
    regionCode: 'US',
    siteTimeZone: 'America/Chicago',
    maintenanceStart: new Date(now - 100 * DAY),
    maintenanceEnd: new Date(now + 300 * DAY),
    productIds: products.map((p) => p.id),
  })
  await grantRole(db, caseadmin.id, supportId.id, 'CASE_ADMIN')
  return { tag, customer, partnerOrg, caseadmin, partner, supportId }
}

async function session(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

test.describe('partner delegation', () => {
  test.skip(!process.env.DATABASE_URL, 'makes its own customer and partner: needs the PostgreSQL e2e database')

  let db: PrismaClient
  test.beforeAll(() => {
    db = new PrismaClient({ adapter: adapterFactoryFor({ kind: 'postgres', url: process.env.DATABASE_URL! }) })
  })
  test.afterAll(async () => {
    await db?.$disconnect()
  })

  test('a partner requests access, a Case Administrator approves, the partner opens a case, the administrator revokes, the partner is refused at once', async ({
    browser,
  }) => {
    const w = await makeWorld(db)
    const code = w.supportId.code
    const partnerName = w.partnerOrg.name
    const partner = await session(browser, w.partner.email)
    const admin = await session(browser, w.caseadmin.email)

    // 1. The partner asks for access by the Support ID's code: pending.
    await partner.getByRole('link', { name: 'Access requests' }).click()
    await partner.getByLabel('Support ID code').fill(code.toLowerCase())
    await partner.getByLabel('Note to the administrators (optional)').fill("We run Initech's backup estate.")
    await partner.getByRole('button', { name: 'Request access' }).click()
    await expect(partner.getByRole('status').filter({ hasText: `Request for ${code} sent` })).toBeVisible()
    await expect(partner.getByTestId(`grant-${code}`)).toContainText('Pending')
    await expect(partner.getByTestId(`grant-${code}`)).toContainText('shown once approved')
    // Not yet usable: the case form offers nothing.
    await partner.goto('/cases/new')
    await expect(partner.getByText('You cannot open cases yet')).toBeVisible()

    // 2. The Case Administrator sees the request (and its e-mail in the dev inbox) and approves it.
    // The request's mail is written by the server's background worker within a few seconds (decision 0018).
    await expect(async () => {
      await admin.goto('/inbox')
      await expect(admin.getByText(`${partnerName} requests access to Support ID ${code}`)).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await admin.getByRole('link', { name: 'Organisation' }).click()
    await expect(admin.getByText('1 partner request waiting for a decision')).toBeVisible()
    await expect(admin.getByText("“We run Initech's backup estate.”")).toBeVisible()
    await admin.getByRole('button', { name: `Approve ${partnerName} on ${code}` }).click()
    await expect(admin.getByRole('button', { name: `Revoke ${partnerName} on ${code}` })).toBeVisible()
    await expect(admin.getByText('1 partner request waiting for a decision')).toHaveCount(0)

    // 3. The partner is told, and opens a case on the Support ID.
    await partner.goto('/inbox')
    await expect(partner.getByText(`Access to Support ID ${code} approved`)).toBeVisible()
    await partner.goto('/partner')
    await expect(partner.getByTestId(`grant-${code}`)).toContainText('Approved')
    await expect(partner.getByTestId(`grant-${code}`)).toContainText(w.customer.name)
    await partner.getByTestId(`grant-${code}`).getByRole('link', { name: 'Open a case' }).click()
    await expect(partner.getByLabel('Support ID')).toHaveValue(code)
    await partner.getByLabel('Severity 3 — Medium').check()
    await partner.getByLabel('Title', { exact: true }).fill(`Replication stalls at 40% ${w.tag}`)
    await partner.getByLabel('Description', { exact: true }).fill('The nightly replication job stalls at 40% since the storage firmware update on Monday.')
    await partner.getByRole('button', { name: 'Open case' }).click()
    const opened = partner.getByText(/Case #\d+ is open/)
    await expect(opened).toBeVisible()
    const number = Number((await opened.textContent())!.match(/#(\d+)/)![1])
    await partner.goto(`/cases/${number}`)
    await expect(partner.getByRole('heading', { level: 1 })).toContainText(`Replication stalls at 40% ${w.tag}`)

    // 4. The administrator revokes the access.
    await admin.reload()
    admin.once('dialog', (d) => void d.accept())
    await admin.getByRole('button', { name: `Revoke ${partnerName} on ${code}` }).click()
    await expect(admin.getByRole('listitem').filter({ hasText: partnerName }).getByText('Revoked', { exact: true })).toBeVisible()

    // 5. The partner's very next request is refused: the case it opened, and opening another.
    await partner.goto(`/cases/${number}`)
    await expect(partner.getByRole('heading', { name: 'Not found' })).toBeVisible()
    const api = await partner.request.post('/api/v1/cases', {
      data: {
        supportId: code,
        productVersionId: (await db.productVersion.findFirstOrThrow({ where: { phase: 'CURRENT' } })).id,
        category: 'TECHNICAL',
        severity: 3,
        title: 'One more case',
        description: 'This must be refused after the revocation.',
        preferredLanguage: 'English',
      },
    })
    expect(api.status()).toBe(404)
    expect((await api.json()).error.message).toBe(`Support ID ${code} was not found among the Support IDs you may open cases for`)
    await partner.goto('/inbox')
    await expect(partner.getByText(`Access to Support ID ${code} revoked`)).toBeVisible()

    // Every step is in the audit log, with who and when.
    const grant = await db.partnerGrant.findFirstOrThrow({ where: { supportIdId: w.supportId.id } })
    const audit = await db.auditEntry.findMany({ where: { entityType: 'PartnerGrant', entityId: grant.id }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['partner-grant.requested', w.partner.id],
      ['partner-grant.approved', w.caseadmin.id],
      ['partner-grant.revoked', w.caseadmin.id],
    ])
    expect(audit.every((a) => Date.now() - a.at.getTime() < 10 * 60_000)).toBe(true)
  })

  test('a License Administrator invites a Case Administrator, who registers through the e-mailed link', async ({ browser }) => {
    const w = await makeWorld(db)
    const licadmin = await upsertUser(db, {
      email: `licadmin.${w.tag}@initech.example`,
      name: 'Lee Licence',
      organisationId: w.customer.id,
      passwordHash: await hashDemoPassword(DEMO_PASSWORD),
      timeZone: 'America/Chicago',
    })
    await grantRole(db, licadmin.id, w.supportId.id, 'LICENSE_ADMIN_PRIMARY')
    const code = w.supportId.code
    const invitee = `new.${w.tag}@initech.example`
    const admin = await session(browser, licadmin.email)
    await admin.goto('/organisation')
    await admin.getByLabel(`Invite a Case Administrator for ${code}`).fill(invitee)
    await admin.getByRole('button', { name: 'Send invitation' }).click()
    await expect(admin.getByText(`Invitation sent to ${invitee}`)).toBeVisible()
    await expect(admin.getByText('Invitations waiting for an answer')).toBeVisible()

    // The link only travels by e-mail: read it from the message the portal wrote, whose link is
    // sealed with the server's key (decision 0007); the invitee has no account, so no inbox yet.
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: invitee, kind: 'case-admin-invitation' } })
    expect(mail.text).not.toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/)
    const key = mailSecretKey({ mailSecretKey: process.env.MAIL_SECRET_KEY, sessionSecret: process.env.NEXTAUTH_SECRET! })
    const text = fillSecrets(mail.text, openSecrets(mail.secrets!, key, mail.to), '')
    const link = new URL(/https?:\/\/\S+\/invite\/\S+/.exec(text)![0])
    const page = await (await browser.newContext()).newPage()
    await page.goto(link.pathname)
    await expect(page.getByText(`invited ${invitee} to be a Case Administrator of Initech ${w.tag}`)).toBeVisible()
    await page.getByLabel('Your name').fill('Nora Newcomer')
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery')
    await page.getByLabel('Repeat the password').fill('correct horse battery')
    await page.getByRole('button', { name: 'Create account and accept' }).click()
    await expect(page).toHaveURL(/\/cases$/)
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await page.goto('/organisation')
    await expect(page.getByRole('heading', { name: code })).toBeVisible()
    await expect(page.getByText('Nora Newcomer (you)')).toBeVisible()
    // The link worked once.
    await page.goto(link.pathname)
    await expect(page.getByText('This invitation was accepted')).toBeVisible()

    await admin.reload()
    await expect(admin.getByText('Nora Newcomer')).toBeVisible()
    await expect(admin.getByText('Invitations waiting for an answer')).toHaveCount(0)
  })
})
