import type { Browser, Locator, Page } from '@playwright/test'
import { PrismaClient } from '../../src/generated/prisma/client'
import { adapterFactoryFor } from '../../src/db/adapter'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { grantRole, hashDemoPassword, upsertOrganisation, upsertSupportId, upsertUser } from '../../prisma/seed/factories'
import { expect, signIn, test } from './fixtures'

// Issue 11: a refused form keeps every value the user left in it, says which field is wrong in
// words (tied to the field, focus moved there), and what it then submits is what the screen shows.

const unique = (what: string) => `${what} ${Date.now().toString(36)}`

/** The names of the files a file input holds right now. */

/** The field's error, read the way a screen reader reaches it: through aria-describedby. */
async function describedBy(page: Page, field: Locator) {
  const ids = (await field.getAttribute('aria-describedby')) ?? ''
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  )
  return texts.join(' ')
}

async function expectInvalid(page: Page, field: Locator, words: string | RegExp) {
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  expect(await describedBy(page, field)).toMatch(words)
}

async function openCaseByApi(page: Page, data: Record<string, unknown> = {}) {
  const res = await page.request.post('/api/v1/cases', {
    data: {
      supportId: 'AC-PROD-1002',
      category: 'TECHNICAL',
      severity: 3,
      title: unique('Refusal journey'),
      description: 'Replication stuck since the upgrade, logs follow.',
      preferredLanguage: 'English',
      product: 'Vault Backup & Replication',
      version: '13.0',
      ...data,
    },
  })
  expect(res.status()).toBe(201)
  return (await res.json()) as { number: number; version: number }
}

