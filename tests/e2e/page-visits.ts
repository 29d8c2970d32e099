// Visits every page found in src/app (tests/support/routes.ts) as every kind of actor, with the
// [params] filled with objects of the isolation world that actor may reach: shared by the
// accessibility, title and navigation specs.
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { listRoutes, type AppRoute } from '../support/routes'
import { ACTORS, type ActorName, signInRequest } from './actors'
import type { IsolationWorld } from './isolation-world'

export const pageRoutes = () => listRoutes().filter((r): r is Extract<AppRoute, { kind: 'page' }> => r.kind === 'page')

/** The URLs checked for a page: each inner list is tried in order and the first one the actor
 * can open is checked (case A is Acme's, B is Globex's, so every actor who reaches some case gets
 * one). A case page is also checked in each other status, on a case of that status the actor sees. */
export function targetsFor(path: string, w: IsolationWorld, moreCases: number[] = []): string[][] {
  return (
    {
      '/cases/[number]': [[`/cases/${w.cases.a}`, `/cases/${w.cases.b}`], ...moreCases.map((n) => [`/cases/${n}`])],
      '/kb/[slug]': [['/kb/kb4000']],
      '/admin/calendars/[calendarId]': [[`/admin/calendars/${w.catalogue.calendarId}`]],
      '/invite/[token]': [['/invite/not-a-real-invitation-token-000000']],
    }[path] ?? [[path]]
  )
}

export async function contextFor(browser: Browser, baseURL: string, name: ActorName): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL })
  const email = ACTORS[name].email
  if (email) await signInRequest(context.request, email)
  return context
}

/** One case the context's actor sees in each of these statuses (where there is one), through the JSON API. */
export async function casesInEachStatus(context: BrowserContext): Promise<number[]> {
  const numbers: number[] = []
  for (const status of ['NEW', 'RESOLVED']) {
    const res = await context.request.get(`/api/v1/cases?status=${status}`)
    if (!res.ok()) continue
    const { cases } = (await res.json()) as { cases: { number: number }[] }
    if (cases[0]) numbers.push(cases[0].number)
  }
  return numbers
}

export type Visit = { url: string; status: number; opened: boolean }

/** Opens one of the alternatives as the context's actor: `opened` when it answered 200 and did
 * not send the actor elsewhere (to sign in; only "/" is meant to redirect, to the home page). */
export async function visit(page: Page, route: { path: string }, alternatives: string[]): Promise<Visit> {
  let last: Visit = { url: '', status: 0, opened: false }
  for (const url of alternatives) {
    const res = await page.goto(url)
    const status = res?.status() ?? 0
    const landed = new URL(page.url()).pathname
    last = { url, status, opened: status === 200 && (landed === url.split('?')[0] || route.path === '/') }
    if (last.opened) return last
  }
  return last
}
