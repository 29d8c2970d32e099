import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { credentialsSignIn } from '../support/credentials-sign-in'
import { BALANCER, clusterSkipReason, INSTANCES, startCluster, type Cluster } from '../support/cluster'
import { expect, test } from './fixtures'

// The portal as two stateless instances behind a real load balancer (ARCHITECTURE.md,
// "Deployment"): HAProxy on 3510, roundrobin without stickiness, in front of two `next start`
// processes (3511, 3512) on one PostgreSQL database, one S3 bucket (s3rver) and one SMTP server.

const skip = clusterSkipReason()
test.skip(skip !== null, skip ?? '')
test.describe.configure({ mode: 'serial' })

let cluster: Cluster | undefined
test.beforeAll(async () => {
  test.setTimeout(240_000)
  cluster = await startCluster()
})
test.afterAll(async () => {
  test.setTimeout(60_000)
  await cluster?.stop()
})

const c = () => cluster!
const servedBy = (res: Response) => res.headers.get('x-served-by') ?? ''
const CASE = {
  supportId: 'AC-BASC-1003',
  category: 'TECHNICAL',
  severity: 3,
  description: 'Made by cluster.spec.ts',
  preferredLanguage: 'English',
  product: 'Vault Backup & Replication',
  version: '13.0',
}

async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: c().databaseUrl })
  await db.connect()
  try {
    return await fn(db)
  } finally {
    await db.end()
  }
}

/** A bearer token for caseadmin@acme.example, as sec-core.spec.ts makes one. */
async function token(): Promise<string> {
  const secret = `sp_${randomBytes(24).toString('base64url')}`
  await withDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'caseadmin@acme.example'`)
    await db.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "expiresAt") VALUES ($1, $2, 'cluster', $3, $4, now() + interval '1 day')`,
      [`tok_${randomBytes(8).toString('hex')}`, rows[0]!.id, createHash('sha256').update(secret).digest('hex'), secret.slice(0, 8)],
    )
  })
  return secret
}

const openCase = (secret: string, title: string) =>
  fetch(`${BALANCER}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...CASE, title }),
  })

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; says which instance answered. */
async function signInAt(url: string, email: string, password: string) {
  const { error, session, response } = await credentialsSignIn(url, email, password)
  return { error, session, servedBy: servedBy(response) }
}

test('both instances answer through the balancer, and each is ready', async () => {
  const seen = new Set<string>()
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${BALANCER}/signin`)
    expect(res.status).toBe(200)
    seen.add(servedBy(res))
  }
  expect([...seen].sort()).toEqual(['app1', 'app2'])
  for (const url of Object.values(INSTANCES)) expect((await fetch(`${url}/api/ready`)).status, url).toBe(200)
})

test('a browser session signed in through the balancer stays signed in on both instances', async ({ page }) => {
  const seen = new Set<string>()
  page.on('response', (res) => {
    if (res.url().startsWith(BALANCER)) seen.add(res.headers()['x-served-by'] ?? '')
  })
  await page.goto(`${BALANCER}/signin`)
  await page.getByLabel('E-mail').fill('caseadmin@acme.example')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  for (const path of ['/cases', '/kb', '/inbox', '/profile', '/cases', '/kb', '/profile', '/inbox']) {
    await page.goto(`${BALANCER}${path}`)
    expect(new URL(page.url()).pathname, path).not.toBe('/signin')
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  }
  seen.delete('')
  expect([...seen].sort()).toEqual(['app1', 'app2'])
})

test('sign-in failure limits are shared: failures spread over both instances lock out after five', async () => {
  const victim = 'sam@vendor.example'
  const servers = new Set<string>()
  for (let i = 0; i < 5; i++) {
    // Each sign-in is two requests (csrf, then the POST); one more shifts roundrobin to the other instance.
    if (i % 2) await fetch(`${BALANCER}/api/ready`)
    const r = await signInAt(BALANCER, victim, `wrong-password-${i}`)
    expect(r.error).toBe('CredentialsSignin')
    servers.add(r.servedBy)
  }
  expect(servers.size).toBe(2)
  for (const url of Object.values(INSTANCES)) expect((await signInAt(url, victim, 'wrong-again')).error, url).toMatch(/Too many failed sign-in attempts/)
  expect((await signInAt(BALANCER, victim, DEMO_PASSWORD)).error).toMatch(/Too many failed sign-in attempts/)
  await withDb((db) => db.query(`DELETE FROM "RateLimit" WHERE key LIKE $1`, [`%${victim}%`]))
})

