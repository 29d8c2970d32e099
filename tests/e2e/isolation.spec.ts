import fs from 'node:fs'
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { listRoutes, routeKey, type AppRoute } from '../support/routes'
import { WORLD_FILE, type IsolationWorld } from './isolation-world'
import { ACTORS, NAMES, type ActorName } from './actors'
import { expect, test } from './fixtures'

// The isolation matrix: every page and /api/v1 route found in src/app × every kind of actor × an
// object the actor may reach and one it may not. A route without a rule here fails the test.
//
// To try a route without changing what other specs rely on, an actor the policy allows sends an
// empty or invalid body (authorization passes, validation refuses: nothing is written), and an
// actor the policy refuses sends a valid one (so only authorization can stop it).

type Side = 'A' | 'B' // A: Acme (and its partners); B: Globex
// Cases also have P: Acme's Premier case, whose Support ID names the Support Account Manager.
type CaseSide = Side | 'P'
type Expect = 'allow' | 401 | 403 | 404 | 'signin'
type Obj = CaseSide | null
const isVendor = (a: ActorName) => ACTORS[a].kind === 'vendor'
const hasRole = (a: ActorName, ...roles: string[]) => roles.some((r) => ACTORS[a].roles?.includes(r))

// Who reaches what (the policy, restated independently of the code under test).
const reachesCase = (a: ActorName, side: CaseSide) =>
  isVendor(a) || (side === 'A' ? ['licadmin', 'caseadmin', 'partner'] : side === 'P' ? ['licadmin', 'caseadmin'] : ['otherAdmin']).includes(a)
// Vendor staff see every case; engineers and managers change any, the account manager only the
// Premier cases naming them, an administrator-only account none (decision 0009).
const worksCase = (a: ActorName, side: CaseSide) => hasRole(a, 'ENGINEER', 'MANAGER') || (hasRole(a, 'SUPPORT_ACCOUNT_MANAGER') && side === 'P')
// Administers the Support ID of a grant / Case Administrator / invitation object (A: AC-PREM-1001, B: GX-BASC-2002).
const caseAdminOf = (a: ActorName, side: Side) => (side === 'A' ? ['licadmin', 'caseadmin'] : ['otherAdmin']).includes(a)
const licenseAdminOf = (a: ActorName, side: Side) => side === 'A' && a === 'licadmin'
/** Holds a case role on a Support ID of its own organisation, or an approved partner grant. */
const actsForSupportId = (a: ActorName) => ['licadmin', 'caseadmin', 'otherAdmin', 'partner'].includes(a)

/** 404 for customers and partners, 403 for vendor staff without the role. */
const vendorOnly = (a: ActorName, ...roles: string[]): Expect => (!isVendor(a) ? 404 : roles.length === 0 || hasRole(a, ...roles) ? 'allow' : 403)
const signedIn: Expect = 'allow'
/** Customer-side administration of a Support ID object: vendors reach it but may not (403); a
 * Case Administrator where a License Administrator is needed gets 403; anyone else 404. */
const administration = (a: ActorName, side: Side, need: 'case' | 'license'): Expect => {
  if (isVendor(a)) return 403
  if (need === 'license' ? licenseAdminOf(a, side) : caseAdminOf(a, side)) return 'allow'
  if (need === 'license' && caseAdminOf(a, side)) return 403
  return 404
}

type Call = { method: string; path: string; allowedBody?: unknown; deniedBody?: unknown; multipart?: boolean }
type Rule = { objects: Obj[]; expect: (a: ActorName, o: Obj) => Expect; call: (o: Obj, w: IsolationWorld) => Call }

