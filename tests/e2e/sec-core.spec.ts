import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { encode, type JWT } from 'next-auth/jwt'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { expect, signIn, test } from './fixtures'

// Pen test issue 10, findings 1–6 and the lower ones assigned with them (decision 0007), each
// against the real server: the Playwright one, and for sessions and sign-in limits further
// `next start` processes of the same build with their own environment.

const base = `http://localhost:${process.env.E2E_PORT ?? 3100}`
const evil = 'http://evil.example'

async function newCase(page: Page) {
  const res = await page.request.post('/api/v1/cases', {
    headers: { origin: base },
    data: {
      supportId: 'AC-BASC-1003',
      category: 'TECHNICAL',
      severity: 3,
      title: 'Hardening check',
      description: 'Made by sec-core.spec.ts',
      preferredLanguage: 'English',
      product: 'Vault Backup & Replication',
      version: '13.0',
    },
  })
  expect(res.status()).toBe(201)
  return (await res.json()) as { number: number }
}

test.describe('finding 3: no open redirect after sign-in', () => {
  for (const target of ['/\\evil.example/', '/\t/evil.example/', '//evil.example/', 'http://evil.example/', '/%5Cevil.example/']) {
    test(`callbackUrl ${JSON.stringify(target)} stays on the portal`, async ({ page }) => {
      await page.route(
        (url) => url.hostname.endsWith('evil.example'),
        (route) => route.fulfill({ status: 200, body: 'phished' }),
      )
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`)
      await page.getByLabel('E-mail').fill('caseadmin@acme.example')
      await page.getByLabel('Password').fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL((u) => u.pathname !== '/signin')
      expect(new URL(page.url()).origin).toBe(base)
    })
  }

  test('a same-site callbackUrl still brings the person back', async ({ page }) => {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent('/kb?q=backup')}`)
    await page.getByLabel('E-mail').fill('caseadmin@acme.example')
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(`${base}/kb?q=backup`)
  })
})

test.describe('finding 5: cookie-authenticated writes only from the portal’s own origin', () => {
  test('a body-less approve and a multipart upload from another origin are refused; bearer tokens are unaffected', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    const approve = (origin?: string) => page.request.post('/api/v1/partner-grants/clnotarealgrant0000000000/approve', { headers: origin ? { origin } : {} })
    const refused = await approve(evil)
    expect(refused.status()).toBe(403)
    expect((await refused.json()).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Cross-origin') })
    expect(
      (await page.request.post('/api/v1/partner-grants/clnotarealgrant0000000000/approve', { headers: { 'sec-fetch-site': 'cross-site' } })).status(),
    ).toBe(403)
    expect((await page.request.post('/api/v1/partner-grants/clnotarealgrant0000000000/approve', { headers: { origin: 'null' } })).status()).toBe(403)
    // The same call from the portal's own origin reaches the service (which finds no such grant).
    expect((await approve(base)).status()).toBe(404)

    const c = await newCase(page)
    const file = { name: 'evil.log', mimeType: 'text/plain', buffer: Buffer.from('cross-origin upload') }
    const upload = await page.request.post(`/api/v1/cases/${c.number}/attachments`, { headers: { origin: evil }, multipart: { file } })
    expect(upload.status()).toBe(403)
    const detail = await (await page.request.get(`/api/v1/cases/${c.number}`)).json()
    expect(JSON.stringify(detail)).not.toContain('evil.log')
    expect(
      (
        await page.request.post(`/api/v1/cases/${c.number}/attachments`, { headers: { origin: base }, multipart: { file: { ...file, name: 'fine.log' } } })
      ).status(),
    ).toBe(201)

    // A bearer token is never sent by a browser on its own: a client with one may call from anywhere.
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await db.connect()
    try {
      const secret = `sp_${randomBytes(24).toString('base64url')}`
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'caseadmin@acme.example'`)
      await db.query(
        `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "expiresAt") VALUES ($1, $2, 'sec-core', $3, $4, now() + interval '1 day')`,
        [`tok_${randomBytes(8).toString('hex')}`, rows[0]!.id, createHash('sha256').update(secret).digest('hex'), secret.slice(0, 8)],
      )
      const withToken = await fetch(`${base}/api/v1/cases/${c.number}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, origin: evil, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'From a script with a token' }),
      })
      expect(withToken.status).toBe(201)
    } finally {
      await db.end()
    }
  })
})

