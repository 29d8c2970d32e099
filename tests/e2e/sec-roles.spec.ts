// Issue 10 (decision 0009), end to end: tokens with an expiry chosen on the profile page and
// refused once it passes; a burst of identical case submissions with one Idempotency-Key opens one case.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { expect, signIn, test } from './fixtures'

const openCaseBody = (title: string) => ({
  supportId: 'AC-PROD-1002',
  category: 'TECHNICAL',
  severity: 3,
  title,
  description: 'The nightly backup job fails with a repository error.',
  preferredLanguage: 'English',
  product: 'Vault Backup & Replication',
  version: '13.0',
})

test('a token gets the expiry chosen on the profile page, is listed with it, and is refused once it has passed', async ({ page, playwright }) => {
  await signIn(page, 'caseadmin@acme.example')
  await page.goto('/profile')
  await page.getByLabel('Token name').fill('expiring e2e token')
  await expect(page.getByLabel('Expires after')).toHaveValue('90')
  await page.getByLabel('Expires after').selectOption('7')
  await page.getByRole('button', { name: 'Create token' }).click()
  const secret = (await page.getByTestId('new-token').textContent())!.trim()
  await expect(page.getByText(/expires /).first()).toBeVisible()

  const base = new URL(page.url()).origin
  const api = await playwright.request.newContext()
  const auth = { authorization: `Bearer ${secret}` }
  const listed = await api.get(`${base}/api/v1/me/tokens`, { headers: auth })
  expect(listed.status()).toBe(200)
  const token = (await listed.json()).tokens.find((t: { name: string }) => t.name === 'expiring e2e token')
  const days = (Date.parse(token.expiresAt) - Date.parse(token.createdAt)) / 86_400_000
  expect(days).toBe(7)
  expect(token).toMatchObject({ expired: false, lastUsedAt: expect.any(String) })

  // Seven days later (moved in the database, not by a fake clock): refused with the reason.
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  await db.query(`UPDATE "ApiToken" SET "createdAt" = "createdAt" - interval '8 days', "expiresAt" = "expiresAt" - interval '8 days' WHERE id = $1`, [token.id])
  await db.end()
  const refused = await api.get(`${base}/api/v1/me`, { headers: auth })
  expect(refused.status()).toBe(401)
  expect((await refused.json()).error.message).toMatch(/^This API token expired on .* UTC: create a new one on your profile page$/)
  await page.reload()
  await expect(page.getByText(/expired /)).toBeVisible()
  await api.dispose()
})

test('ten identical case submissions at once with one Idempotency-Key open one case; another body with it is refused', async ({ page }) => {
  await signIn(page, 'caseadmin@acme.example')
  const key = randomUUID()
  const title = `Burst ${key}`
  const send = (body: unknown) => page.request.post('/api/v1/cases', { data: body, headers: { 'idempotency-key': key } })
  const answers = await Promise.all(Array.from({ length: 10 }, () => send(openCaseBody(title))))
  const statuses = answers.map((r) => r.status()).sort()
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
  const numbers = new Set(await Promise.all(answers.map(async (r) => (await r.json()).number)))
  expect(numbers.size).toBe(1)
  expect(answers.filter((r) => r.headers()['idempotent-replayed'] === 'true')).toHaveLength(9)
  const list = await (await page.request.get('/api/v1/cases')).json()
  expect(list.cases.filter((c: { title: string }) => c.title === title)).toHaveLength(1)

  const other = await send(openCaseBody(`${title} (edited)`))
  expect(other.status()).toBe(422)
  expect((await other.json()).error.message).toMatch(/already used for a different case/)
})

test('the new-case form carries its own idempotency key, a new one each time the form is rendered', async ({ page }) => {
  await signIn(page, 'caseadmin@acme.example')
  await page.goto('/cases/new')
  const key = await page.locator('input[name="idempotencyKey"]').inputValue()
  expect(key).toMatch(/^[0-9a-f-]{36}$/)
  await page.reload()
  expect(await page.locator('input[name="idempotencyKey"]').inputValue()).not.toBe(key)
})
