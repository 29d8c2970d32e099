// Issue 11, "Resolved is not a dead end": a customer's reply within 14 days reopens a resolved
// case to its engineer (queue and bell); after 14 days the page offers a follow-up case instead;
// "this solved it" closes the case with a rating the vendor reads on the case and in the report;
// closing a case and taking one from a colleague ask first (decision 0015).
import pg from 'pg'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'

const DAY = 86_400_000

async function openCase(customer: APIRequestContext, title: string) {
  const res = await customer.post('/api/v1/cases', {
    data: {
      supportId: 'AC-PROD-1002',
      category: 'TECHNICAL',
      severity: 3,
      title: `${title} ${Date.now()}`,
      description: 'The resolved-lifecycle journey opens this case.',
      preferredLanguage: 'English',
      product: 'Vault Backup & Replication',
      version: '13.0',
    },
  })
  expect(res.status()).toBe(201)
  return ((await res.json()) as { number: number }).number
}

/** A case opened by the customer, taken and resolved by the engineer, all through the API. */
async function resolvedCase(customer: APIRequestContext, engineer: APIRequestContext, title: string) {
  const number = await openCase(customer, title)
  expect((await engineer.post(`/api/v1/cases/${number}/assign`, { data: {} })).status()).toBe(200)
  const resolved = await engineer.post(`/api/v1/cases/${number}/resolve`, {
    data: { code: 'SOLUTION_OR_WORKAROUND', summary: 'Raise the repository quota to 2 TB.' },
  })
  expect(resolved.status()).toBe(200)
  return number
}

async function people(browser: import('@playwright/test').Browser, ...emails: string[]) {
  const pages: Page[] = []
  for (const email of emails) {
    const page = await (await browser.newContext()).newPage()
    await signIn(page, email)
    pages.push(page)
  }
  return pages
}

const caseStatus = async (request: APIRequestContext, number: number) =>
  ((await (await request.get(`/api/v1/cases/${number}`)).json()) as { status: string }).status

test('a customer reopens a resolved case by replying within 14 days; the engineer has it back in the queue and the bell', async ({ browser }) => {
  const [customer, engineer] = await people(browser, 'caseadmin@acme.example', 'engineer@vendor.example')
  const number = await resolvedCase(customer!.request, engineer!.request, 'Reopen journey')
  expect((await engineer!.request.post('/api/v1/notifications/read', { data: { all: true } })).status()).toBe(200)

  await customer!.goto(`/cases/${number}`)
  await expect(customer!.getByRole('heading', { name: 'Not solved? Reply to reopen the case' })).toBeVisible()
  await expect(customer!.getByText(/You can reply until .* \(14 days after the resolution\)/)).toBeVisible()
  // Refused first (nothing typed), then the reply that reopens it.
  await customer!.getByRole('button', { name: 'Reopen with this reply' }).click()
  await expect(customer!.getByText('Comment is required').first()).toBeVisible()
  expect(await caseStatus(customer!.request, number)).toBe('RESOLVED')
  await customer!.getByLabel('Comment', { exact: true }).fill('The quota did not help: the job still fails at 02:00.')
  await customer!.getByRole('button', { name: 'Reopen with this reply' }).click()
  await expect(customer!.getByText('reopened the case by replying to the resolution')).toBeVisible()
  await expect(customer!.getByRole('heading', { name: 'Add a comment' })).toBeVisible()
  await expect(customer!.getByRole('heading', { name: 'Did this solve it?' })).toHaveCount(0)
  expect(await caseStatus(customer!.request, number)).toBe('IN_PROGRESS')

  // The engineer: the bell has it, its link leads to the case, and the queue lists it again.
  await engineer!.goto('/queue')
  await expect(engineer!.getByTestId('notification-bell')).toHaveAccessibleName('Notifications, 1 unread')
  await engineer!.goto('/notifications')
  const item = engineer!.getByTestId('notification').filter({ hasText: `Case #${number} reopened` })
  await expect(item).toContainText('the customer replied to your resolution')
  await item.getByRole('link', { name: new RegExp(`Case #${number} reopened`) }).click()
  await expect(engineer!).toHaveURL(new RegExp(`/cases/${number}$`))
  await expect(engineer!.getByText('The quota did not help: the job still fails at 02:00.')).toBeVisible()
  const queue = (await (await engineer!.request.get('/api/v1/queue?assignee=mine&status=IN_PROGRESS&limit=200')).json()) as { cases: { number: number }[] }
  expect(queue.cases.map((r) => r.number)).toContain(number)
})