const caseNo = (o: Obj, w: IsolationWorld) => (o === 'B' ? w.cases.b : o === 'P' ? w.cases.p : w.cases.a)
const both: Obj[] = ['A', 'B']
const cases: Obj[] = ['A', 'B', 'P']
/** A case change by whoever sees the case: vendor staff whose role does not work it get 403. */
const caseWrite = (a: ActorName, o: Obj): Expect => (!reachesCase(a, o!) ? 404 : isVendor(a) && !worksCase(a, o!) ? 403 : 'allow')
/** A vendor-only case change: 404 for customers, 403 for vendor staff whose role does not work it. */
const vendorWork = (a: ActorName, o: Obj): Expect => (!isVendor(a) ? 404 : worksCase(a, o!) ? 'allow' : 403)
const none: Obj[] = [null]
const api = (method: string, path: string, allowedBody?: unknown, deniedBody?: unknown) => ({ method, path, allowedBody, deniedBody })
const openCaseBody = {
  supportId: 'AC-PROD-1002',
  category: 'TECHNICAL',
  severity: 3,
  title: 'Matrix: must be refused',
  description: 'The matrix sends this only where it expects a refusal.',
  preferredLanguage: 'English',
  product: 'Vault Backup & Replication',
  version: '13.0',
}

const RULES: Record<string, Rule> = {
  // Pages
  'PAGE /': { objects: none, expect: (a) => (a === 'anonymous' ? 'signin' : 'allow'), call: () => api('GET', '/') },
  'PAGE /signin': { objects: none, expect: () => 'allow', call: () => api('GET', '/signin') },
  'PAGE /cases': { objects: none, expect: () => signedIn, call: () => api('GET', '/cases') },
  // A page someone cannot use is not theirs (src/lib/page-access.ts): opening cases needs a Support ID to act for.
  'PAGE /cases/new': { objects: none, expect: (a) => (actsForSupportId(a) ? 'allow' : 404), call: () => api('GET', '/cases/new') },
  'PAGE /cases/[number]': { objects: cases, expect: (a, o) => (reachesCase(a, o!) ? 'allow' : 404), call: (o, w) => api('GET', `/cases/${caseNo(o, w)}`) },
  'PAGE /kb': { objects: none, expect: () => signedIn, call: () => api('GET', '/kb') },
  'PAGE /kb/[slug]': { objects: none, expect: () => signedIn, call: () => api('GET', '/kb/kb4000') },
  'PAGE /profile': { objects: none, expect: () => signedIn, call: () => api('GET', '/profile') },
  'PAGE /inbox': { objects: none, expect: () => signedIn, call: () => api('GET', '/inbox') },
  'PAGE /queue': { objects: none, expect: (a) => (isVendor(a) ? 'allow' : 404), call: () => api('GET', '/queue') },
  'PAGE /escalations': { objects: none, expect: (a) => (hasRole(a, 'MANAGER') ? 'allow' : 404), call: () => api('GET', '/escalations') },
  'PAGE /reports': { objects: none, expect: (a) => (hasRole(a, 'MANAGER') ? 'allow' : 404), call: () => api('GET', '/reports') },
  'PAGE /organisation': {
    objects: none,
    expect: (a) => (ACTORS[a].kind === 'customer' && actsForSupportId(a) ? 'allow' : 404),
    call: () => api('GET', '/organisation'),
  },
  'PAGE /partner': { objects: none, expect: (a) => (ACTORS[a].kind === 'partner' ? 'allow' : 404), call: () => api('GET', '/partner') },
  'PAGE /admin': { objects: none, expect: (a) => (hasRole(a, 'ADMIN') ? 'allow' : 404), call: () => api('GET', '/admin') },
  'PAGE /admin/products': { objects: none, expect: (a) => (hasRole(a, 'ADMIN') ? 'allow' : 404), call: () => api('GET', '/admin/products') },
  'PAGE /admin/regions': { objects: none, expect: (a) => (hasRole(a, 'ADMIN') ? 'allow' : 404), call: () => api('GET', '/admin/regions') },
  'PAGE /admin/calendars': { objects: none, expect: (a) => (hasRole(a, 'ADMIN') ? 'allow' : 404), call: () => api('GET', '/admin/calendars') },
  'PAGE /admin/calendars/[calendarId]': {
    objects: none,
    expect: (a) => (hasRole(a, 'ADMIN') ? 'allow' : 404),
    call: (_o, w) => api('GET', `/admin/calendars/${w.catalogue.calendarId}`),
  },
  // Invitation links are public by design (the token is the secret): an unknown token gets the same
  // "this link is not valid" page for everyone, and an unknown token's registration 404.
  'PAGE /invite/[token]': { objects: none, expect: () => 'allow', call: () => api('GET', '/invite/not-a-real-invitation-token-000000') },
  'POST /invite/[token]/register': {
    objects: none,
    expect: () => 404,
    call: () => api('POST', '/invite/not-a-real-invitation-token-000000/register', undefined, { name: 'Matrix Person', password: 'matrix-password-123' }),
  },

  // Account and meta
  'GET /api/v1/me': { objects: none, expect: () => signedIn, call: () => api('GET', '/api/v1/me') },
  'GET /api/v1/me/tokens': { objects: none, expect: () => signedIn, call: () => api('GET', '/api/v1/me/tokens') },
  'GET /api/v1/openapi.json': { objects: none, expect: () => 'allow', call: () => api('GET', '/api/v1/openapi.json') },
  // In-app notifications (issue 11): each person's own list; another person's id is "not found".
  'PAGE /notifications': { objects: none, expect: () => signedIn, call: () => api('GET', '/notifications') },
  'GET /api/v1/notifications': { objects: none, expect: () => signedIn, call: () => api('GET', '/api/v1/notifications') },
  'POST /api/v1/notifications/read': { objects: none, expect: () => signedIn, call: () => api('POST', '/api/v1/notifications/read', {}, { all: true }) },
  'GET /api/auth/[...nextauth]': { objects: none, expect: () => 'allow', call: () => api('GET', '/api/auth/session') },
  'POST /api/auth/[...nextauth]': { objects: none, expect: () => 'allow', call: () => api('POST', '/api/auth/_log', {}, {}) },
  // The load balancer's checks (issue 14): public, and they say nothing about anyone.
  'GET /api/health': { objects: none, expect: () => 'allow', call: () => api('GET', '/api/health') },
  'GET /api/ready': { objects: none, expect: () => 'allow', call: () => api('GET', '/api/ready') },

  // Customer case flow
  'GET /api/v1/support-ids': { objects: none, expect: () => signedIn, call: () => api('GET', '/api/v1/support-ids') },
  'GET /api/v1/cases': { objects: none, expect: () => signedIn, call: () => api('GET', '/api/v1/cases') },
  'POST /api/v1/cases': {
    objects: none,
    expect: (a) => (['licadmin', 'caseadmin', 'partner'].includes(a) ? 'allow' : isVendor(a) ? 403 : 404),
    call: () => api('POST', '/api/v1/cases', {}, openCaseBody),
  },
  'GET /api/v1/cases/[number]': {
    objects: cases,
    expect: (a, o) => (reachesCase(a, o!) ? 'allow' : 404),
    call: (o, w) => api('GET', `/api/v1/cases/${caseNo(o, w)}`),
  },
  'PATCH /api/v1/cases/[number]': {
    objects: cases,
    expect: caseWrite,
    call: (o, w) => api('PATCH', `/api/v1/cases/${caseNo(o, w)}`, {}, { severity: 2, reason: 'Matrix: must be refused' }),
  },
  'POST /api/v1/cases/[number]/comments': {
    objects: cases,
    expect: (a, o) => (!reachesCase(a, o!) ? 404 : isVendor(a) ? 403 : 'allow'),
    call: (o, w) => api('POST', `/api/v1/cases/${caseNo(o, w)}/comments`, {}, { body: 'Matrix: must be refused' }),
  },
  // The matrix's cases are in progress: a customer who reaches one gets 409 (not resolved yet), never a close.
  'POST /api/v1/cases/[number]/confirm': {
    objects: cases,
    expect: (a, o) => (!reachesCase(a, o!) ? 404 : isVendor(a) ? 403 : 'allow'),
    call: (o, w) => api('POST', `/api/v1/cases/${caseNo(o, w)}/confirm`, {}, { rating: 'GOOD' }),
  },
  'POST /api/v1/cases/[number]/escalations': {
    objects: cases,
    expect: (a, o) => (!reachesCase(a, o!) ? 404 : isVendor(a) ? 403 : 'allow'),
    call: (o, w) => api('POST', `/api/v1/cases/${caseNo(o, w)}/escalations`, {}, { reason: 'Matrix: must be refused here' }),
  },
  'POST /api/v1/cases/[number]/attachments': {
    objects: cases,
    expect: caseWrite,
    call: (o, w) => ({ method: 'POST', path: `/api/v1/cases/${caseNo(o, w)}/attachments`, multipart: true }),
  },
  'GET /api/v1/cases/[number]/attachments/[attachmentId]': {
    objects: both,
    expect: (a, o) => (reachesCase(a, o!) ? 'allow' : 404),
    call: (o, w) => api('GET', `/api/v1/cases/${caseNo(o, w)}/attachments/${o === 'B' ? w.attachments.b : w.attachments.a}`),
  },
  'GET /api/v1/kb': { objects: none, expect: () => signedIn, call: () => api('GET', '/api/v1/kb?q=backup') },
  'POST /api/v1/kb/deflections': { objects: none, expect: () => signedIn, call: () => api('POST', '/api/v1/kb/deflections', {}, {}) },

  // Engineers and managers
  'GET /api/v1/queue': { objects: none, expect: (a) => vendorOnly(a), call: () => api('GET', '/api/v1/queue') },
  'POST /api/v1/cases/[number]/assign': {
    objects: cases,
    expect: (a) => vendorOnly(a, 'ENGINEER', 'MANAGER'),
    call: (o, w) => api('POST', `/api/v1/cases/${caseNo(o, w)}/assign`, { engineer: 42 }, { engineer: 'engineer@vendor.example' }),
  },
  'POST /api/v1/cases/[number]/replies': {
    objects: cases,
    expect: vendorWork,
    call: (o, w) => api('POST', `/api/v1/cases/${caseNo(o, w)}/replies`, {}, { body: 'Matrix: must be refused', public: false }),
  },
  'POST /api/v1/cases/[number]/contact-attempts': {
    objects: cases,
    expect: vendorWork,
    call: (o, w) => api('POST', `/api/v1/cases/${caseNo(o, w)}/contact-attempts`, {}, { channel: 'phone', outcome: 'no-answer' }),
  },
  'POST /api/v1/cases/[number]/resolve': {
    objects: cases,
    expect: vendorWork,
    call: (o, w) => api('POST', `/api/v1/cases/${caseNo(o, w)}/resolve`, {}, { code: 'SOLUTION_OR_WORKAROUND', summary: 'Matrix: must be refused' }),
  },
  'GET /api/v1/escalations': { objects: none, expect: (a) => vendorOnly(a, 'MANAGER'), call: () => api('GET', '/api/v1/escalations') },
  'GET /api/v1/reports/compliance': {
    objects: none,
    expect: (a) => vendorOnly(a, 'MANAGER'),
    call: () => api('GET', '/api/v1/reports/compliance?from=2026-01-01&to=2026-12-31'),
  },

  // Customer administration and partners
  'GET /api/v1/organisation': { objects: none, expect: (a) => (ACTORS[a].kind === 'customer' ? 'allow' : 404), call: () => api('GET', '/api/v1/organisation') },
  'POST /api/v1/organisation/invitations': {
    objects: both,
    expect: (a, o) => administration(a, o as Side, 'license'),
    call: (o) =>
      api('POST', '/api/v1/organisation/invitations', {}, { supportIdCode: o === 'B' ? 'GX-BASC-2002' : 'AC-PREM-1001', email: `matrix-${o}@acme.example` }),
  },
  'DELETE /api/v1/organisation/invitations/[invitationId]': {
    // Withdrawing is allowed once; a repeat is a 409, still "allowed" for the matrix.
    objects: both,
    expect: (a, o) => administration(a, o as Side, 'license'),
    call: (o, w) => api('DELETE', `/api/v1/organisation/invitations/${o === 'B' ? w.invitations.b : w.invitations.a}`),
  },
  'DELETE /api/v1/organisation/support-ids/[code]/case-admins/[userId]': {
    objects: both,
    expect: (a, o) => administration(a, o as Side, 'license'),
    call: (o, w) =>
      api(
        'DELETE',
        `/api/v1/organisation/support-ids/${(o === 'B' ? w.caseAdmins.b : w.caseAdmins.a).code}/case-admins/${(o === 'B' ? w.caseAdmins.b : w.caseAdmins.a).userId}`,
      ),
  },
  'POST /api/v1/invitations/accept': { objects: none, expect: () => signedIn, call: () => api('POST', '/api/v1/invitations/accept', {}, {}) },
  'GET /api/v1/partner-grants': { objects: none, expect: (a) => (isVendor(a) ? 404 : 'allow'), call: () => api('GET', '/api/v1/partner-grants') },
  'POST /api/v1/partner-grants': {
    objects: none,
    expect: (a) => (ACTORS[a].kind === 'partner' ? 'allow' : 403),
    call: () => api('POST', '/api/v1/partner-grants', {}, { supportIdCode: 'AC-EVAL-1004' }),
  },
  ...Object.fromEntries(
    (['approve', 'decline', 'revoke'] as const).map((verb) => [
      `POST /api/v1/partner-grants/[grantId]/${verb}`,
      {
        objects: both,
        expect: (a: ActorName, o: Obj) => (isVendor(a) ? 403 : caseAdminOf(a, o as Side) ? 'allow' : 404),
        call: (o: Obj, w: IsolationWorld) => api('POST', `/api/v1/partner-grants/${o === 'B' ? w.grants.b : w.grants.a}/${verb}`),
      } satisfies Rule,
    ]),
  ),

  // Vendor administration: administrators only, on objects made for the matrix.
  ...Object.fromEntries(
    (
      [
        ['GET /api/v1/admin/products', () => api('GET', '/api/v1/admin/products')],
        ['POST /api/v1/admin/products', () => api('POST', '/api/v1/admin/products', {}, { name: 'Matrix refused product' })],
        [
          'PATCH /api/v1/admin/products/[productId]',
          (w: IsolationWorld) => api('PATCH', `/api/v1/admin/products/${w.catalogue.productId}`, { name: '' }, { name: 'Matrix refused rename' }),
        ],
        ['DELETE /api/v1/admin/products/[productId]', (w: IsolationWorld) => api('DELETE', `/api/v1/admin/products/${w.doomed.productId}`)],
        [
          'POST /api/v1/admin/products/[productId]/versions',
          (w: IsolationWorld) => api('POST', `/api/v1/admin/products/${w.catalogue.productId}/versions`, {}, { name: '9.9', phase: 'CURRENT' }),
        ],
        [
          'PATCH /api/v1/admin/versions/[versionId]',
          (w: IsolationWorld) => api('PATCH', `/api/v1/admin/versions/${w.catalogue.versionId}`, { phase: 'NOPE' }, { phase: 'LIMITED' }),
        ],
        ['DELETE /api/v1/admin/versions/[versionId]', (w: IsolationWorld) => api('DELETE', `/api/v1/admin/versions/${w.doomed.versionId}`)],
        ['GET /api/v1/admin/regions', () => api('GET', '/api/v1/admin/regions')],
        [
          'PATCH /api/v1/admin/regions/[code]',
          (w: IsolationWorld) => api('PATCH', `/api/v1/admin/regions/${w.catalogue.regionCode}`, { languages: [] }, { name: 'Matrix refused' }),
        ],
        [
          'POST /api/v1/admin/regions/[code]/phone-lines',
          (w: IsolationWorld) => api('POST', `/api/v1/admin/regions/${w.catalogue.regionCode}/phone-lines`, {}, { country: 'Nowhere', number: '+00 1' }),
        ],
        [
          'PATCH /api/v1/admin/phone-lines/[phoneLineId]',
          (w: IsolationWorld) => api('PATCH', `/api/v1/admin/phone-lines/${w.catalogue.phoneLineId}`, { number: '' }, { number: '+00 2' }),
        ],
        ['DELETE /api/v1/admin/phone-lines/[phoneLineId]', (w: IsolationWorld) => api('DELETE', `/api/v1/admin/phone-lines/${w.doomed.phoneLineId}`)],
        ['GET /api/v1/admin/calendars', () => api('GET', '/api/v1/admin/calendars')],
        ['POST /api/v1/admin/calendars', () => api('POST', '/api/v1/admin/calendars', {}, { name: 'Matrix refused calendar' })],
        ['GET /api/v1/admin/calendars/[calendarId]', (w: IsolationWorld) => api('GET', `/api/v1/admin/calendars/${w.catalogue.calendarId}`)],
        [
          'PATCH /api/v1/admin/calendars/[calendarId]',
          (w: IsolationWorld) => api('PATCH', `/api/v1/admin/calendars/${w.catalogue.calendarId}`, { name: '' }, { name: 'Matrix refused rename' }),
        ],
        ['DELETE /api/v1/admin/calendars/[calendarId]', (w: IsolationWorld) => api('DELETE', `/api/v1/admin/calendars/${w.doomed.calendarId}`)],
        [
          'POST /api/v1/admin/calendars/[calendarId]/holidays',
          (w: IsolationWorld) => api('POST', `/api/v1/admin/calendars/${w.catalogue.calendarId}/holidays`, {}, { date: '2027-04-04', name: 'Matrix refused' }),
        ],
        [
          'POST /api/v1/admin/calendars/[calendarId]/import',
          (w: IsolationWorld) => api('POST', `/api/v1/admin/calendars/${w.catalogue.calendarId}/import`, {}, { ics: 'BEGIN:VCALENDAR\nEND:VCALENDAR' }),
        ],
        [
          'POST /api/v1/admin/calendars/[calendarId]/import/preview',
          (w: IsolationWorld) => api('POST', `/api/v1/admin/calendars/${w.catalogue.calendarId}/import/preview`, {}, { ics: 'BEGIN:VCALENDAR\nEND:VCALENDAR' }),
        ],
        [
          'PATCH /api/v1/admin/holidays/[holidayId]',
          (w: IsolationWorld) => api('PATCH', `/api/v1/admin/holidays/${w.catalogue.holidayId}`, { date: 'not-a-date' }, { name: 'Matrix refused' }),
        ],
        ['DELETE /api/v1/admin/holidays/[holidayId]', (w: IsolationWorld) => api('DELETE', `/api/v1/admin/holidays/${w.doomed.holidayId}`)],
      ] as [string, (w: IsolationWorld) => Call][]
    ).map(([key, call]) => [
      key,
      { objects: none, expect: (a: ActorName) => vendorOnly(a, 'ADMIN'), call: (_o: Obj, w: IsolationWorld) => call(w) } satisfies Rule,
    ]),
  ),
}

