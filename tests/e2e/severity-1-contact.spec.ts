// Issue 11: Severity 1 on Production without a technical contact showed "1 hour, 24/7" next to
// "worked in business hours only". One sentence now says the initial response target holds and
// only round-the-clock work after it depends on the contact, on the form, the confirmation, the
// case page and the queue; the customer adds the contact later (refused first, then corrected).
import type { Browser, Locator, Page } from '@playwright/test'
import { severity1WorkSentence } from '../../src/lib/cases/severity-1-contact'
import { expect, signIn, test } from './fixtures'

const WITHOUT = severity1WorkSentence({ tier: 'PRODUCTION', hasContact: false })
const WITH = severity1WorkSentence({ tier: 'PRODUCTION', hasContact: true })

async function session(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage()
  await signIn(page, email)
  return page
}

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

test('Severity 1 on Production without a contact: one sentence everywhere, and adding the contact later changes it', async ({ browser }) => {
  const customer = await session(browser, 'caseadmin@acme.example')
  await customer.goto('/cases/new')
  await customer.getByLabel('Support ID').selectOption('AC-PROD-1002')
  await customer.getByLabel('Severity 1 — Critical').check()
  // The form: the target preview and the sentence agree (1 hour, 24/7 either way).
  await expect(customer.getByTestId('target-preview')).toContainText('1 hour, 24/7')
  await expect(customer.getByTestId('severity-1-hours')).toHaveText(WITHOUT)
  const title = `Primary site down ${Date.now().toString(36)}`
  await customer.getByLabel('Title', { exact: true }).fill(title)
  await customer.getByLabel('Description', { exact: true }).fill('The primary backup server does not start after the update.')
  await customer.screenshot({ path: '/tmp/mycases-sev1-form.png', fullPage: true })
  await customer.getByRole('button', { name: 'Open case' }).click()

  // The confirmation.
  await expect(customer.getByText(/Case #\d+ is open/)).toBeVisible()
  await expect(customer.getByTestId('created-target')).toContainText('1 hour, 24/7')
  await expect(customer.getByTestId('severity-1-hours')).toContainText(WITHOUT)
  const number = Number((await customer.getByText(/Case #\d+ is open/).innerText()).match(/#(\d+)/)![1])

  // The case page.
  await customer.goto(`/cases/${number}`)
  await expect(customer.getByTestId('severity-1-hours')).toHaveText(WITHOUT)

  // The engineers' queue (table and, on a phone, the card).
  const engineer = await session(browser, 'engineer@vendor.example')
  await engineer.goto('/queue?severity=1&tier=PRODUCTION')
  const row = engineer.locator(`[data-testid="queue-row"][data-case-number="${number}"]`)
  await expect(row.getByTestId('queue-severity-1-hours')).toHaveText(WITHOUT)
  await engineer.screenshot({ path: '/tmp/mycases-sev1-queue.png', fullPage: false })
  const phone = await session(browser, 'engineer@vendor.example', { width: 390, height: 844 })
  await phone.goto('/queue?severity=1&tier=PRODUCTION')
  await expect(phone.locator(`[data-testid="case-card"][data-case-number="${number}"]`)).toContainText(WITHOUT)
  await phone.screenshot({ path: '/tmp/mycases-sev1-queue-phone.png', fullPage: false })

  // Adding the contact later: refused for a bad phone, typed values kept, then corrected.
  const name = customer.getByLabel('Technical contact name')
  const tel = customer.getByLabel('Technical contact phone')
  await name.fill('Dana Night')
  await tel.fill('call the NOC')
  await customer.getByRole('button', { name: 'Add contact' }).click()
  await expect(tel).toHaveAttribute('aria-invalid', 'true')
  expect(await describedBy(customer, tel)).toMatch(/Technical contact phone must be a phone number/)
  await expect(tel).toBeFocused()
  await expect(name).toHaveValue('Dana Night')
  await expect(tel).toHaveValue('call the NOC')
  await expect(customer.getByTestId('severity-1-hours')).toHaveText(WITHOUT)
  await customer.screenshot({ path: '/tmp/mycases-sev1-refused.png', fullPage: true })
  await tel.fill('+1 312 555 0199')
  await customer.getByRole('button', { name: 'Add contact' }).click()
  await expect(customer.getByTestId('severity-1-hours')).toHaveText(WITH)
  await expect(customer.getByText('Dana Night, +1 312 555 0199')).toBeVisible()
  await expect(customer.getByRole('list', { name: 'Case timeline' })).toContainText(
    'named Dana Night the technical contact: work continues around the clock after the first response',
  )
  await customer.screenshot({ path: '/tmp/mycases-sev1-added.png', fullPage: true })

  // The queue no longer says business hours for this case; the case page says so for the engineer too.
  await engineer.reload()
  await expect(row).toBeVisible()
  await expect(row.getByTestId('queue-severity-1-hours')).toHaveCount(0)
  await engineer.goto(`/cases/${number}`)
  await expect(engineer.getByTestId('severity-1-hours')).toHaveText(WITH)
})