test('a file uploaded through one instance is stored in the bucket and downloads byte-identical through the other', async () => {
  const { session } = await signInAt(INSTANCES.app1, 'caseadmin@acme.example', DEMO_PASSWORD)
  expect(session).toBeTruthy()
  const headers = { cookie: session!, origin: BALANCER }
  const made = await fetch(`${INSTANCES.app1}/api/v1/cases`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ ...CASE, title: 'Cluster upload' }),
  })
  expect(made.status).toBe(201)
  const { number } = (await made.json()) as { number: number }
  const bytes = Buffer.from(randomBytes(150 * 1024).toString('hex'))
  const form = new FormData()
  form.append('file', new Blob([bytes], { type: 'text/plain' }), 'cluster.log')
  const up = await fetch(`${INSTANCES.app1}/api/v1/cases/${number}/attachments`, { method: 'POST', headers, body: form })
  expect(up.status).toBe(201)
  const body = (await up.json()) as { id?: string; attachment?: { id: string } }
  const id = body.id ?? body.attachment?.id
  expect(id).toBeTruthy()
  const down = await fetch(`${INSTANCES.app2}/api/v1/cases/${number}/attachments/${id}`, { headers: { cookie: session! } })
  expect(down.status).toBe(200)
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
  expect(sha(new Uint8Array(await down.arrayBuffer()))).toBe(sha(bytes))
  // The bytes are in the shared bucket, not on either instance's disk.
  const key = await withDb(
    async (db) => (await db.query<{ storageKey: string }>(`SELECT "storageKey" FROM "Attachment" WHERE id = $1`, [id])).rows[0]!.storageKey,
  )
  const inBucket = fs.readdirSync(c().s3.directory, { recursive: true }).map(String)
  expect(
    inBucket.some((f) => f.includes(key.split('/').pop()!)),
    `${key} in ${inBucket.join(', ')}`,
  ).toBe(true)
  expect(fs.readdirSync(c().uploadDir, { recursive: true })).toEqual([])
})

test('30 cases opened through the balancer make exactly one "case opened" mail per recipient, no duplicates, none missing', async () => {
  test.setTimeout(120_000)
  const secret = await token()
  const tag = `Cluster mail ${Date.now()}`
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      openCase(secret, `${tag} ${i}`).then(async (r) => ({ status: r.status, by: servedBy(r), number: ((await r.json()) as { number: number }).number })),
    ),
  )
  expect(results.map((r) => r.status)).toEqual(Array(30).fill(201))
  expect(new Set(results.map((r) => r.by)).size).toBe(2)
  const subjects = new Set(results.map((r) => `Case #${r.number} opened: ${tag} ${results.indexOf(r)}`))
  // What the outbox holds for these cases is what the SMTP server must receive, each exactly once.
  const expected = await withDb(
    async (db) =>
      (await db.query<{ id: string; subject: string }>(`SELECT id, subject FROM "OutboxMessage" WHERE subject LIKE $1`, [`%opened: ${tag} %`])).rows,
  )
  expect(expected.length).toBeGreaterThanOrEqual(30)
  expect(new Set(expected.map((m) => m.subject))).toEqual(subjects)
  const mine = () => c().smtp.received.filter((m) => m.subject.includes(`opened: ${tag} `))
  await expect.poll(() => mine().length, { timeout: 90_000, intervals: [1000] }).toBeGreaterThanOrEqual(expected.length)
  await new Promise((r) => setTimeout(r, 6_000)) // one more worker tick on each instance: a duplicate would show now
  expect(
    mine()
      .map((m) => m.outboxId)
      .sort(),
  ).toEqual(expected.map((m) => m.id).sort())
})

