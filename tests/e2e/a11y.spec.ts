import AxeBuilder from '@axe-core/playwright'
import { NAMES, loadWorld } from './actors'
import { casesInEachStatus, contextFor, pageRoutes, targetsFor, visit } from './page-visits'
import { expect, test } from './fixtures'

// Accessibility (issue 11): axe-core's WCAG 2.1 A and AA rules on every page of src/app, as every
// kind of actor the isolation matrix knows, on the objects each may reach. No rule is disabled:
// a serious or critical violation anywhere fails. The "not found" page an actor gets instead of a
// page it may not open is checked too (once per actor).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

test('axe: no serious or critical WCAG 2.1 A/AA violation on any page for any role', async ({ browser, baseURL }) => {
  test.setTimeout(900_000)
  const world = loadWorld()
  const violations: string[] = []
  let checked = 0
  const pagesSeen = new Set<string>()
  for (const name of NAMES) {
    const context = await contextFor(browser, baseURL!, name)
    const page = await context.newPage()
    const moreCases = await casesInEachStatus(context)
    let notFoundChecked = false
    for (const route of pageRoutes()) {
      for (const alternatives of targetsFor(route.path, world, moreCases)) {
        const v = await visit(page, route, alternatives)
        if (!v.opened && (v.status !== 404 || notFoundChecked)) continue
        if (!v.opened) notFoundChecked = true
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze()
        for (const x of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          violations.push(
            `${v.opened ? v.url : `404 (${v.url})`} as ${name}: ${x.id} (${x.impact}) × ${x.nodes.length}: ${x.nodes
              .slice(0, 3)
              .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
              .join(' | ')}`,
          )
        }
        if (v.opened) {
          checked++
          pagesSeen.add(route.path)
        }
      }
    }
    await context.close()
  }
  console.log(
    `axe: ${checked} pages × roles checked (case pages in several statuses; ${pagesSeen.size} of ${pageRoutes().length} pages, ${NAMES.length} roles, plus each role's not-found page), ${violations.length} serious/critical violations`,
  )
  expect(violations).toEqual([])
  expect(pagesSeen.size, 'every page was opened by some role').toBe(pageRoutes().length)
})
