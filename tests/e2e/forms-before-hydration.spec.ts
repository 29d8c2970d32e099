import { expect, signIn, test } from './fixtures'

// A form bound with useActionForm is submitted by script. Sent before the page's script has run
// (a slow phone, a click right after a full page load), the browser submits it itself: that must
// never put what was typed into the address (and so into history and access logs), and must not fail.

test('a form sent before the page is interactive keeps its fields out of the address; links in confirmations navigate client-side', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, 'admin@vendor.example')
  await page.goto('/admin/calendars')
  const calendar = `Before hydration ${Date.now().toString(36)}`
  await page.getByLabel('New calendar').fill(calendar)
  await page.getByRole('button', { name: 'Create calendar' }).click()
  // The confirmation's link is a client-side navigation (no new document): the calendar's forms are live on arrival.
  let documents = 0
  page.on('request', (r) => {
    if (r.resourceType() === 'document') documents++
  })
  await page.getByRole('status').getByRole('link', { name: calendar }).click()
  await expect(page.getByRole('heading', { name: calendar })).toBeVisible()
  expect(documents).toBe(0)
  const calendarUrl = page.url()

  // The same page without script, as it is before hydration.
  const bare = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() })
  const noScript = await bare.newPage()
  await noScript.goto(calendarUrl)
  await noScript.getByLabel('Date', { exact: true }).fill('2027-07-05')
  await noScript.getByLabel('Name', { exact: true }).fill('Secret plan')
  const [response] = await Promise.all([noScript.waitForNavigation(), noScript.getByRole('button', { name: 'Add holiday' }).click()])
  expect(response?.status()).toBeLessThan(500)
  expect(noScript.url()).toBe(calendarUrl)
  expect(noScript.url()).not.toContain('Secret')
  await bare.close()
  await context.close()
})
