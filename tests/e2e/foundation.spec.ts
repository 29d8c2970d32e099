import { DEMO_ACCOUNTS } from '../../src/lib/demo-accounts'
import { expect, signIn, test } from './fixtures'

const HOMES: Record<string, { path: string; heading: string }> = {
  'licadmin@acme.example': { path: '/cases', heading: 'My cases' },
  'caseadmin@acme.example': { path: '/cases', heading: 'My cases' },
  'user@acme.example': { path: '/cases', heading: 'My cases' },
  'caseadmin@globex.example': { path: '/cases', heading: 'My cases' },
  'partner@northwind.example': { path: '/cases', heading: 'My cases' },
  'engineer@vendor.example': { path: '/queue', heading: 'Queue' },
  'engineer2@vendor.example': { path: '/queue', heading: 'Queue' },
  'manager@vendor.example': { path: '/escalations', heading: 'Escalations' },
  'sam@vendor.example': { path: '/queue', heading: 'Queue' },
  'admin@vendor.example': { path: '/admin', heading: 'Administration' },
}

test.describe('sign-in', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.email} reaches their home page`, async ({ page }) => {
      await signIn(page, account.email)
      const home = HOMES[account.email]!
      await expect(page).toHaveURL(new RegExp(`${home.path}$`))
      await expect(page.getByRole('heading', { level: 1, name: home.heading })).toBeVisible()
    })
  }

  test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
    await page.goto('/signin')
    await page.getByLabel('E-mail').fill('caseadmin@acme.example')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'do not match an account' })).toBeVisible()
    await expect(page).toHaveURL(/\/signin/)
  })

  test('a protected page without a session redirects to sign-in, and back after it', async ({ page }) => {
    await page.goto('/profile')
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile/)
    await page.getByLabel('E-mail').fill('caseadmin@acme.example')
    await page.getByLabel('Password').fill('demo-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/profile$/)
  })

  test('sign-out ends the session: the old cookie no longer works', async ({ page, context }) => {
    await signIn(page, 'caseadmin@globex.example')
    const cookies = await context.cookies()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/signin/)
    // Replaying the cookie from before sign-out is refused: sign-out bumped the session version.
    await context.addCookies(cookies)
    const replay = await page.request.get('/api/v1/me')
    expect(replay.status()).toBe(401)
  })
})

test.describe('/api/v1/me', () => {
  test('401 without credentials, 200 with a session, 200 with a token, 401 once revoked', async ({ page, playwright }) => {
    const none = await page.request.get('/api/v1/me')
    expect(none.status()).toBe(401)
    expect(await none.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue' } })

    await signIn(page, 'licadmin@acme.example')
    const withSession = await page.request.get('/api/v1/me')
    expect(withSession.status()).toBe(200)
    const me = await withSession.json()
    expect(me.organisation).toMatchObject({ name: 'Acme', kind: 'CUSTOMER' })
    expect(me.roles.supportIds).toContainEqual({ supportId: 'AC-PREM-1001', role: 'LICENSE_ADMIN_PRIMARY' })

    await page.goto('/profile')
    await page.getByLabel('Token name').fill('e2e token')
    await page.getByRole('button', { name: 'Create token' }).click()
    const secret = (await page.getByTestId('new-token').textContent())!.trim()
    expect(secret).toMatch(/^sp_/)

    const api = await playwright.request.newContext()
    const base = new URL(page.url()).origin
    const withToken = await api.get(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } })
    expect(withToken.status()).toBe(200)
    expect((await withToken.json()).user.email).toBe('licadmin@acme.example')
    const badToken = await api.get(`${base}/api/v1/me`, { headers: { authorization: 'Bearer sp_not-a-real-token' } })
    expect(badToken.status()).toBe(401)

    await page.getByRole('button', { name: 'Revoke token e2e token' }).click()
    await expect(page.getByText('e2e token')).toHaveCount(0)
    expect((await api.get(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401)
    await api.dispose()
  })

  test('the OpenAPI document is served and lists /api/v1/me', async ({ request }) => {
    const res = await request.get('/api/v1/openapi.json')
    expect(res.status()).toBe(200)
    const doc = await res.json()
    expect(doc.openapi).toBe('3.0.3')
    expect(doc.paths['/api/v1/me'].get.responses['200']).toBeDefined()
  })
})