test.describe('finding 6 and Cache-Control: bounded JSON bodies, uncached answers', () => {
  test('a JSON body over 1 MB is refused with 413 and the error shape, announced or streamed', async ({ page }) => {
    await signIn(page, 'caseadmin@acme.example')
    const c = await newCase(page)
    const big = JSON.stringify({ body: 'x'.repeat(2 * 1024 * 1024) })
    const announced = await page.request.post(`/api/v1/cases/${c.number}/comments`, {
      headers: { origin: base, 'content-type': 'application/json' },
      data: big,
    })
    expect(announced.status()).toBe(413)
    expect((await announced.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('1024 KB') })

    // Without Content-Length (chunked): counted while it streams.
    const cookie = (await page.context().cookies()).map((k) => `${k.name}=${k.value}`).join('; ')
    const chunks = [Buffer.from('{"body":"'), ...Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 0x78)), Buffer.from('"}')]
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift()
        if (next) controller.enqueue(next)
        else controller.close()
      },
    })
    const streamed = await fetch(`${base}/api/v1/cases/${c.number}/comments`, {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE')

    const fine = await page.request.post(`/api/v1/cases/${c.number}/comments`, { headers: { origin: base }, data: { body: 'A normal comment' } })
    expect(fine.status()).toBe(201)
    expect(fine.headers()['cache-control']).toBe('no-store')
    const me = await page.request.get('/api/v1/me')
    expect(me.headers()['cache-control']).toBe('no-store')
    expect((await page.request.get('/api/v1/nothing-here')).status()).toBe(404)
    expect((await page.request.get('/api/v1/me', { headers: { cookie: '' } })).headers()['cache-control']).toBe('no-store')
  })

  test('a prefetch request gets the page CSP too', async ({ request }) => {
    const res = await request.get('/signin', { headers: { 'next-router-prefetch': '1', rsc: '1' } })
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  })
})

test.describe('finding 1: invitation links are for their recipient only', () => {
  test('an Administrator’s inbox shows the invitation without its link; the invitee’s own inbox has it', async ({ browser }) => {
    const licadmin = await browser.newPage()
    await signIn(licadmin, 'licadmin@acme.example')
    // user@acme.example has an account (so an inbox) and no role on the Support ID.
    const invite = await licadmin.request.post('/api/v1/organisation/invitations', {
      headers: { origin: base },
      data: { supportIdCode: 'AC-BASC-1003', email: 'user@acme.example' },
    })
    expect([201, 409]).toContain(invite.status())

    const admin = await browser.newPage()
    await signIn(admin, 'admin@vendor.example')
    await admin.goto('/inbox?q=user%40acme.example')
    const item = admin.getByRole('listitem').filter({ hasText: 'You are invited to be a Case Administrator' }).first()
    await item.locator('summary').click()
    await expect(item).toContainText('[secret link: shown only to the recipient]')
    await expect(admin.locator('body')).not.toContainText(/\/invite\/[A-Za-z0-9_-]{20,}/)
    await admin.screenshot({ path: 'test-results/sec-core-admin-inbox.png', fullPage: true })

    const invitee = await browser.newPage()
    await signIn(invitee, 'user@acme.example')
    await invitee.goto('/inbox')
    const mine = invitee.getByRole('listitem').filter({ hasText: 'You are invited to be a Case Administrator' }).first()
    await mine.locator('summary').click()
    const text = (await mine.textContent())!
    const link = /https?:\/\/\S+?\/invite\/[A-Za-z0-9_-]{20,}/.exec(text)
    expect(link, text).not.toBeNull()
    await invitee.setViewportSize({ width: 390, height: 844 })
    await invitee.screenshot({ path: 'test-results/sec-core-invitee-inbox-phone.png', fullPage: true })
    await invitee.goto(new URL(link![0]).pathname)
    await expect(invitee.getByRole('button', { name: /Accept/ })).toBeVisible()
  })
})

// ---- further server processes of the same build -------------------------------------------

const children: ChildProcess[] = []
test.afterAll(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGTERM')
})

function serverEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BACKGROUND_JOBS: 'off' }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  return env
}

function startServer(port: number, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '0.0.0.0'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => out, exited }
}

