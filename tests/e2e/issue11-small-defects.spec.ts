import type { Browser, Locator, Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'

// Issue 11, smaller defects: one journey per defect, driven through the pages as a user.

const unique = (s: string) => `${s} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`

async function session(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

async function openCase(customer: Page, data: Record<string, unknown> = {}) {
  const res = await customer.request.post('/api/v1/cases', {
    data: {
      supportId: 'AC-PROD-1002',
      product: 'Vault Backup & Replication',
      version: '13.0',
      category: 'TECHNICAL',
      severity: 2,
      title: unique('Issue 11 e2e'),
      description: 'Replication is stuck and production is slow.',
      preferredLanguage: 'English',
      ...data,
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  return (await res.json()).number as number
}

const shot = async (page: Page, part: Locator, name: string) => {
  await part.screenshot({ path: `/tmp/smalls-${name}-desktop.png` })
  await page.setViewportSize({ width: 390, height: 844 })
  await part.screenshot({ path: `/tmp/smalls-${name}-phone.png` })
  await page.setViewportSize({ width: 1280, height: 900 })
}

test.describe('issue 11: smaller defects', () => {
  test('1. the escalation card of a Premier case closed before any response says so, not "Best effort"', async ({ page, browser }) => {
    const customer = await session(browser, 'caseadmin@acme.example')
    const number = await openCase(customer, { supportId: 'AC-PREM-1001' })
    expect((await customer.request.post(`/api/v1/cases/${number}/escalations`, { data: { reason: 'Please call us before anything else.' } })).status()).toBe(
      201,
    )
    await customer.goto(`/cases/${number}`)
    await customer.getByRole('button', { name: 'Close case' }).click()
    await customer.getByRole('dialog').getByRole('button', { name: 'Yes, close the case' }).click()
    await expect(customer.getByRole('button', { name: 'Close case' })).toHaveCount(0)
    await customer.context().close()

    await signIn(page, 'manager@vendor.example')
    await page.goto('/escalations?status=all')
    const card = page.locator(`[data-testid="escalation"][data-case-number="${number}"]`)
    await expect(card.getByTestId('escalation-target')).toContainText('Closed before any response (target 30 minutes, 24/7; not yet due when it closed)')
    await expect(card).not.toContainText('Best effort')
    await shot(page, card, 'escalation-card-closed')
  })

  test('2. the escalation card names the case’s engineer, or says unassigned', async ({ page, browser }) => {
    const customer = await session(browser, 'caseadmin@acme.example')
    const number = await openCase(customer)
    expect((await customer.request.post(`/api/v1/cases/${number}/escalations`, { data: { reason: 'Nobody has called us back yet.' } })).status()).toBe(201)
    await customer.context().close()

    await signIn(page, 'manager@vendor.example')
    await page.goto('/escalations')
    const card = page.locator(`[data-testid="escalation"][data-case-number="${number}"]`)
    await expect(card.getByTestId('escalation-engineer')).toHaveText('Unassigned')
    await card.getByLabel('Engineer for this escalation').selectOption('engineer2@vendor.example')
    await card.getByRole('button', { name: 'Assign engineer' }).click()
    await expect(card.getByText('Engineer assigned.')).toBeVisible()
    await expect(card.getByTestId('escalation-engineer')).toHaveText('Kenji Sato')

    // Someone else takes the case: the card follows the case, not the escalation's first choice.
    const engineer = await session(browser, 'engineer@vendor.example')
    expect((await engineer.request.post(`/api/v1/cases/${number}/assign`, { data: {} })).status()).toBe(200)
    const engineerName = (await (await engineer.request.get(`/api/v1/cases/${number}`)).json()).assignee.name as string
    await engineer.context().close()
    await page.reload()
    await expect(card.getByTestId('escalation-engineer')).toHaveText(engineerName)
    await expect(card.getByLabel('Engineer for this escalation')).toHaveValue('engineer@vendor.example')
    await shot(page, card, 'escalation-card-open')
  })

  test('3. closing a case with an open manager request says it closes the request too, and the card says so afterwards', async ({ page, browser }) => {
    await signIn(page, 'caseadmin@acme.example')
    const number = await openCase(page)
    await page.goto(`/cases/${number}`)
    await page.getByLabel('What is wrong').fill('Nobody has called us back yet.')
    await page.getByRole('button', { name: 'Ask for a manager' }).click()
    await expect(page.getByTestId('close-escalation-note')).toContainText('closing the case closes that request too')
    await page.getByLabel('Reason (optional)').fill('We solved it ourselves')
    await page.getByRole('button', { name: 'Close case' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, close the case' }).click()
    const request = page.getByTestId('case-escalation')
    await expect(request).toContainText('resolved')
    await expect(request).toContainText(new RegExp(`Closed with the case: .+ closed case #${number} while this request was still open\\.`))
    await expect(page.getByRole('list', { name: 'Case timeline' })).toContainText('closed the open request for a manager with the case')

    const manager = await session(browser, 'manager@vendor.example')
    await manager.goto('/escalations')
    await expect(manager.locator(`[data-testid="escalation"][data-case-number="${number}"]`)).toHaveCount(0)
    await manager.goto('/escalations?status=all')
    await expect(manager.locator(`[data-testid="escalation"][data-case-number="${number}"]`)).toContainText('Closed with the case')
    await manager.context().close()
  })

  test('4. the timeline says "tried to reach you" to the customer and names the contact to vendor staff', async ({ page, browser }) => {
    const customer = await session(browser, 'caseadmin@acme.example')
    const number = await openCase(customer)
    const contact = (await (await customer.request.get(`/api/v1/cases/${number}`)).json()).openedBy.name as string

    await signIn(page, 'engineer@vendor.example')
    await page.goto(`/cases/${number}`)
    const tools = page.getByTestId('vendor-case-tools')
    // Blank "When" = now (the minute-precision default can fall before a case opened seconds ago).
    await tools.getByLabel(/^When/).fill('')
    await tools.getByLabel('Channel').selectOption('phone')
    await tools.getByLabel('Outcome').selectOption('voicemail')
    await tools.getByRole('button', { name: 'Log attempt' }).click()
    await expect(tools.getByText(/Attempt logged/)).toBeVisible()
    const timeline = page.getByRole('list', { name: 'Case timeline' })
    await expect(timeline).toContainText(`tried to reach ${contact} by phone (voicemail left)`)
    await expect(timeline).not.toContainText('tried to reach you')

    await customer.goto(`/cases/${number}`)
    await expect(customer.getByRole('list', { name: 'Case timeline' })).toContainText('tried to reach you by phone (voicemail left)')
    await customer.context().close()
  })

  test('5. the contact-attempt form offers a voicemail on the phone only, and the server refuses e-mail + voicemail', async ({ page, browser }) => {
    const customer = await session(browser, 'caseadmin@acme.example')
    const number = await openCase(customer)
    await customer.context().close()

    await signIn(page, 'engineer@vendor.example')
    await page.goto(`/cases/${number}`)
    const tools = page.getByTestId('vendor-case-tools')
    const outcome = tools.getByLabel('Outcome')
    await expect(outcome.locator('option')).toHaveText(['No answer', 'Voicemail left', 'Reached the customer'])
    await outcome.selectOption('voicemail')
    await tools.getByLabel('Channel').selectOption('email')
    await expect(outcome.locator('option')).toHaveText(['No answer', 'Reached the customer'])
    await expect(outcome).toHaveValue('no-answer')

    // Refused: a time in the future keeps the channel and outcome as chosen; corrected, it is logged.
    await outcome.selectOption('reached')
    const when = tools.getByLabel(/^When/)
    await when.evaluate((el: HTMLInputElement) => el.removeAttribute('max'))
    await when.fill('2099-01-01T10:00')
    await tools.getByRole('button', { name: 'Log attempt' }).click()
    await expect(tools.getByText('A contact attempt cannot be in the future').first()).toBeVisible()
    await expect(tools.getByLabel('Channel')).toHaveValue('email')
    await expect(outcome).toHaveValue('reached')
    await shot(page, tools.locator('[aria-labelledby="vendor-contact"]'), 'contact-attempt-form')
    await when.fill('')
    await tools.getByLabel('Channel').selectOption('email')
    await tools.getByLabel('Outcome').selectOption('reached')
    await tools.getByRole('button', { name: 'Log attempt' }).click()
    await expect(tools.getByText(/Attempt logged/)).toBeVisible()

    const api = await page.request.post(`/api/v1/cases/${number}/contact-attempts`, { data: { channel: 'email', outcome: 'voicemail' } })
    expect(api.status()).toBe(400)
    expect((await api.json()).error).toMatchObject({
      code: 'BAD_REQUEST',
      details: [{ path: 'outcome', message: expect.stringContaining('a voicemail can only be left on a phone call') }],
    })
  })

  test('6. the Free / NFR confirmation says one thing: no phone support', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    await page.goto('/cases/new')
    await page.getByLabel('Support ID').selectOption('AC-FREE-1005')
    await page.getByLabel('Severity 3 — Medium').check()
    await page.getByLabel('Title', { exact: true }).fill(unique('Free licence question'))
    await page.getByLabel('Description', { exact: true }).fill('The nightly backup job fails with "insufficient free space on repository" since Monday.')
    await page.getByRole('button', { name: 'Open case' }).click()
    const created = page.getByTestId('created-phone')
    await expect(created).toContainText('Free / NFR support has no phone support, so there is no phone line to call.')
    await expect(page.getByText('phone support needs it')).toHaveCount(0)
    await expect(page.getByText('No phone line for this case')).toHaveCount(0)
    await page.screenshot({ path: '/tmp/smalls-free-confirmation.png', fullPage: true })
  })

  test('7. resolving shows the engineer a confirmation, and the customer a resolved banner with the summary', async ({ page, browser }) => {
    const customer = await session(browser, 'caseadmin@acme.example')
    const number = await openCase(customer)

    await signIn(page, 'engineer@vendor.example')
    await page.goto(`/cases/${number}`)
    const tools = page.getByTestId('vendor-case-tools')
    const summary = 'Freed space on the repository and re-ran the job: it completed.'
    await tools.getByLabel('Summary', { exact: true }).fill('no') // too short: refused, kept
    await tools.getByRole('button', { name: 'Resolve case' }).click()
    await expect(tools.getByLabel('Summary', { exact: true })).toHaveValue('no')
    await tools.getByLabel('Summary', { exact: true }).fill(summary)
    await tools.getByRole('button', { name: 'Resolve case' }).click()
    await expect(tools.getByTestId('resolve-confirmation')).toContainText(`Case #${number} resolved. The customer was told, with your summary.`)
    await expect(tools.getByRole('button', { name: 'Resolve case' })).toHaveCount(0)

    await customer.goto(`/cases/${number}`)
    const banner = customer.getByTestId('resolved-banner')
    await expect(banner).toContainText('Resolved on')
    await expect(banner).toContainText('Solution or workaround')
    await expect(banner).toContainText(summary)
    await customer.screenshot({ path: '/tmp/smalls-resolved-banner.png' })
    await customer.context().close()
  })
})