/** What another organisation's data looks like in a response, for the leak check. */
function foreignMarkers(a: ActorName, w: IsolationWorld): string[] {
  if (isVendor(a) || a === 'anonymous') return []
  if (a === 'otherAdmin') return ['AC-PROD-1002', 'AC-PREM-1001', 'Acme', w.cases.titleA, w.cases.titleP]
  const markers = ['GX-BASC-2002', 'GX-PROD-2001', 'Globex', w.cases.titleB]
  // Partners and customer users without rights see nothing of Acme's other Support IDs either.
  if (a === 'partner') markers.push('AC-PREM-1001', 'AC-EVAL-1004', 'AC-FREE-1005', w.cases.titleP)
  if (a === 'pending' || a === 'revoked' || a === 'user') markers.push(w.cases.titleA, w.cases.titleP)
  return markers
}

async function signInContext(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL })
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json()
  const res = await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: DEMO_PASSWORD, json: 'true' } })
  expect(res.ok(), `sign in ${email}`).toBe(true)
  expect((await (await ctx.get('/api/v1/me')).json()).user.email).toBe(email)
  return ctx
}

function classify(status: number, location: string | undefined, isPage: boolean): Expect | `other ${number}` {
  if (isPage && status >= 300 && status < 400 && location?.includes('/signin')) return 'signin'
  if (status === 401 || status === 403 || status === 404) return status
  if (status < 500) return 'allow'
  return `other ${status}`
}