async function ready(url: string, exited: Promise<number | null>) {
  let gone = false
  void exited.then(() => (gone = true))
  for (let i = 0; i < 240 && !gone; i++) {
    try {
      if ((await fetch(`${url}/signin`)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not start`)
}

/** One HTTP request from a chosen local address (127.0.0.2 is another client to the server). */
function request(
  url: string,
  { method = 'GET', headers = {}, body, localAddress }: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string },
) {
  return new Promise<{ status: number; cookies: string[]; text: string }>((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!), text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
async function credentialsSignIn(url: string, email: string, password: string, headers: Record<string, string> = {}, localAddress?: string) {
  const csrf = await request(`${url}/api/auth/csrf`, { headers, localAddress })
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string }
  const res = await request(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    localAddress,
    headers: { ...headers, cookie: csrf.cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, csrfToken, json: 'true', callbackUrl: `${url}/` }).toString(),
  })
  const error = new URL((JSON.parse(res.text) as { url: string }).url).searchParams.get('error')
  const session = res.cookies.find((c) => c.includes('session-token'))
  return { error, session }
}

test.describe('finding 4: sign-in limits', () => {
  test('two server processes on one database share the budget; X-Forwarded-For is not the client’s to choose; another address is not locked out', async () => {
    test.setTimeout(240_000)
    const env = serverEnv({ TRUST_PROXY_HOPS: '0', NEXTAUTH_URL: undefined })
    const a = startServer(3111, env)
    const b = startServer(3112, env)
    await Promise.all([ready('http://127.0.0.1:3111', a.exited), ready('http://127.0.0.1:3112', b.exited)])
    const victim = 'sam@vendor.example'
    const servers = ['http://127.0.0.1:3111', 'http://127.0.0.1:3112']
    // Five wrong passwords, alternating between the two processes, each claiming another address.
    for (let i = 0; i < 5; i++) {
      const r = await credentialsSignIn(servers[i % 2]!, victim, `wrong-password-${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` })
      expect(r.error).toBe('CredentialsSignin')
    }
    for (const [i, url] of servers.entries()) {
      const r = await credentialsSignIn(url, victim, `wrong-password-again`, { 'x-forwarded-for': `198.51.100.${i + 1}` })
      expect(r.error, url).toMatch(/Too many failed sign-in attempts/)
    }
    // From that address even the right password waits; the owner at another address signs in.
    expect((await credentialsSignIn(servers[0]!, victim, DEMO_PASSWORD)).error).toMatch(/Too many failed sign-in attempts/)
    const owner = await credentialsSignIn('http://127.0.0.1:3112', victim, DEMO_PASSWORD, {}, '127.0.0.2')
    expect(owner.error).toBeNull()
    expect(owner.session).toBeTruthy()
    // The counters are rows of the shared database (no other spec may find this account locked).
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await db.connect()
    try {
      const { rows } = await db.query<{ key: string; points: number }>(`SELECT key, points FROM "RateLimit" WHERE key LIKE $1`, [`%${victim}%`])
      expect(rows).toEqual([{ key: `signin-account-address:${victim}|127.0.0.1`, points: 5 }])
      await db.query(`DELETE FROM "RateLimit" WHERE key LIKE $1`, [`%${victim}%`])
    } finally {
      await db.end()
    }
  })

  test('behind TRUST_PROXY_HOPS=1, the proxy’s entry is the address and the client’s own entries are not', async () => {
    test.setTimeout(180_000)
    const c = startServer(3114, serverEnv({ TRUST_PROXY_HOPS: '1', NEXTAUTH_URL: undefined }))
    await ready('http://127.0.0.1:3114', c.exited)
    const url = 'http://127.0.0.1:3114'
    const email = `nobody-${Date.now()}@acme.example`
    // The client writes a different "first" entry each time; the proxy (last entry) says 192.0.2.7.
    for (let i = 0; i < 5; i++)
      expect((await credentialsSignIn(url, email, 'wrong-password', { 'x-forwarded-for': `10.0.0.${i}, 192.0.2.7` })).error).toBe('CredentialsSignin')
    expect((await credentialsSignIn(url, email, 'wrong-password', { 'x-forwarded-for': '10.9.9.9, 192.0.2.7' })).error).toMatch(/Too many failed/)
    // Another client behind the same proxy is another address.
    expect((await credentialsSignIn(url, email, 'wrong-password', { 'x-forwarded-for': '192.0.2.8' })).error).toBe('CredentialsSignin')
  })
})

test.describe('finding 2: session secrets', () => {
  test('the embedded set-up signs with a random secret of its own folder; a cookie forged with the old public secret, or without the sign-out version, is refused', async () => {
    test.setTimeout(300_000)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-core-embedded-'))
    const pgliteDir = path.join(dir, 'pglite')
    const env = serverEnv({ DATABASE_URL: undefined, NEXTAUTH_SECRET: undefined, NEXTAUTH_URL: undefined, PGLITE_DIR: pgliteDir })
    const prepare = spawn(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/prepare-db.ts'], { env, stdio: 'inherit' })
    expect(await new Promise((resolve) => prepare.on('exit', resolve))).toBe(0)
    const s = startServer(3113, env)
    const url = 'http://127.0.0.1:3113'
    try {
      await ready(url, s.exited)
      const signedIn = await credentialsSignIn(url, 'caseadmin@acme.example', DEMO_PASSWORD)
      expect(signedIn.session).toBeTruthy()
      const me = await fetch(`${url}/api/v1/me`, { headers: { cookie: signedIn.session! } })
      expect(me.status).toBe(200)
      const { id } = ((await me.json()) as { user: { id: string } }).user

      const secretFile = path.join(pgliteDir, 'portal-session-secret')
      expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600)
      const secret = fs.readFileSync(secretFile, 'utf8').trim()
      expect(secret.length).toBeGreaterThanOrEqual(32)

      const cookie = async (secretToSign: string, claims: Record<string, unknown>) =>
        `next-auth.session-token=${await encode({ secret: secretToSign, token: { sub: id, uid: id, orgKind: 'CUSTOMER', vendorRoles: [], ...claims } as unknown as JWT })}`
      const status = async (c: string) => (await fetch(`${url}/api/v1/me`, { headers: { cookie: c } })).status
      expect(await status(await cookie('embedded-demo-secret-not-for-production', { sv: 0 }))).toBe(401)
      expect(await status(await cookie(secret, {}))).toBe(401)
      // The same forgery with the folder's secret and the version claim is accepted: the refusals above are the secret's and the claim's.
      expect(await status(await cookie(secret, { sv: 0 }))).toBe(200)
    } finally {
      s.child.kill('SIGTERM')
      await s.exited
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('production on PostgreSQL without NEXTAUTH_SECRET refuses to start, saying why', async () => {
    test.setTimeout(120_000)
    const s = startServer(3115, serverEnv({ NEXTAUTH_SECRET: undefined }))
    const code = await Promise.race([s.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 60_000))])
    expect(code).not.toBe('running')
    expect(code).not.toBe(0)
    expect(s.output()).toContain('NEXTAUTH_SECRET is required in production with a PostgreSQL server')
  })

  test('npm run start:prod with an incomplete configuration exits 1 and lists every missing setting', async () => {
    test.setTimeout(120_000)
    const s = startServer(
      3116,
      serverEnv({
        PORTAL_DEPLOYMENT: 'production',
        DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/unused',
        NEXTAUTH_SECRET: 'x'.repeat(32),
        NEXTAUTH_URL: 'http://support.vendor.example',
        SMTP_URL: undefined,
        MAIL_MODE: undefined,
        UPLOAD_DIR: 'uploads',
      }),
    )
    const code = await Promise.race([s.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 60_000))])
    expect(code).toBe(1)
    const listed = [...s.output().matchAll(/^\s+- ([A-Z_]+):/gm)].map((m) => m[1])
    expect(listed).toEqual(['NEXTAUTH_URL', 'SMTP_URL', 'UPLOAD_DIR'])
    expect(s.output()).toContain('Cannot start in production')
  })
})

// ---- graceful shutdown (issue 14) ---------------------------------------------------------

/** A form POST whose body is sent in two halves; the second only when `finish` is called. */
function halfSentPost(url: string) {
  const body = 'csrfToken=x&email=nobody%40example.com&password=' + 'p'.repeat(200)
  let finish = () => {}
  const answered = new Promise<number>((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.write(body.slice(0, 40))
    finish = () => req.end(body.slice(40))
  })
  return { answered, finish: () => finish() }
}

test.describe('graceful shutdown (issue 14)', () => {
  test('SIGTERM: the request in flight is answered before the process exits; one that never ends is cut after the grace period', async () => {
    test.setTimeout(180_000)
    const url = 'http://127.0.0.1:3117'
    const first = startServer(3117, serverEnv({}))
    await ready(url, first.exited)
    const inFlight = halfSentPost(`${url}/api/auth/callback/credentials`)
    await new Promise((r) => setTimeout(r, 500))
    first.child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 1_000))
    expect(first.child.exitCode).toBeNull()
    inFlight.finish()
    const status = await inFlight.answered
    expect(status).toBeGreaterThanOrEqual(200)
    expect(status).toBeLessThan(500)
    expect(await first.exited).toBe(143)

    const second = startServer(3117, serverEnv({}))
    await ready(url, second.exited)
    const stuck = halfSentPost(`${url}/api/auth/callback/credentials`)
    stuck.answered.catch(() => {})
    await new Promise((r) => setTimeout(r, 500))
    const signalled = Date.now()
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(1)
    const took = Date.now() - signalled
    expect(took).toBeGreaterThanOrEqual(9_000)
    expect(second.output()).toContain('requests still in flight after the grace period')
  })
})