test('14 days after the resolution, the reply button offers a follow-up case instead', async ({ browser }) => {
  const [customer, engineer] = await people(browser, 'caseadmin@acme.example', 'engineer@vendor.example')
  const number = await resolvedCase(customer!.request, engineer!.request, 'Follow-up journey')
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  try {
    await db.query(`UPDATE "Case" SET "resolvedAt" = $1 WHERE "number" = $2`, [new Date(Date.now() - 15 * DAY), number])
  } finally {
    await db.end()
  }
  await customer!.goto(`/cases/${number}`)
  await expect(customer!.getByText('This case was resolved more than 14 days ago, so a reply no longer reopens it.')).toBeVisible()
  await expect(customer!.getByRole('button', { name: 'Reopen with this reply' })).toHaveCount(0)
  // The API says the same in words.
  const reply = await customer!.request.post(`/api/v1/cases/${number}/comments`, { data: { body: 'Still failing.' } })
  expect(reply.status()).toBe(409)
  expect(((await reply.json()) as { error: { message: string } }).error.message).toContain('resolved more than 14 days ago')
  await customer!.getByRole('link', { name: `Open a new case referencing #${number}` }).click()
  await expect(customer!).toHaveURL(new RegExp(`/cases/new\\?related=${number}`))
  expect(await caseStatus(customer!.request, number)).toBe('RESOLVED')
})

test('confirm solved with a bad rating and a comment; the vendor reads it on the case and the report shows the share', async ({ browser }) => {
  const [customer, engineer, manager] = await people(browser, 'caseadmin@acme.example', 'engineer@vendor.example', 'manager@vendor.example')
  const number = await resolvedCase(customer!.request, engineer!.request, 'Rating journey')
  await customer!.goto(`/cases/${number}`)
  const form = customer!.getByRole('form', { name: 'Did this solve it?' })
  await expect(form).toBeVisible()
  await customer!.screenshot({ path: '/tmp/resolved-confirm-desktop.png', fullPage: true })

  // Refused first: a bad rating without a comment; the choice stays.
  await form.getByRole('radio', { name: 'Bad' }).check()
  await form.getByRole('button', { name: 'Confirm solved and close' }).click()
  const dialog = customer!.getByRole('dialog', { name: `Close case #${number}?` })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Yes, close the case' }).click()
  await expect(form.locator('#rating-comment-error')).toHaveText('Comment: say what went wrong (a bad rating needs a comment)')
  await expect(form.getByRole('radio', { name: 'Bad' })).toBeChecked()
  await expect(form.getByLabel('Comment (needed for a bad rating)')).toHaveAttribute('aria-invalid', 'true')
  expect(await caseStatus(customer!.request, number)).toBe('RESOLVED')

  await form.getByLabel('Comment (needed for a bad rating)').fill('It took three days to get a first answer.')
  await customer!.setViewportSize({ width: 390, height: 844 })
  await form.getByRole('button', { name: 'Confirm solved and close' }).scrollIntoViewIfNeeded()
  await customer!.screenshot({ path: '/tmp/resolved-confirm-phone.png' })
  await form.getByRole('button', { name: 'Confirm solved and close' }).click()
  await expect(dialog).toBeVisible()
  await customer!.screenshot({ path: '/tmp/resolved-confirm-dialog-phone.png' })
  await customer!.setViewportSize({ width: 1280, height: 800 })
  await customer!.screenshot({ path: '/tmp/resolved-confirm-dialog-desktop.png' })
  await dialog.getByRole('button', { name: 'Yes, close the case' }).click()
  await expect(customer!.getByText('confirmed the resolution solved it, which closed the case')).toBeVisible()
  expect(await caseStatus(customer!.request, number)).toBe('CLOSED')
  // The customer side sees the confirmation; the rating is for the vendor.
  await expect(customer!.getByTestId('case-rating')).toHaveCount(0)

  await manager!.goto(`/cases/${number}`)
  const rating = manager!.getByTestId('case-rating')
  await expect(rating).toContainText('Bad')
  await expect(rating).toContainText('It took three days to get a first answer.')
  await manager!.screenshot({ path: '/tmp/resolved-rating-vendor-desktop.png', fullPage: true })

  await manager!.goto('/reports')
  const card = manager!.getByTestId('satisfaction')
  const report = (await (
    await manager!.request.get('/api/v1/reports/compliance', {
      params: { from: new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10), to: new Date(Date.now() + DAY).toISOString().slice(0, 10) },
    })
  ).json()) as {
    satisfaction: {
      byTier: { tier: string; good: number; bad: number; rated: number; goodPct: number }[]
      byRegion: { region: string; good: number; bad: number; rated: number; goodPct: number }[]
    }
  }
  const production = report.satisfaction.byTier.find((t) => t.tier === 'PRODUCTION')!
  expect(production.bad).toBeGreaterThanOrEqual(1)
  const tierRow = card.getByRole('table', { name: 'Per tier' }).getByRole('row', { name: /Production/ })
  await expect(tierRow).toContainText(`${production.goodPct}%`)
  await expect(tierRow.getByRole('cell').nth(1)).toHaveText(String(production.bad))
  await expect(tierRow.getByRole('cell').nth(2)).toHaveText(String(production.rated))
  const us = report.satisfaction.byRegion.find((r) => r.region === 'US')!
  await expect(card.getByRole('table', { name: 'Per region' }).getByRole('row', { name: /US/ })).toContainText(`${us.goodPct}%`)
  await card.scrollIntoViewIfNeeded()
  await manager!.screenshot({ path: '/tmp/resolved-report-desktop.png', fullPage: true })
})

