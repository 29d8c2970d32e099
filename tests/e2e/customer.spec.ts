import { expect, signIn, test } from './fixtures'

const uniqueTitle = (what: string) => `${what} ${Date.now().toString(36)}`

async function fillProblem(page: import('@playwright/test').Page, title: string) {
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Description', { exact: true }).fill('The nightly backup job fails with "insufficient free space on repository" since Monday.')
}

test.describe('customers open cases', () => {
  test('a Case Administrator opens a Basic case end to end and follows it', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    await page.getByRole('link', { name: 'Open a case' }).first().click()
    await page.getByLabel('Support ID').selectOption('AC-BASC-1003')
    await page.getByLabel('Severity 2 — High').check()
    await expect(page.getByTestId('target-preview')).toContainText(/Response by .+ \(your time\) — 8 business hours, Mon–Fri 08:00–20:00 America\/Chicago/)
    const title = uniqueTitle('Backup job fails with insufficient space')
    await fillProblem(page, title)
    // Self-service first: articles matched to the case's words.
    await expect(page.getByRole('list', { name: 'Knowledge-base suggestions' })).toContainText('Insufficient free space on repository')
    await page.getByRole('button', { name: 'Open case' }).click()
    await expect(page.getByText(/Case #\d+ is open/)).toBeVisible()
    await expect(page.getByTestId('created-target')).toContainText('8 business hours')
    await expect(page.getByText('United States: +1 800 555 0142')).toBeVisible()
    await page.getByRole('link', { name: /View case #\d+/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
    await expect(page.getByTestId('sla-countdown')).toContainText(/business time left|Breached/)
    await page.goto('/cases')
    await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible()
  })

  test('a License Administrator opens a Premier Severity 1 case with a 24/7 contact', async ({ page }) => {
    await signIn(page, 'licadmin@acme.example')
    await page.goto('/cases/new')
    await page.getByLabel('Support ID').selectOption('AC-PREM-1001')
    await page.getByLabel('Severity 1 — Critical').check()
    await expect(page.getByTestId('target-preview')).toContainText('30 minutes, 24/7')
    await page.getByLabel('Technical contact (24/7)').fill('Jordan Lee')
    await page.getByLabel('Contact phone').fill('+1 312 555 0188')
    await fillProblem(page, uniqueTitle('Production backup server down'))
    await page.getByRole('button', { name: 'Open case' }).click()
    await expect(page.getByText(/Case #\d+ is open/)).toBeVisible()
    await expect(page.getByTestId('created-target')).toContainText('30 minutes, 24/7')
    await expect(page.getByText('worked in business hours only')).toHaveCount(0)
  })

  test('the approved partner opens a case on the Support ID it was granted', async ({ page }) => {
    await signIn(page, 'partner@northwind.example')
    await page.goto('/cases/new')
    const options = await page.getByLabel('Support ID').locator('option').allTextContents()
    expect(options).toHaveLength(1)
    expect(options[0]).toContain('AC-PROD-1002')
    await page.getByLabel('Severity 3 — Medium').check()
    await expect(page.getByTestId('target-preview')).toContainText('6 hours, 24/7')
    await fillProblem(page, uniqueTitle('Partner: replication stuck'))
    await page.getByRole('button', { name: 'Open case' }).click()
    await expect(page.getByText(/Case #\d+ is open/)).toBeVisible()
  })

  test('a customer user without case rights is told why and who can help', async ({ page }) => {
    await signIn(page, 'user@acme.example')
    await page.goto('/cases/new')
    await expect(page.getByText('You cannot open cases yet')).toBeVisible()
    await expect(page.getByText(/Ask a License Administrator of Acme to make you a Case Administrator: Lena Ortiz \(licadmin@acme.example\)/)).toBeVisible()
    const api = await page.request.post('/api/v1/cases', {
      data: {
        supportId: 'AC-BASC-1003',
        category: 'TECHNICAL',
        severity: 3,
        title: 'Not allowed',
        description: 'I may not open cases.',
        preferredLanguage: 'English',
        product: 'Vault Backup & Replication',
        version: '13.0',
      },
    })
    expect(api.status()).toBe(404)
  })

  test('the pending partner sees its request is pending and cannot open a case', async ({ page }) => {
    await signIn(page, 'partner@northwind.example')
    await page.goto('/cases/new')
    await expect(page.getByLabel('Support ID').locator('option', { hasText: 'AC-BASC-1003' })).toHaveCount(0)
    const api = await page.request.post('/api/v1/cases', {
      data: {
        supportId: 'AC-BASC-1003',
        category: 'TECHNICAL',
        severity: 3,
        title: 'Pending partner',
        description: 'Access not approved yet.',
        preferredLanguage: 'English',
        product: 'Vault Backup & Replication',
        version: '13.0',
      },
    })
    expect(api.status()).toBe(404)
    expect((await api.json()).error.message).toContain('AC-BASC-1003 was not found')
  })

  test('an N/A severity is not offered, and the server refuses it with the reason', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    await page.goto('/cases/new')
    await page.getByLabel('Support ID').selectOption('AC-EVAL-1004')
    await expect(page.getByLabel('Severity 1 — Critical')).toBeDisabled()
    await expect(page.getByText('Severity 1 (Critical) is not available on Evaluation support').first()).toBeVisible()
    const api = await page.request.post('/api/v1/cases', {
      data: {
        supportId: 'AC-EVAL-1004',
        category: 'TECHNICAL',
        severity: 1,
        title: 'Critical on evaluation',
        description: 'Should be refused by the policy.',
        preferredLanguage: 'English',
        product: 'Vault Backup & Replication',
        version: '13.0',
      },
    })
    expect(api.status()).toBe(422)
    expect(await api.json()).toEqual({ error: { code: 'UNPROCESSABLE', message: expect.stringContaining('not available on Evaluation') } })
  })
})

test.describe('following a case', () => {
  test('changing the severity recomputes the target from the opening time', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    const opened = await page.request.post('/api/v1/cases', {
      data: {
        supportId: 'AC-BASC-1003',
        category: 'TECHNICAL',
        severity: 4,
        title: uniqueTitle('Question about retention'),
        description: 'How does GFS retention interact with short-term retention?',
        preferredLanguage: 'English',
        product: 'Vault Backup & Replication',
        version: '13.0',
      },
    })
    expect(opened.status()).toBe(201)
    const created = await opened.json()
    expect(created.responseTarget).toMatchObject({ kind: 'deadline', minutes: 1440, clock: 'business' })
    await page.goto(`/cases/${created.number}`)
    await page.getByLabel('New severity').selectOption('2')
    await page.getByLabel('Why').fill('Production jobs now affected')
    await page.getByRole('button', { name: 'Change severity' }).click()
    await expect(page.getByText('Severity changed; the response target was recomputed')).toBeVisible()
    await expect(page.getByText('8 business hours')).toBeVisible()
    await expect(page.getByText('changed the severity from 4 to 2: “Production jobs now affected”')).toBeVisible()
    const api = await (await page.request.get(`/api/v1/cases/${created.number}`)).json()
    expect(api.responseTarget.minutes).toBe(480)
    expect(new Date(api.responseTarget.dueAt).getTime()).toBeLessThan(new Date(created.responseTarget.dueAt).getTime())
  })

  test('an upload is downloadable by an allowed user and not found for another organisation', async ({ page, browser }) => {
    await signIn(page, 'caseadmin@acme.example')
    const opened = await (
      await page.request.post('/api/v1/cases', {
        data: {
          supportId: 'AC-PROD-1002',
          category: 'TECHNICAL',
          severity: 3,
          title: uniqueTitle('Logs for replication'),
          description: 'Replication stuck, logs attached.',
          preferredLanguage: 'English',
          product: 'Vault Backup & Replication',
          version: '13.0',
        },
      })
    ).json()
    await page.goto(`/cases/${opened.number}`)
    await page
      .getByLabel('Add diagnostic files')
      .setInputFiles({ name: 'replication.log', mimeType: 'text/plain', buffer: Buffer.from('ERROR waiting for infrastructure resources\n') })
    await page.getByRole('button', { name: 'Upload file' }).click()
    const link = page.getByRole('link', { name: 'replication.log' })
    await expect(link).toBeVisible()
    const href = (await link.getAttribute('href'))!
    const download = await page.request.get(href)
    expect(download.status()).toBe(200)
    expect(download.headers()['content-disposition']).toContain('attachment')
    expect(await download.text()).toBe('ERROR waiting for infrastructure resources\n')

    // The approved partner on this Support ID may download it; Globex may not even know it exists.
    const partner = await browser.newPage()
    await signIn(partner, 'partner@northwind.example')
    expect((await partner.request.get(href)).status()).toBe(200)
    const other = await browser.newPage()
    await signIn(other, 'caseadmin@globex.example')
    const refused = await other.request.get(href)
    expect(refused.status()).toBe(404)
    expect(await refused.text()).not.toContain('replication')
    expect((await other.request.get(`/api/v1/cases/${opened.number}`)).status()).toBe(404)
  })
})
