import type { Browser, Page } from '@playwright/test'
import { PrismaClient } from '../../src/generated/prisma/client'
import { adapterFactoryFor } from '../../src/db/adapter'
import { grantRole, hashDemoPassword, upsertOrganisation, upsertSupportId, upsertUser } from '../../prisma/seed/factories'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { expect, signIn, test } from './fixtures'

// Issue 10: a partner could tell whether a Support ID code exists from the answer to its access
// request (404 for an unknown code, 201 for a real one). Now both get the same answer over the API
// and on the page; only the real one reaches the customer (decision 0018). On a customer and a
// partner of its own, so it neither depends on nor changes the demo organisations.

const DAY = 86_400_000

async function makeWorld(db: PrismaClient) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
  const now = Date.now()
  const passwordHash = await hashDemoPassword(DEMO_PASSWORD)
  const customer = await upsertOrganisation(db, { id: `org_e2e_globex_${tag}`, name: `Globex ${tag}`, kind: 'CUSTOMER', regionCode: 'US' })
  const partnerOrg = await upsertOrganisation(db, { id: `org_e2e_fabrikam_${tag}`, name: `Fabrikam Partners ${tag}`, kind: 'PARTNER', regionCode: 'US' })
  const caseadmin = await upsertUser(db, {
    email: `caseadmin.${tag}@globex.example`,
    name: 'Gale Admin',
    organisationId: customer.id,
    passwordHash,
    timeZone: 'America/Chicago',
  })
  const partner = await upsertUser(db, {
    email: `partner.${tag}@fabrikam.example`,
    name: 'Fay Partner',
    organisationId: partnerOrg.id,
    passwordHash,
    timeZone: 'America/New_York',
  })
  const sid = async (code: string, end: number) => {
    const s = await upsertSupportId(db, {
      code,
      organisationId: customer.id,
      tier: 'PRODUCTION',
      regionCode: 'US',
      siteTimeZone: 'America/Chicago',
      maintenanceStart: new Date(now - 400 * DAY),
      maintenanceEnd: new Date(end),
      productIds: [],
    })
    await grantRole(db, caseadmin.id, s.id, 'CASE_ADMIN')
    return s
  }
  const T = tag.toUpperCase()
  return {
    tag,
    customer,
    partnerOrg,
    caseadmin,
    partner,
    real: await sid(`GX-PROD-${T}`, now + 300 * DAY),
    realForApi: await sid(`GX-API-${T}`, now + 300 * DAY),
    expired: await sid(`GX-OLD-${T}`, now - 30 * DAY),
    unknown: `GX-NONE-${T}`,
    unknownForApi: `GX-NAPI-${T}`,
  }
}

async function session(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage()
  await signIn(page, email)
  return page
}

/** A JSON answer with the typed code, ids and instants replaced. */
function scrub(body: unknown, code: string) {
  const text = JSON.stringify(body, (k, v: unknown) => (k === 'id' || k === 'requestedAt' ? '<removed>' : v))
  return JSON.parse(text.split(code).join('<code>')) as unknown
}