test('isolation matrix: every route × every actor × reachable and unreachable objects', async ({ baseURL }) => {
  test.setTimeout(600_000)
  const world = JSON.parse(fs.readFileSync(WORLD_FILE, 'utf8')) as IsolationWorld
  ACTORS.pending.email = world.users.pending
  ACTORS.revoked.email = world.users.revoked

  const routes = listRoutes()
  const missing = routes.map(routeKey).filter((k) => !RULES[k])
  expect(missing, 'every route needs a rule in tests/e2e/isolation.spec.ts').toEqual([])
  const stale = Object.keys(RULES).filter((k) => !routes.some((r) => routeKey(r) === k))
  expect(stale, 'rules for routes that no longer exist').toEqual([])

  const contexts = new Map<ActorName, APIRequestContext>()
  for (const name of NAMES) {
    const email = ACTORS[name].email
    contexts.set(name, email ? await signInContext(baseURL!, email) : await playwrightRequest.newContext({ baseURL }))
  }

  const failures: string[] = []
  const leaks: string[] = []
  let tried = 0
  for (const route of routes) {
    const rule = RULES[routeKey(route)]!
    for (const obj of rule.objects) {
      for (const name of NAMES) {
        const isPage = route.kind === 'page'
        const expected: Expect = name === 'anonymous' && !isPublic(route) ? (isPage ? 'signin' : 401) : rule.expect(name, obj)
        const call = rule.call(obj, world)
        const ctx = contexts.get(name)!
        const body = expected === 'allow' ? call.allowedBody : call.deniedBody
        const res = call.multipart
          ? await ctx.fetch(call.path, {
              method: call.method,
              maxRedirects: 0,
              ...(expected === 'allow'
                ? { data: {} }
                : { multipart: { file: { name: 'matrix.log', mimeType: 'text/plain', buffer: Buffer.from('matrix: must be refused\n') } } }),
            })
          : await ctx.fetch(call.path, { method: call.method, maxRedirects: 0, ...(body !== undefined ? { data: body } : {}) })
        tried++
        const got = classify(res.status(), res.headers().location, isPage)
        const where = `${routeKey(route)}${obj ? ` [${obj}]` : ''} as ${name}`
        if (got !== expected) failures.push(`${where}: expected ${expected}, got ${got} (${res.status()}) ${(await res.text()).slice(0, 160)}`)
        const text = await res.text()
        // What the caller itself sent (a code in the path or body, echoed in "X was not found") is no leak.
        const sent = `${call.path} ${JSON.stringify(body ?? '')}`
        for (const marker of foreignMarkers(name, world)) {
          if (marker && text.includes(marker) && !sent.includes(marker)) leaks.push(`${where}: response contains "${marker}"`)
        }
      }
    }
  }
  for (const ctx of contexts.values()) await ctx.dispose()
  console.log(`isolation matrix: ${routes.length} routes × ${NAMES.length} actors, ${tried} requests, mismatches ${failures.length}, leaks ${leaks.length}`)
  expect({ leaks, failures }).toEqual({ leaks: [], failures: [] })
})

/** Routes anyone may call without signing in. */
function isPublic(route: AppRoute): boolean {
  const key = routeKey(route)
  return [
    'PAGE /',
    'PAGE /signin',
    'GET /api/v1/openapi.json',
    'GET /api/auth/[...nextauth]',
    'POST /api/auth/[...nextauth]',
    'GET /api/health',
    'GET /api/ready',
    'PAGE /invite/[token]',
    'POST /invite/[token]/register',
  ].includes(key)
}
