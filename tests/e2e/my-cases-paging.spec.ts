// Issue 11: "My cases" stopped at 100 cases. A License Administrator with 158 cases sees the total,
// pages to the last page, keeps filter and page across reload and back/forward, and gets cards
// with severity, status and time left on a phone.
import type { Browser, Page } from '@playwright/test'
import { PrismaClient } from '../../src/generated/prisma/client'
import { adapterFactoryFor } from '../../src/db/adapter'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { grantRole, hashDemoPassword, upsertOrganisation, upsertSupportId, upsertUser } from '../../prisma/seed/factories'
import { expect, signIn, test } from './fixtures'

const DAY = 86_400_000
const MIN = 60_000

test.describe('My cases: paging through 158 cases', () => {
  test.skip(!process.env.DATABASE_URL, 'makes its own customer with 158 cases: needs the PostgreSQL e2e database')
  let db: PrismaClient
  let w: Awaited<ReturnType<typeof makeWorld>>
  test.beforeAll(async () => {
    db = new PrismaClient({ adapter: adapterFactoryFor({ kind: 'postgres', url: process.env.DATABASE_URL! }) })
    w = await makeWorld(db)
  })
  test.afterAll(async () => {
    // The 118 open cases would otherwise stand in the engineers' queue of the specs that run after this one.
    if (w) await db.case.deleteMany({ where: { organisationId: w.organisationId } })
    await db?.$disconnect()
  })

  test('sees 158 in total, pages to the last page, and filter + page survive reload, back and forward', async ({ browser }) => {
    const page = await session(browser, w.licadmin.email)
    await page.goto('/cases')
    await expect(page.getByTestId('case-count')).toHaveText('Showing 1–100 of 158')
    await expect(page.getByTestId('my-case-row')).toHaveCount(100)
    await expect(page.getByText('Page 1 of 2')).toBeVisible()
    await page.getByRole('navigation', { name: 'Pages of my cases' }).getByRole('link', { name: 'Next' }).click()
    await expect(page).toHaveURL(/\/cases\?page=2$/)
    await expect(page.getByTestId('case-count')).toHaveText('Showing 101–158 of 158')
    await expect(page.getByTestId('my-case-row')).toHaveCount(58)
    await expect(page.getByTestId('my-case-row').last()).toContainText(`Paging case 0 ${w.tag}`)
    await page.screenshot({ path: '/tmp/mycases-last-page.png', fullPage: false })

    // Filter: Severity 2 (40 cases), 25 a page, then page 2.
    await page.goto('/cases?pageSize=25')
    await page.getByLabel('Severity').selectOption('2')
    await page.getByRole('button', { name: 'Filter' }).click()
    await expect(page).toHaveURL(/severity=2/)
    await expect(page.getByTestId('case-count')).toHaveText('Showing 1–25 of 40')
    await page.getByRole('link', { name: 'Page 2' }).click()
    await expect(page).toHaveURL(/severity=2.*page=2|page=2.*severity=2/)
    await expect(page.getByTestId('case-count')).toHaveText('Showing 26–40 of 40')
    await page.reload()
    await expect(page.getByTestId('case-count')).toHaveText('Showing 26–40 of 40')
    await expect(page.getByLabel('Severity')).toHaveValue('2')
    await page.goBack()
    await expect(page.getByTestId('case-count')).toHaveText('Showing 1–25 of 40')
    await page.goForward()
    await expect(page.getByTestId('case-count')).toHaveText('Showing 26–40 of 40')
    await expect(page.getByLabel('Severity')).toHaveValue('2')

    // A page past the end says so and links to the last one; a bad page is refused in words.
    await page.goto('/cases?page=9')
    await expect(page.getByText('There is no page 9')).toBeVisible()
    await page.getByRole('link', { name: 'Go to the last page (2)' }).click()
    await expect(page.getByTestId('case-count')).toHaveText('Showing 101–158 of 158')
    await page.goto('/cases?pageSize=5000')
    await expect(page.getByRole('alert').filter({ hasText: 'Page size must be a whole number from 1 to 100' })).toBeVisible()
  })

  test('the JSON API pages the same way and refuses a bad page with a 400', async ({ browser }) => {
    const page = await session(browser, w.licadmin.email)
    const res = await page.request.get('/api/v1/cases?page=2')
    expect(res.status()).toBe(200)
    const body = (await res.json()) as { cases: unknown[]; total: number; page: number; pageSize: number; pages: number }
    expect({ n: body.cases.length, total: body.total, page: body.page, pageSize: body.pageSize, pages: body.pages }).toEqual({
      n: 58,
      total: 158,
      page: 2,
      pageSize: 100,
      pages: 2,
    })
    const bad = await page.request.get('/api/v1/cases?pageSize=0')
    expect(bad.status()).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('Page size must be a whole number from 1 to 100')
  })

  test('on a phone (390x844) the list is cards with severity, status and time left', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await signIn(page, w.licadmin.email)
    await page.goto('/cases?status=NEW&page=2&pageSize=50')
    await expect(page.getByTestId('my-cases-table')).toBeHidden()
    const cards = page.getByTestId('case-card')
    await expect(cards).toHaveCount(50)
    const card = cards.first()
    await expect(card).toBeVisible()
    await expect(card.getByText('Sev 3')).toBeVisible()
    await expect(card.getByText('New', { exact: true })).toBeVisible()
    await expect(card.getByText(/left$/)).toBeVisible()
    await expect(page.getByTestId('case-count')).toHaveText('Showing 51–100 of 118')
    await page.screenshot({ path: '/tmp/mycases-phone.png', fullPage: false })
    await context.close()
  })
})

