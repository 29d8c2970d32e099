/**
 * Queries per request — `tsx bench/query-counts.ts BASE DATABASE_URL SERVER_LOG`.
 *
 * Against a running portal (`next start`, its stdout in SERVER_LOG) on a demo database, makes each
 * request of issue 13's table once warm and twice measured, and reads the `queries` field of the
 * server's request log line for it (src/server/http/request-log.ts). Prints a Markdown table and
 * writes it as the "Queries per request" section of bench/RESULTS.md (decision 0022).
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { DEMO_PASSWORD } from '../src/lib/demo-accounts'
import { credentialsSignIn } from '../tests/support/credentials-sign-in'
import { writeResultsSection } from './results'

const [BASE = 'http://localhost:3160', DB = process.env.DATABASE_URL!, LOG = '/tmp/server.log'] = process.argv.slice(2)

async function bearer(email: string): Promise<string> {
  const secret = `sp_${randomBytes(24).toString('base64url')}`
  const db = new pg.Client({ connectionString: DB })
  await db.connect()
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])
  await db.query(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "expiresAt") VALUES ($1, $2, 'query-counts', $3, $4, now() + interval '1 day')`,
    [`tok_${randomBytes(8).toString('hex')}`, rows[0]!.id, createHash('sha256').update(secret).digest('hex'), secret.slice(0, 8)],
  )
  await db.end()
  return secret
}

async function session(email: string): Promise<string> {
  const { session } = await credentialsSignIn(BASE, email, DEMO_PASSWORD)
  if (!session) throw new Error(`could not sign in ${email}`)
  return session
}

async function queriesOf(path: string, headers: Record<string, string>, init: RequestInit = {}): Promise<{ status: number; queries: number }> {
  const id = `qc-${randomBytes(8).toString('hex')}`
  const res = await fetch(`${BASE}${path}`, { ...init, headers: { ...headers, 'x-request-id': id, ...(init.headers as Record<string, string>) } })
  await res.arrayBuffer()
  for (let i = 0; i < 40; i++) {
    const line = fs
      .readFileSync(LOG, 'utf8')
      .split('\n')
      .find((l) => l.includes(`"requestId":"${id}"`))
    if (line) return { status: res.status, queries: (JSON.parse(line) as { queries: number }).queries }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no log line for ${path}`)
}

async function main() {
  const engineerToken = await bearer('engineer@vendor.example')
  const customerToken = await bearer('caseadmin@acme.example')
  const engineer = await session('engineer@vendor.example')
  const customer = await session('caseadmin@acme.example')
  const first = (await (await fetch(`${BASE}/api/v1/queue`, { headers: { authorization: `Bearer ${engineerToken}` } })).json()) as {
    cases: { number: number }[]
    nextCursor?: string
  }
  const mine = (await (await fetch(`${BASE}/api/v1/cases`, { headers: { authorization: `Bearer ${customerToken}` } })).json()) as {
    cases?: { number: number }[]
    items?: { number: number }[]
  }
  const customerCase = (mine.cases ?? mine.items ?? [])[0]?.number
  const vendorCase = first.cases[0]?.number
  const body = JSON.stringify({
    supportId: 'AC-PROD-1002',
    category: 'TECHNICAL',
    severity: 3,
    product: 'Vault Backup & Replication',
    version: '13.0',
    title: 'Query count',
    description: 'Made by bench/query-counts.ts',
    preferredLanguage: 'English',
  })
  const rows: [string, () => Promise<{ status: number; queries: number }>][] = [
    ['GET /api/v1/me (bearer)', () => queriesOf('/api/v1/me', { authorization: `Bearer ${engineerToken}` })],
    ['GET /api/v1/queue first page (bearer)', () => queriesOf('/api/v1/queue', { authorization: `Bearer ${engineerToken}` })],
    [
      'GET /api/v1/queue next page (bearer)',
      () => queriesOf(`/api/v1/queue?cursor=${encodeURIComponent(first.nextCursor ?? '')}`, { authorization: `Bearer ${engineerToken}` }),
    ],
    ['GET /queue HTML (engineer)', () => queriesOf('/queue', { cookie: engineer })],
    ['GET /cases HTML (customer)', () => queriesOf('/cases', { cookie: customer })],
    [`GET /cases/${customerCase} HTML (customer)`, () => queriesOf(`/cases/${customerCase}`, { cookie: customer })],
    [`GET /cases/${vendorCase} HTML (engineer)`, () => queriesOf(`/cases/${vendorCase}`, { cookie: engineer })],
    [
      'POST /api/v1/cases (bearer)',
      () => queriesOf('/api/v1/cases', { authorization: `Bearer ${customerToken}`, 'content-type': 'application/json' }, { method: 'POST', body }),
    ],
  ]
  // PGLOG: PostgreSQL's log with log_statement=all, to print each request's statements too.
  const pgLog = process.env.PGLOG
  const only = process.env.ONLY
  const table = ['| request | status | queries |', '|---|---|---|']
  console.log(table.join('\n'))
  for (const [name, run] of rows) {
    if (only && !name.includes(only)) continue
    await run() // warm: compiles, caches
    const from = pgLog ? fs.readFileSync(pgLog, 'utf8').length : 0
    const { status, queries } = await run()
    table.push(`| ${name} | ${status} | ${queries} |`)
    console.log(table.at(-1))
    if (pgLog)
      for (const m of fs
        .readFileSync(pgLog, 'utf8')
        .slice(from)
        .matchAll(/(?:statement|execute [^:]*): (.*)/g))
        console.log(`    ${m[1]!.slice(0, 260)}`)
  }
  if (!only) {
    const section = [
      '## Queries per request',
      '',
      `Command: \`npm run bench:queries -- BASE DATABASE_URL SERVER_LOG\` against \`next start\` on the demo data (scripts/e2e-db.ts create). Date: ${new Date().toISOString().slice(0, 10)}. Statements counted by the request log (COMMIT included, BEGIN not); the figures before relationJoins are in decision 0022.`,
      '',
      ...table,
      '',
    ].join('\n')
    console.log(`written to ${writeResultsSection('## Queries per request', section)}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
