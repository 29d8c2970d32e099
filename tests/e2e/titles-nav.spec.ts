import { ACTORS, NAMES, loadWorld } from './actors'
import { contextFor, pageRoutes, targetsFor, visit } from './page-visits'
import { expect, test } from './fixtures'

// Every page names itself in its <title> (issue 11), and the navigation offers exactly the pages
// a person can open (issue 12). Both are checked against the running app, for every kind of actor.
const SUFFIX = ' · Support Portal'

test('every page has a <title> of its own, for every role', async ({ browser, baseURL }) => {
  test.setTimeout(600_000)
  const world = loadWorld()
  const problems: string[] = []
  let checked = 0
  for (const name of NAMES) {
    const context = await contextFor(browser, baseURL!, name)
    const page = await context.newPage()
    const routesByTitle = new Map<string, Set<string>>()
    for (const route of pageRoutes()) {
      if (route.path === '/') continue // only redirects
      const [alternatives] = targetsFor(route.path, world)
      const v = await visit(page, route, alternatives!)
      if (!v.opened) continue
      checked++
      const title = await page.title()
      if (!title.endsWith(SUFFIX) || title === SUFFIX.slice(3)) problems.push(`${v.url} as ${name}: title "${title}" does not name the page`)
      if (route.path === '/cases/[number]' && !title.startsWith(`Case #${v.url.split('/').pop()}`))
        problems.push(`${v.url} as ${name}: title "${title}" does not name the case`)
      routesByTitle.set(title, (routesByTitle.get(title) ?? new Set()).add(route.path))
    }
    for (const [title, paths] of routesByTitle) if (paths.size > 1) problems.push(`as ${name}: "${title}" is the title of ${[...paths].join(', ')}`)
    await context.close()
  }
  console.log(`titles: ${checked} pages × roles checked, ${problems.length} problems`)
  expect(problems).toEqual([])
})

test('the app has a favicon', async ({ page }) => {
  await page.goto('/signin')
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href')
  expect(href).toMatch(/^\/icon\.svg/)
  const res = await page.request.get(href!)
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('image/svg+xml')
})

test('the navigation shows exactly the pages each role can open', async ({ browser, baseURL }) => {
  test.setTimeout(600_000)
  const world = loadWorld()
  // Pages without parameters a person may look for in the navigation ("/" redirects, the sign-in
  // page is for those signed out, the profile and the notifications are the header's links: the
  // person's name and the bell).
  const sections = pageRoutes().filter((r) => !r.path.includes('[') && !['/', '/signin', '/profile', '/notifications'].includes(r.path))
  const problems: string[] = []
  for (const name of NAMES.filter((n) => ACTORS[n].kind !== 'anonymous')) {
    const context = await contextFor(browser, baseURL!, name)
    const page = await context.newPage()
    await page.goto('/profile')
    const nav = await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
    const opens: string[] = []
    for (const route of sections) if ((await visit(page, route, targetsFor(route.path, world)[0]!)).opened) opens.push(route.path)
    // Every link opens; every page that opens is in the navigation or under a page that is.
    for (const href of nav) if (!opens.includes(href)) problems.push(`${name}: the navigation offers ${href}, which does not open for them`)
    for (const path of opens)
      if (!nav.some((href) => path === href || path.startsWith(`${href}/`))) problems.push(`${name}: ${path} opens but the navigation does not lead there`)
    // Issue 12's case: a customer user without rights was offered both.
    if (name === 'user')
      for (const href of ['/cases/new', '/organisation']) if (nav.includes(href)) problems.push(`user: the navigation offers ${href}, which they cannot use`)
    console.log(`nav ${name}: ${nav.join(' ')}`)
    await context.close()
  }
  expect(problems).toEqual([])
})