test.describe('a refused form keeps what the user entered', () => {
  test('new case: refused for a contact without a phone, then opened on the Support ID, severity and target shown', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    await page.goto('/cases/new')
    const supportId = page.getByLabel('Support ID')
    await supportId.selectOption('AC-PROD-1002')
    await page.getByLabel('Severity 1 — Critical').check()
    await page.getByLabel('Technical contact (24/7)').fill('Jordan Lee')
    const title = unique('Replication down on the production site')
    await page.getByLabel('Title', { exact: true }).fill(title)
    const description = 'Replication to the DR site stopped at 02:00 with "target unreachable".'
    await page.getByLabel('Description', { exact: true }).fill(description)
    await page.getByLabel('Environment (optional)').fill('vSphere 8, two proxies, hardened Linux repository')
    await page
      .getByLabel('Diagnostic files (optional)')
      .setInputFiles({ name: 'replication.log', mimeType: 'text/plain', buffer: Buffer.from('ERROR target unreachable\n') })
    const preview = page.getByTestId('target-preview')
    await expect(preview).toContainText('1 hour, 24/7')
    await page.getByRole('button', { name: 'Open case' }).click()

    await expect(page.getByRole('alert').filter({ hasText: 'The case was not opened' })).toContainText('Technical contact phone')
    await expect(page.getByRole('alert').filter({ hasText: 'The case was not opened' })).not.toContainText('technicalContact')
    // Every value as the user left it, and the screen agrees with itself.
    await expect(supportId).toHaveValue('AC-PROD-1002')
    await expect(page.getByLabel('Severity 1 — Critical')).toBeChecked()
    await expect(page.getByLabel('Severity 3 — Medium')).not.toBeChecked()
    await expect(page.getByText(/^Production · /)).toBeVisible()
    await expect(preview).toContainText('1 hour, 24/7')
    await expect(page.getByLabel('Technical contact (24/7)')).toHaveValue('Jordan Lee')
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title)
    await expect(page.getByLabel('Description', { exact: true })).toHaveValue(description)
    await expect(page.getByLabel('Environment (optional)')).toHaveValue('vSphere 8, two proxies, hardened Linux repository')
    await expect(page.getByRole('list', { name: 'Chosen files' })).toContainText('replication.log')
    // The error names the field in words, is tied to it and has the focus.
    const phone = page.getByLabel('Contact phone')
    await expectInvalid(page, phone, /Technical contact phone/)
    await expect(phone).toBeFocused()

    await phone.fill('+1 312 555 0188')
    await page.getByRole('button', { name: 'Open case' }).click()
    await expect(page.getByText(/Case #\d+ is open/)).toBeVisible()
    await expect(page.getByTestId('created-target')).toContainText('1 hour, 24/7')
    const number = Number((await page.getByText(/Case #\d+ is open/).innerText()).match(/#(\d+)/)![1])
    const opened = await (await page.request.get(`/api/v1/cases/${number}`)).json()
    expect(opened).toMatchObject({
      title,
      severity: 1,
      supportId: { code: 'AC-PROD-1002' },
      environment: 'vSphere 8, two proxies, hardened Linux repository',
      technicalContact: { name: 'Jordan Lee', phone: '+1 312 555 0188' },
      responseTarget: { kind: 'deadline', minutes: 60, clock: 'continuous' },
    })
    expect(opened.attachments.map((a: { name: string }) => a.name)).toEqual(['replication.log'])
  })

  test('case page: a refused .exe does not touch the comment being typed; the corrected file and the comment are posted as shown', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    const { number } = await openCaseByApi(page)
    await page.goto(`/cases/${number}`)
    const body = `The job log says "target unreachable" again ${Date.now().toString(36)}.`
    await page.getByLabel('Comment', { exact: true }).fill(body)
    // Files go through the uploader (decision 0011): a refused type is refused in the page, before any byte is sent.
    const files = page.getByLabel('Add diagnostic files')
    await files.setInputFiles({ name: 'collector.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') })
    await expect(page.getByRole('alert').filter({ hasText: 'collector.exe' })).toBeVisible()
    await expect(page.getByLabel('Comment', { exact: true })).toHaveValue(body)

    await files.setInputFiles({ name: 'collector.log', mimeType: 'text/plain', buffer: Buffer.from('ERROR target unreachable\n') })
    await page.getByRole('button', { name: 'Upload file' }).click()
    await expect(page.getByRole('link', { name: 'collector.log' })).toBeVisible()
    await expect(page.getByLabel('Comment', { exact: true })).toHaveValue(body)
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByText(body)).toBeVisible()
    await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('') // cleared after success
    const api = await (await page.request.get(`/api/v1/cases/${number}`)).json()
    expect(api.attachments.map((a: { name: string }) => a.name)).toEqual(['collector.log'])
  })

  test('engineer: a resolution refused because someone else changed the case keeps its summary; sent again, it resolves', async ({ page, browser }) => {
    const customer = await session(browser, 'caseadmin@acme.example')
    const { number } = await openCaseByApi(customer)
    await signIn(page, 'engineer@vendor.example')
    await page.goto(`/cases/${number}`)
    const tools = page.getByTestId('vendor-case-tools')
    const summary = 'Freed space on the repository and re-ran the job: it completed.'
    await tools.getByLabel('Summary', { exact: true }).fill(summary)
    // Meanwhile the customer writes: the version the page holds is stale.
    expect((await customer.request.post(`/api/v1/cases/${number}/comments`, { data: { body: 'Any news?' } })).status()).toBeLessThan(300)
    await tools.getByRole('button', { name: 'Resolve case' }).click()
    await expect(tools.getByRole('alert')).toContainText('changed by someone else')
    await expect(tools.getByRole('alert')).toContainText('what you entered is kept')
    await expect(tools.getByLabel('Summary', { exact: true })).toHaveValue(summary)
    await expect(page.getByText('Any news?')).toBeVisible() // the other change is on the page now

    await tools.getByRole('button', { name: 'Resolve case' }).click()
    // The form gives way to the resolution itself once the case is resolved.
    await expect(tools.getByText(summary, { exact: true })).toBeVisible()
    const api = await (await page.request.get(`/api/v1/cases/${number}`)).json()
    expect(api).toMatchObject({ status: 'RESOLVED', resolution: { code: 'SOLUTION_OR_WORKAROUND', summary } })
  })

  test('manager: an escalation resolution refused as too short keeps its text and is resolved once corrected', async ({ page, browser }) => {
    const customer = await session(browser, 'caseadmin@acme.example')
    const { number } = await openCaseByApi(customer)
    expect((await customer.request.post(`/api/v1/cases/${number}/escalations`, { data: { reason: 'Nobody has called us back yet today.' } })).status()).toBe(
      201,
    )
    await signIn(page, 'manager@vendor.example')
    const card = page.locator(`[data-testid="escalation"][data-case-number="${number}"]`)
    const resolution = card.getByLabel('Resolution of the escalation')
    await card.getByLabel('Manager note').fill('Spoke to the team lead.')
    await resolution.fill('Done   ') // long enough for the browser, not once trimmed
    await card.getByRole('button', { name: 'Resolve escalation' }).click()
    await expectInvalid(page, resolution, /Resolution needs at least 5 characters/)
    await expect(resolution).toBeFocused()
    await expect(resolution).toHaveValue('Done   ')
    await expect(card.getByLabel('Manager note')).toHaveValue('Spoke to the team lead.') // another form of the card, untouched

    await resolution.fill('Done: the customer was called back.')
    await card.getByRole('button', { name: 'Resolve escalation' }).click()
    await expect(card).toHaveCount(0)
    const api = await (await page.request.get('/api/v1/escalations?status=all')).json()
    expect(api.escalations.find((e: { case: { number: number } }) => e.case.number === number)).toMatchObject({
      status: 'RESOLVED',
      resolution: 'Done: the customer was called back.',
    })
  })

  test('administrator: a holiday refused for a blank name keeps its date; named, it is added as shown', async ({ page }) => {
    await signIn(page, 'admin@vendor.example')
    await page.goto('/admin/calendars')
    const calendar = `Refusals ${Date.now().toString(36)}`
    await page.getByLabel('New calendar').fill(calendar)
    await page.getByRole('button', { name: 'Create calendar' }).click()
    await page.getByRole('status').getByRole('link', { name: calendar }).click()
    const date = page.getByLabel('Date', { exact: true })
    const name = page.getByLabel('Name', { exact: true })
    await date.fill('2027-07-05')
    await name.fill('   ')
    await page.getByRole('button', { name: 'Add holiday' }).click()
    await expectInvalid(page, name, /name is required/i)
    await expect(name).toBeFocused()
    await expect(date).toHaveValue('2027-07-05')
    await name.fill('Summer closure')
    await page.getByRole('button', { name: 'Add holiday' }).click()
    await expect(page.getByTestId('holiday-2027-07-05')).toContainText('Summer closure')
    await expect(date).toHaveValue('') // cleared after success
  })

  test('profile: a token refused for a blank name keeps the field; named, it is created', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    await page.goto('/profile')
    const name = page.getByLabel('Token name')
    await name.fill('   ')
    await page.getByRole('button', { name: 'Create token' }).click()
    await expectInvalid(page, name, /Name|name/)
    await expect(name).toBeFocused()
    await expect(name).toHaveValue('   ')
    const tokenName = `Refusal check ${Date.now().toString(36)}`
    await name.fill(tokenName)
    await page.getByRole('button', { name: 'Create token' }).click()
    await expect(page.getByTestId('new-token')).toBeVisible()
    await expect(page.getByText(tokenName)).toBeVisible()
  })

  test.describe('with an organisation of its own', () => {
    test.skip(!process.env.DATABASE_URL, 'makes its own customer and partner: needs the PostgreSQL e2e database')
    let db: PrismaClient
    test.beforeAll(() => {
      db = new PrismaClient({ adapter: adapterFactoryFor({ kind: 'postgres', url: process.env.DATABASE_URL! }) })
    })
    test.afterAll(async () => {
      await db?.$disconnect()
    })

    test('organisation: an invitation refused for a bad e-mail keeps the address; corrected, it is sent to it', async ({ browser }) => {
      const w = await makeWorld(db)
      const admin = await session(browser, w.licadmin.email)
      await admin.goto('/organisation')
      const email = admin.getByLabel(`Invite a Case Administrator for ${w.supportId.code}`)
      await email.fill(`new.${w.tag}@initech`)
      await admin.getByRole('button', { name: 'Send invitation' }).click()
      await expectInvalid(admin, email, /e-mail/i)
      await expect(email).toBeFocused()
      await expect(email).toHaveValue(`new.${w.tag}@initech`)
      await email.fill(`new.${w.tag}@initech.example`)
      await admin.getByRole('button', { name: 'Send invitation' }).click()
      await expect(admin.getByText(`Invitation sent to new.${w.tag}@initech.example`)).toBeVisible()
    })

    test('partner: a request refused for a malformed code keeps code and note; corrected, that Support ID is requested', async ({ browser }) => {
      const w = await makeWorld(db)
      const partner = await session(browser, w.partner.email)
      await partner.goto('/partner')
      const code = partner.getByLabel('Support ID code')
      const note = partner.getByLabel('Note to the administrators (optional)')
      // An unknown code is answered like a real one (decision 0018): a malformed one is what is refused.
      await code.fill('IN PROD 01')
      await note.fill('We run the backup estate.')
      await partner.getByRole('button', { name: 'Request access' }).click()
      await expect(partner.getByText('letters, digits and dashes only').first()).toBeVisible()
      await expect(code).toHaveValue('IN PROD 01')
      await expect(note).toHaveValue('We run the backup estate.')
      await code.fill(w.supportId.code)
      await partner.getByRole('button', { name: 'Request access' }).click()
      await expect(partner.getByRole('status').filter({ hasText: `Request for ${w.supportId.code} sent` })).toBeVisible()
      await expect(partner.getByTestId(`grant-${w.supportId.code}`)).toContainText('Pending')
    })
  })
})

async function session(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

const DAY = 86_400_000

/** A customer with a License Administrator on a Support ID of its own, and a partner organisation. */
async function makeWorld(db: PrismaClient) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
  const now = Date.now()
  const passwordHash = await hashDemoPassword(DEMO_PASSWORD)
  const customer = await upsertOrganisation(db, { id: `org_e2e_forms_${tag}`, name: `Initech ${tag}`, kind: 'CUSTOMER', regionCode: 'US' })
  const partnerOrg = await upsertOrganisation(db, { id: `org_e2e_forms_partner_${tag}`, name: `Contoso ${tag}`, kind: 'PARTNER', regionCode: 'US' })
  const licadmin = await upsertUser(db, {
    email: `licadmin.${tag}@initech.example`,
    name: 'Lee Licence',
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
  await grantRole(db, licadmin.id, supportId.id, 'LICENSE_ADMIN_PRIMARY')
  return { tag, licadmin, partner, supportId }
}