test('background jobs run once per interval for the cluster: one breach warning per recipient, one job per slot', async () => {
  test.setTimeout(150_000)
  const secret = await token()
  const made = await openCase(secret, `Cluster breach ${Date.now()}`)
  expect(made.status).toBe(201)
  const { number } = (await made.json()) as { number: number }
  // Its first response falls due in 10 minutes of real time: the next breach scan warns about it.
  await withDb((db) =>
    db.query(
      `UPDATE "Case" SET "targetKind" = 'DEADLINE', "targetClock" = 'CONTINUOUS', "responseDueAt" = now() + interval '10 minutes', "targetDueAt" = now() + interval '10 minutes', "breachWarningSentAt" = NULL WHERE number = $1`,
      [number],
    ),
  )
  const subject = `Response target of case #${number} is about to be breached`
  const warned = () => c().smtp.received.filter((m) => m.subject === subject)
  await expect.poll(() => warned().length, { timeout: 80_000, intervals: [1000] }).toBeGreaterThan(0)
  // Wait for the next breach scan to have run too: a second scan, on either instance, warns no one again.
  const scansNow = async () =>
    withDb(async (db) =>
      Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'breach-warnings' AND state = 'completed'`)).rows[0]!.n),
    )
  const before = await scansNow()
  await expect.poll(scansNow, { timeout: 80_000, intervals: [2000] }).toBeGreaterThan(before)
  await new Promise((r) => setTimeout(r, 6_000)) // and one more outbox run
  const outbox = await withDb(async (db) =>
    (await db.query<{ id: string }>(`SELECT id FROM "OutboxMessage" WHERE subject = $1`, [subject])).rows.map((r) => r.id),
  )
  expect(outbox.length).toBeGreaterThan(0)
  expect(
    warned()
      .map((m) => m.outboxId)
      .sort(),
  ).toEqual(outbox.sort())
  const events = await withDb(
    async (db) =>
      (await db.query(`SELECT 1 FROM "CaseEvent" e JOIN "Case" k ON k.id = e."caseId" WHERE k.number = $1 AND e.type = 'case.breach-warning-sent'`, [number]))
        .rowCount,
  )
  expect(events).toBe(1)
  // Both instances offer every job; the queue keeps one per interval slot for the two of them.
  const slots = await withDb(
    async (db) =>
      (
        await db.query<{ name: string; jobs: string }>(
          `SELECT name, count(*) AS jobs FROM pgboss.job WHERE name IN ('outbox-deliver', 'breach-warnings') GROUP BY name, singleton_on`,
        )
      ).rows,
  )
  expect(slots.length).toBeGreaterThan(10)
  expect(slots.filter((r) => Number(r.jobs) !== 1)).toEqual([])
})

test('SIGKILL of one instance during a burst loses no acknowledged case, and the balancer serves from the other', async () => {
  test.setTimeout(120_000)
  const secret = await token()
  const tag = `Cluster kill ${Date.now()}`
  const acknowledged: number[] = []
  const failures: string[] = []
  const burst = Array.from({ length: 40 }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 50))
    try {
      const res = await openCase(secret, `${tag} ${i}`)
      if (res.status === 201) acknowledged.push(((await res.json()) as { number: number }).number)
      else failures.push(String(res.status))
    } catch (error) {
      failures.push(String(error))
    }
  })
  await new Promise((r) => setTimeout(r, 700))
  await c().kill('app2')
  await Promise.all(burst)
  expect(acknowledged.length).toBeGreaterThan(0)
  const stored = await withDb(async (db) =>
    (await db.query<{ number: number }>(`SELECT number FROM "Case" WHERE title LIKE $1`, [`${tag} %`])).rows.map((r) => r.number),
  )
  for (const n of acknowledged) expect(stored, `case #${n} was acknowledged`).toContain(n)
  // HAProxy marks app2 down within its health checks; then every answer is app1's.
  await expect.poll(async () => servedBy(await fetch(`${BALANCER}/api/ready`)), { timeout: 15_000 }).toBe('app1')
  for (let i = 0; i < 6; i++) {
    const res = await openCase(secret, `${tag} after ${i}`)
    expect(res.status).toBe(201)
    expect(servedBy(res)).toBe('app1')
  }
  test.info().annotations.push({
    type: 'burst',
    description: `${acknowledged.length} acknowledged, ${failures.length} refused or cut: ${failures.slice(0, 5).join(', ')}`,
  })
})