async function session(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

/** A customer whose License Administrator has 158 cases: every 4th Severity 2 and resolved, the rest Severity 3 and new. */
async function makeWorld(db: PrismaClient) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
  const now = Date.now()
  const passwordHash = await hashDemoPassword(DEMO_PASSWORD)
  const customer = await upsertOrganisation(db, { id: `org_e2e_paging_${tag}`, name: `Globex ${tag}`, kind: 'CUSTOMER', regionCode: 'US' })
  const licadmin = await upsertUser(db, {
    email: `licadmin.${tag}@globex.example`,
    name: 'Lou Licence',
    organisationId: customer.id,
    passwordHash,
    timeZone: 'America/Chicago',
  })
  const products = await db.product.findMany({ select: { id: true } })
  const supportId = await upsertSupportId(db, {
    code: `GX-PROD-${tag.toUpperCase()}`,
    organisationId: customer.id,
    tier: 'PRODUCTION',
    regionCode: 'US',
    siteTimeZone: 'America/Chicago',
    maintenanceStart: new Date(now - 100 * DAY),
    maintenanceEnd: new Date(now + 300 * DAY),
    productIds: products.map((p) => p.id),
  })
  await grantRole(db, licadmin.id, supportId.id, 'LICENSE_ADMIN_PRIMARY')
  await db.case.createMany({
    data: Array.from({ length: 158 }, (_, i) => ({
      supportIdId: supportId.id,
      organisationId: customer.id,
      tier: 'PRODUCTION' as const,
      regionCode: 'US',
      category: 'TECHNICAL' as const,
      severity: i % 4 === 0 ? 2 : 3,
      status: i % 4 === 0 ? ('RESOLVED' as const) : ('NEW' as const),
      title: `Paging case ${i} ${tag}`,
      description: 'A case made for the paging journey',
      preferredLanguage: 'English',
      openedById: licadmin.id,
      openedAt: new Date(now - (200 - i) * MIN),
      targetKind: 'DEADLINE' as const,
      targetMinutes: 6 * 60,
      targetClock: 'CONTINUOUS' as const,
      targetDueAt: new Date(now - (200 - i) * MIN + 6 * 60 * MIN),
      responseDueAt: i % 4 === 0 ? null : new Date(now - (200 - i) * MIN + 6 * 60 * MIN),
      firstResponseAt: i % 4 === 0 ? new Date(now - (190 - i) * MIN) : null,
      lastCustomerActivityAt: new Date(now - (200 - i) * MIN),
    })),
  })
  return { tag, licadmin, supportId, organisationId: customer.id }
}
