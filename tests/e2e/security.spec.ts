import { expect, signIn, test } from './fixtures'

test.describe('hardening', () => {
  test('pages carry a nonce-based CSP without unsafe-inline scripts, and frame/sniffing protection', async ({ request }) => {
    const res = await request.get('/signin')
    const csp = res.headers()['content-security-policy']!
    const scriptSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'))!
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/)
    expect(scriptSrc).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers()['x-content-type-options']).toBe('nosniff')
    expect(res.headers()['x-frame-options']).toBe('DENY')
    const api = await request.get('/api/v1/me')
    expect(api.headers()['x-content-type-options']).toBe('nosniff')
  })

  test('a script in a comment is shown as text and never runs', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    const opened = await (
      await page.request.post('/api/v1/cases', {
        data: {
          supportId: 'AC-BASC-1003',
          category: 'TECHNICAL',
          severity: 3,
          title: 'XSS <script>window.__pwned = 1</script>',
          description: '<img src=x onerror="window.__pwned = 2">',
          preferredLanguage: 'English',
          product: 'Vault Backup & Replication',
          version: '13.0',
        },
      })
    ).json()
    const payload = '<script>window.__pwned = 3</script><img src=x onerror="window.__pwned = 4">'
    expect((await page.request.post(`/api/v1/cases/${opened.number}/comments`, { data: { body: payload } })).status()).toBe(201)
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(`/cases/${opened.number}`)
    await expect(page.getByText(payload)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>window.__pwned = 1</script>')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
  })

  test('sign-in gives the same answer for an unknown e-mail and a wrong password, then rate-limits the account', async ({ page }) => {
    const attempt = async (email: string) => {
      await page.goto('/signin')
      await page.getByLabel('E-mail').fill(email)
      await page.getByLabel('Password').fill('wrong-password-123')
      const started = Date.now()
      await page.getByRole('button', { name: 'Sign in' }).click()
      const alert = page.getByRole('alert').filter({ hasText: /./ }).first()
      await expect(alert).toBeVisible()
      return { text: (await alert.textContent())!.trim(), ms: Date.now() - started }
    }
    const unknown = await attempt(`nobody-${Date.now()}@acme.example`)
    const wrong = await attempt('caseadmin@globex.example')
    expect(unknown.text).toBe(wrong.text)
    // Both paths verify an Argon2id hash: their times stay within the same order of magnitude.
    expect(Math.abs(unknown.ms - wrong.ms)).toBeLessThan(1500)

    const victim = `locked-${Date.now()}@acme.example`
    for (let i = 0; i < 5; i++) await attempt(victim)
    const limited = await attempt(victim)
    expect(limited.text).toMatch(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./)
  })

  test('two engineers changing one case at once: one wins, the stale write gets 409', async ({ browser }) => {
    const a = await browser.newPage()
    await signIn(a, 'engineer@vendor.example')
    const b = await browser.newPage()
    await signIn(b, 'engineer2@vendor.example')
    const customer = await browser.newPage()
    await signIn(customer, 'caseadmin@acme.example')
    const opened = await (
      await customer.request.post('/api/v1/cases', {
        data: {
          supportId: 'AC-PROD-1002',
          category: 'TECHNICAL',
          severity: 3,
          title: 'Concurrency check',
          description: 'Two engineers update this at once.',
          preferredLanguage: 'English',
          product: 'Vault Backup & Replication',
          version: '13.0',
        },
      })
    ).json()
    const { version } = await (await a.request.get(`/api/v1/cases/${opened.number}`)).json()
    const [ra, rb] = await Promise.all([
      a.request.patch(`/api/v1/cases/${opened.number}`, { data: { severity: 2, reason: 'Agreed with the customer', version } }),
      b.request.patch(`/api/v1/cases/${opened.number}`, { data: { severity: 4, reason: 'Agreed with the customer too', version } }),
    ])
    const statuses = [ra.status(), rb.status()].sort()
    expect(statuses).toEqual([200, 409])
    const loser = ra.status() === 409 ? ra : rb
    expect((await loser.json()).error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('changed by someone else') })
    const final = await (await a.request.get(`/api/v1/cases/${opened.number}`)).json()
    expect(final.version).toBe(version + 1)
    const changes = final.timeline.filter((t: { type?: string }) => t.type === 'case.severity-changed')
    expect(changes).toHaveLength(1)
  })
})