test.describe('a partner cannot tell whether a Support ID code exists', () => {
  test.skip(!process.env.DATABASE_URL, 'makes its own customer and partner: needs the PostgreSQL e2e database')

  let db: PrismaClient
  test.beforeAll(() => {
    db = new PrismaClient({ adapter: adapterFactoryFor({ kind: 'postgres', url: process.env.DATABASE_URL! }) })
  })
  test.afterAll(async () => {
    await db?.$disconnect()
  })

  test('the API answers an unknown, a real and an expired code with the same status and body, and the same refusal when asked again', async ({ browser }) => {
    const w = await makeWorld(db)
    const partner = await session(browser, w.partner.email)
    const post = async (code: string) => {
      const res = await partner.request.post('/api/v1/partner-grants', { data: { supportIdCode: code.toLowerCase(), note: 'We look after their estate.' } })
      return { status: res.status(), cacheControl: res.headers()['cache-control'], body: scrub(await res.json(), code) }
    }
    const unknown = await post(w.unknownForApi)
    expect(unknown).toEqual({
      status: 201,
      cacheControl: 'no-store',
      body: { id: '<removed>', supportIdCode: '<code>', status: 'PENDING', requestedAt: '<removed>' },
    })
    expect(await post(w.realForApi.code)).toEqual(unknown)
    expect(await post(w.expired.code)).toEqual(unknown)

    const again = await post(w.unknownForApi)
    expect(again).toEqual({
      status: 409,
      cacheControl: 'no-store',
      body: { error: { code: 'CONFLICT', message: "Your organisation's request for <code> is already pending" } },
    })
    expect(await post(w.realForApi.code)).toEqual(again)
    expect(await post(w.expired.code)).toEqual(again)

    // The partner's list: the same row for each, no customer.
    const list = (await (await partner.request.get('/api/v1/partner-grants')).json()) as { grants: { supportIdCode: string }[] }
    const row = (code: string) =>
      scrub(
        list.grants.find((g) => g.supportIdCode === code),
        code,
      )
    expect(row(w.unknownForApi)).toMatchObject({ supportIdCode: '<code>', status: 'PENDING', customer: null, tier: null })
    expect(row(w.realForApi.code)).toEqual(row(w.unknownForApi))
    expect(row(w.expired.code)).toEqual(row(w.unknownForApi))
  })

  test('on the partner page an unknown and a real code get the same confirmation; the customer administrator sees only the real request', async ({
    browser,
  }) => {
    const w = await makeWorld(db)
    const partner = await session(browser, w.partner.email)
    await partner.getByRole('link', { name: 'Access requests' }).click()

    // Refused first: no code.
    await partner.getByRole('button', { name: 'Request access' }).click()
    await expect(partner.getByText('Enter the Support ID code', { exact: true })).toBeVisible()

    const request = async (code: string) => {
      await partner.getByLabel('Support ID code').fill(code.toLowerCase())
      await partner.getByRole('button', { name: 'Request access' }).click()
      const confirmation = partner.getByRole('status').filter({ hasText: `Request for ${code} sent` })
      await expect(confirmation).toBeVisible()
      return (await confirmation.innerText()).replace(code, '<code>')
    }
    const unknownMessage = await request(w.unknown)
    expect(unknownMessage).toBe('Request for <code> sent. It is pending until an administrator of the Support ID decides.')
    expect(await request(w.real.code)).toBe(unknownMessage)
    const rowText = async (code: string) => (await partner.getByTestId(`grant-${code}`).innerText()).replace(code, '<code>')
    await expect(partner.getByTestId(`grant-${w.unknown}`)).toContainText('shown once approved')
    expect(await rowText(w.real.code)).toBe(await rowText(w.unknown))
    await partner.screenshot({ path: '/tmp/oracle-partner-desktop.png', fullPage: true })

    // Asking again: the same refusal on the page.
    const refusal = async (code: string) => {
      await partner.getByLabel('Support ID code').fill(code)
      await partner.getByRole('button', { name: 'Request access' }).click()
      const alert = partner.getByRole('alert').filter({ hasText: `request for ${code} is already pending` })
      await expect(alert).toBeVisible()
      return (await alert.innerText()).replace(code, '<code>')
    }
    expect(await refusal(w.real.code)).toBe(await refusal(w.unknown))

    // The "cannot open cases yet" page lists both alike, with no customer name.
    await partner.goto('/cases/new')
    await expect(partner.getByText(`${w.unknown}: your request is pending approval`)).toBeVisible()
    await expect(partner.getByText(`${w.real.code}: your request is pending approval`)).toBeVisible()
    await expect(partner.getByText(w.customer.name)).toHaveCount(0)

    // Phone-sized.
    const phone = await session(browser, w.partner.email, { width: 390, height: 844 })
    await phone.goto('/partner')
    await expect(phone.getByTestId(`grant-${w.unknown}`)).toBeVisible()
    await phone.screenshot({ path: '/tmp/oracle-partner-phone.png', fullPage: true })

    // The customer's administrator is told of the real request only (by the background worker) and sees only it.
    const admin = await session(browser, w.caseadmin.email)
    await expect(async () => {
      await admin.goto('/inbox')
      await expect(admin.getByText(`${w.partnerOrg.name} requests access to Support ID ${w.real.code}`)).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await expect(admin.getByText(w.unknown)).toHaveCount(0)
    await admin.goto('/notifications')
    await expect(admin.getByText(`${w.partnerOrg.name} requests access to Support ID ${w.real.code}`)).toBeVisible()
    await expect(admin.getByText(w.unknown)).toHaveCount(0)
    await admin.goto('/organisation')
    await expect(admin.getByText('1 partner request waiting for a decision')).toBeVisible()
    await expect(admin.getByText(w.unknown)).toHaveCount(0)
    await admin.screenshot({ path: '/tmp/oracle-admin-organisation.png', fullPage: true })
    await admin.getByRole('button', { name: `Approve ${w.partnerOrg.name} on ${w.real.code}` }).click()
    await expect(admin.getByRole('button', { name: `Revoke ${w.partnerOrg.name} on ${w.real.code}` })).toBeVisible()

    // The worker went past the unknown one too, and it stays pending, tied to no Support ID.
    await expect
      .poll(async () =>
        db.partnerGrant.findFirst({
          where: { partnerOrgId: w.partnerOrg.id, requestedCode: w.unknown },
          select: { status: true, supportIdId: true, announcePending: true },
        }),
      )
      .toEqual({ status: 'PENDING', supportIdId: null, announcePending: false })
    await partner.goto('/partner')
    await expect(partner.getByTestId(`grant-${w.real.code}`)).toContainText('Approved')
    await expect(partner.getByTestId(`grant-${w.real.code}`)).toContainText(w.customer.name)
    await expect(partner.getByTestId(`grant-${w.unknown}`)).toContainText('Pending')
  })
})
