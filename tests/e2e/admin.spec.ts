import path from 'node:path'
import { expect, signIn, test } from './fixtures'

// Vendor administration on a calendar of its own (created here), so it changes no demo calendar.
const ics = path.join(import.meta.dirname, '../fixtures/ics/vault-closures-2027.ics')

test.describe('holiday calendars', () => {
  test('an administrator imports an .ics file: sees what will change, saves it, and sees the holidays', async ({ page }) => {
    await signIn(page, 'admin@vendor.example')
    await page.getByRole('link', { name: 'Administration' }).click()
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Holiday calendars' }).click()
    const name = `Site closures ${Date.now().toString(36)}`
    await page.getByLabel('New calendar').fill(name)
    await page.getByRole('button', { name: 'Create calendar' }).click()
    await page.getByRole('status').getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByText('No holidays')).toBeVisible()

    // A holiday typed by hand, which the file renames.
    await page.getByLabel('Date', { exact: true }).fill('2027-03-12')
    await page.getByLabel('Name', { exact: true }).fill('Founders Day')
    await page.getByRole('button', { name: 'Add holiday' }).click()
    await expect(page.getByTestId('holiday-2027-03-12')).toContainText('Founders Day')

    await page.getByLabel('Calendar file').setInputFiles(ics)
    await page.getByLabel('From year').selectOption('2027')
    await page.getByLabel('To year').selectOption('2028')
    await page.getByRole('button', { name: 'Preview import' }).click()
    const preview = page.getByRole('region', { name: 'Import preview' })
    await expect(preview).toContainText('5 to add')
    await expect(preview).toContainText('1 to rename')
    await expect(preview).toContainText('Summer shutdown')
    await expect(preview).toContainText("Founders Day → Founders' Day")
    await expect(preview).toContainText('Year-end party (office open in the morning): not an all-day event')
    await expect(preview).toContainText('Bridge day (cancelled): cancelled')
    // Nothing is saved by the preview.
    await expect(page.getByTestId('holiday-2027-08-09')).toHaveCount(0)

    await page.getByRole('button', { name: 'Save 6 changes' }).click()
    await expect(page.getByText('Imported: 5 added, 1 renamed, 0 removed, 0 unchanged.')).toBeVisible()
    await expect(page.getByTestId('holiday-2027-03-12')).toContainText("Founders' Day")
    for (const date of ['2027-08-09', '2027-08-10', '2027-08-11']) await expect(page.getByTestId(`holiday-${date}`)).toContainText('Summer shutdown')
    await expect(page.getByTestId('holiday-2027-12-24')).toContainText('Christmas Eve')
    await expect(page.getByTestId('holiday-2028-12-24')).toContainText('Christmas Eve')
    await expect(page.getByRole('region', { name: 'Holidays 2027' })).toContainText(/Mon,? 9 Aug/)

    // Importing the same file again changes nothing.
    await page.getByRole('button', { name: 'Preview import' }).click()
    await expect(page.getByText('The calendar already has all of these holidays.')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Import preview' })).toContainText('6 unchanged')
  })

  test('an administrator edits and deletes a holiday; a file that is not iCalendar is refused with a reason', async ({ page }) => {
    await signIn(page, 'admin@vendor.example')
    await page.goto('/admin/calendars')
    const name = `Edits ${Date.now().toString(36)}`
    await page.getByLabel('New calendar').fill(name)
    await page.getByRole('button', { name: 'Create calendar' }).click()
    await page.getByRole('status').getByRole('link', { name }).click()
    await page.getByLabel('Date', { exact: true }).fill('2027-06-01')
    await page.getByLabel('Name', { exact: true }).fill('Inventory day')
    await page.getByRole('button', { name: 'Add holiday' }).click()
    await page.getByRole('button', { name: 'Edit Inventory day on 2027-06-01' }).click()
    await page.getByRole('form', { name: 'Edit Inventory day' }).getByLabel('Name').fill('Stocktaking day')
    await page.getByRole('form', { name: 'Edit Inventory day' }).getByRole('button', { name: 'Save' }).click()
    await expect(page.getByTestId('holiday-2027-06-01')).toContainText('Stocktaking day')
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: 'Delete Stocktaking day on 2027-06-01' }).click()
    await expect(page.getByTestId('holiday-2027-06-01')).toHaveCount(0)

    await page
      .getByLabel('Calendar file')
      .setInputFiles({ name: 'holidays.csv', mimeType: 'text/csv', buffer: Buffer.from('date,name\n2027-01-01,New Year\n') })
    await page.getByRole('button', { name: 'Preview import' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'This is not an iCalendar file' })).toBeVisible()
  })

  test('the catalogue pages are for administrators only', async ({ page }) => {
    await signIn(page, 'engineer@vendor.example')
    await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0)
    await page.goto('/admin/calendars')
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Holiday calendars' })).toHaveCount(0)
  })
})