test('closing a case asks first: cancel leaves it open, confirm closes it', async ({ browser }) => {
  const [customer] = await people(browser, 'caseadmin@acme.example')
  const number = await openCase(customer!.request, 'Close confirmation journey')
  await customer!.goto(`/cases/${number}`)
  await customer!.getByLabel('Reason (optional)').fill('Solved by the workaround.')
  await customer!.getByRole('button', { name: 'Close case' }).click()
  const dialog = customer!.getByRole('dialog', { name: `Close case #${number}?` })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await caseStatus(customer!.request, number)).toBe('NEW')
  // Escape cancels too, and focus goes back to the button.
  await customer!.getByRole('button', { name: 'Close case' }).click()
  await expect(dialog).toBeVisible()
  await customer!.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(customer!.getByRole('button', { name: 'Close case' })).toBeFocused()
  expect(await caseStatus(customer!.request, number)).toBe('NEW')
  await expect(customer!.getByLabel('Reason (optional)')).toHaveValue('Solved by the workaround.')

  await customer!.getByRole('button', { name: 'Close case' }).click()
  await dialog.getByRole('button', { name: 'Yes, close the case' }).click()
  await expect(customer!.getByText('closed the case')).toBeVisible()
  expect(await caseStatus(customer!.request, number)).toBe('CLOSED')
})

test('"Take" on a case assigned to someone else asks first: cancel keeps the assignee, confirm reassigns', async ({ browser }) => {
  const [customer, engineer, engineer2] = await people(browser, 'caseadmin@acme.example', 'engineer@vendor.example', 'engineer2@vendor.example')
  const number = await openCase(customer!.request, 'Take confirmation journey')
  expect((await engineer!.request.post(`/api/v1/cases/${number}/assign`, { data: {} })).status()).toBe(200)
  await engineer2!.goto(`/cases/${number}`)
  const assignee = engineer2!.getByTestId('assignee')
  await expect(assignee).toHaveText('Erin Walsh')
  await engineer2!.getByRole('button', { name: 'Take this case' }).click()
  const dialog = engineer2!.getByRole('dialog', { name: `Take case #${number} from Erin Walsh?` })
  await expect(dialog).toBeVisible()
  await engineer2!.screenshot({ path: '/tmp/resolved-take-dialog-desktop.png' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await engineer2!.reload()
  await expect(assignee).toHaveText('Erin Walsh')

  await engineer2!.getByRole('button', { name: 'Take this case' }).click()
  await dialog.getByRole('button', { name: 'Yes, take it' }).click()
  await expect(engineer2!.getByText('Assigned to Kenji Sato.')).toBeVisible()
  await expect(assignee).toHaveText('Kenji Sato')
})
