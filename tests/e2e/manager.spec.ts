import { expect, signIn, test } from './fixtures'

// A Support Manager handles a "talk to a manager" request end to end, and reads the compliance report.

test.describe('manager', () => {
  test('handles an escalation: acknowledge, assign an engineer, note, resolve — each step in the case log', async ({ page, browser }) => {
    // The customer opens a case and asks for a manager, through the API.
    const customerContext = await browser.newContext()
    const customer = await customerContext.newPage()
    await signIn(customer, 'caseadmin@acme.example')
    const opened = await customer.request.post('/api/v1/cases', {
      data: {
        supportId: 'AC-PROD-1002',
        product: 'Vault Backup & Replication',
        version: '13.0',
        category: 'TECHNICAL',
        severity: 2,
        title: `Escalation e2e ${Date.now()}`,
        description: 'Replication is stuck and production is slow.',
        preferredLanguage: 'English',
      },
    })
    expect(opened.status(), await opened.text()).toBe(201)
    const number = (await opened.json()).number as number
    const escalated = await customer.request.post(`/api/v1/cases/${number}/escalations`, {
      data: { reason: 'Production is slow and nobody has called us yet.' },
    })
    expect(escalated.status(), await escalated.text()).toBe(201)
    await customerContext.close()

    await signIn(page, 'manager@vendor.example')
    await expect(page).toHaveURL(/\/escalations$/)
    const card = page.locator(`[data-testid="escalation"][data-case-number="${number}"]`)
    await expect(card).toContainText('Production is slow and nobody has called us yet.')
    await expect(card).toContainText('Open')
    await expect(card.getByTestId('time-left')).toContainText('left')

    await card.getByRole('button', { name: 'Acknowledge' }).click()
    await expect(card.getByText('Escalation acknowledged.')).toBeVisible()
    await expect(card).toContainText('Maya Johnson')

    await card.getByLabel('Engineer for this escalation').selectOption('engineer2@vendor.example')
    await card.getByRole('button', { name: 'Assign engineer' }).click()
    await expect(card.getByText('Engineer assigned.')).toBeVisible()
    await expect(card).toContainText('Kenji Sato')

    await card.getByLabel('Manager note').fill('Called the customer; Kenji takes it from here.')
    await card.getByRole('button', { name: 'Add note' }).click()
    await expect(card.getByText('Called the customer; Kenji takes it from here.')).toBeVisible()

    await card.getByLabel('Resolution of the escalation').fill('Engineer assigned and the customer called back.')
    await card.getByRole('button', { name: 'Resolve escalation' }).click()
    await expect(card).toHaveCount(0) // resolved: off the open list
    await page.getByRole('link', { name: 'All', exact: true }).click()
    await expect(page.locator(`[data-testid="escalation"][data-case-number="${number}"]`)).toContainText('Engineer assigned and the customer called back.')

    // The case's event log has every step, and the engineer is now the case's assignee.
    await page.goto(`/cases/${number}`)
    const detail = await (await page.request.get(`/api/v1/cases/${number}`)).json()
    const types = (detail.timeline as { kind: string; type?: string }[]).filter((t) => t.kind === 'event').map((t) => t.type)
    expect(types).toEqual(
      expect.arrayContaining([
        'escalation.opened',
        'escalation.acknowledged',
        'escalation.engineer-assigned',
        'case.assigned',
        'escalation.note-added',
        'escalation.resolved',
      ]),
    )
    await expect(page.getByTestId('vendor-case-tools').getByTestId('assignee')).toHaveText('Kenji Sato')

    const api = await (await page.request.get('/api/v1/escalations?status=all')).json()
    const mine = api.escalations.find((e: { case: { number: number } }) => e.case.number === number)
    expect(mine).toMatchObject({
      status: 'RESOLVED',
      handledBy: { email: 'manager@vendor.example' },
      assignedEngineer: { email: 'engineer2@vendor.example' },
      notes: [{ text: 'Called the customer; Kenji takes it from here.' }],
    })
  })

  test('reads the SLA compliance report with a chart and downloads it as CSV', async ({ page }) => {
    await signIn(page, 'manager@vendor.example')
    await page.getByRole('link', { name: 'Reports' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'SLA compliance' })).toBeVisible()
    const from = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10)
    await page.getByLabel('From').fill(from)
    await page.getByRole('button', { name: 'Show' }).click()
    await expect(page).toHaveURL(new RegExp(`from=${from}`))
    await expect(page.getByTestId('compliance-chart').locator('.recharts-bar-rectangle').first()).toBeVisible()
    await expect(page.getByTestId('compliance-table').getByRole('row')).not.toHaveCount(0)
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^sla-compliance-.*\.csv$/)
    const csv = await (await page.request.get(`/api/v1/reports/compliance?from=${from}&to=${new Date().toISOString().slice(0, 10)}&format=csv`)).text()
    expect(csv.split('\r\n')[0]).toBe(
      'tier,severity,region,opened,with_target,met,breached,pending,no_target,compliance_pct,responded,median_business_minutes,p90_business_minutes',
    )
    expect(csv).toContain('TOTAL,')
  })
})
