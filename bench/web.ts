/**
 * HTTP benchmark — `npm run bench:web` (after `npm run build` and `npm run bench:queue:generate`).
 *
 * Starts two servers side by side on this machine: the floor (bench/floor, a bare Next.js app of
 * the same version whose route handler only returns JSON; built once into bench/floor/.next if
 * missing) and the portal's existing build on the generated database (BENCH_DATABASE_URL, default
 * portal_bench, 1,000,000 cases). Loads each endpoint of issue 13's table with autocannon
 * (20 connections, BENCH_SECONDS = 12 s each, 10 connections for case creation) after a short
 * warm-up, reads each request's statement count from the portal's request log, and writes the
 * table (req/s, × floor, p50, p99, queries per request) to the "Web" section of bench/RESULTS.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { hashDemoPassword } from '../prisma/seed/factories'
import { credentialsSignIn } from '../tests/support/credentials-sign-in'
import { writeResultsSection } from './results'

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/portal_bench'
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12)
const FLOOR = 'http://127.0.0.1:3301'
const PORTAL = 'http://127.0.0.1:3302'
const PASSWORD = 'bench-password-0123'
const root = path.resolve(import.meta.dirname, '..')
const next = path.join(root, 'node_modules/.bin/next')
const portalLog = path.join(os.tmpdir(), `portal-bench-web-${process.pid}.log`)

function start(args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = fs.openSync(log, 'w')
  return spawn(next, args, { cwd: root, env, stdio: ['ignore', out, out], detached: true })
}

async function ready(url: string, child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`)
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer`)
}

/** The bench users can sign in: a password for engineer7 and one customer administrator with the Support IDs of its organisation. */
async function prepareUsers(db: pg.Client) {
  const hash = await hashDemoPassword(PASSWORD)
  const { rows: orgs } = await db.query<{ organisationId: string }>(`SELECT "organisationId" FROM "Case" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
  const orgId = orgs[0]!.organisationId
  const { rows: admins } = await db.query<{ id: string }>(
    `SELECT id FROM "User" WHERE "organisationId" = $1 ORDER BY email = 'customer@bench.example' DESC, email LIMIT 1`,
    [orgId],
  )
  // The generated addresses (admin@bench_org_N.example) are not valid e-mail addresses to sign in with.
  const customer = { id: admins[0]!.id, email: 'customer@bench.example' }
  await db.query(`UPDATE "User" SET email = $1 WHERE id = $2`, [customer.email, customer.id])
  await db.query(`UPDATE "User" SET "passwordHash" = $1 WHERE email IN ('engineer7@bench.example', $2)`, [hash, customer.email])
  await db.query(
    `INSERT INTO "SupportIdRole" (id, "userId", "supportIdId", role) SELECT 'bench_role_' || s.id, $1, s.id, 'LICENSE_ADMIN_PRIMARY' FROM "SupportId" s WHERE s."organisationId" = $2 ON CONFLICT DO NOTHING`,
    [customer.id, orgId],
  )
  const { rows: sids } = await db.query<{ code: string }>(
    `SELECT code FROM "SupportId" WHERE "organisationId" = $1 AND tier IN ('PREMIER', 'PRODUCTION', 'BASIC') ORDER BY code LIMIT 1`,
    [orgId],
  )
  const { rows: cases } = await db.query<{ number: number }>(`SELECT number FROM "Case" WHERE "organisationId" = $1 ORDER BY "openedAt" DESC LIMIT 1`, [orgId])
  const token = async (email: string) => {
    const secret = `sp_${randomBytes(24).toString('base64url')}`
    await db.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "expiresAt") SELECT $1, id, 'bench:web', $2, $3, now() + interval '1 day' FROM "User" WHERE email = $4`,
      [`tok_${randomBytes(8).toString('hex')}`, createHash('sha256').update(secret).digest('hex'), secret.slice(0, 8), email],
    )
    return secret
  }
  return {
    engineerToken: await token('engineer7@bench.example'),
    customerToken: await token(customer.email),
    customerEmail: customer.email,
    supportId: sids[0]!.code,
    caseNumber: cases[0]!.number,
  }
}

async function signIn(email: string): Promise<string> {
  const { session } = await credentialsSignIn(PORTAL, email, PASSWORD)
  if (!session) throw new Error(`could not sign in ${email}`)
  return session
}

/** Mean statements per request of the log lines written since `from` whose path is `route`. */
function queriesSince(from: number, route: string): number | null {
  const lines = fs
    .readFileSync(portalLog, 'utf8')
    .slice(from)
    .split('\n')
    .filter((l) => l.includes('"msg":"request"'))
  const counts = lines
    .map((l) => JSON.parse(l) as { path: string; queries?: number })
    .filter((l) => l.path === route && typeof l.queries === 'number')
    .map((l) => l.queries!)
  return counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : null
}

type Row = { name: string; reqs: number; p50: number; p99: number; queries: number | null; errors: number }

async function load(
  name: string,
  url: string,
  opts: { headers?: Record<string, string>; method?: string; body?: string; connections?: number } = {},
): Promise<Row> {
  const connections = opts.connections ?? 20
  await autocannon({ url, connections, duration: 2, ...opts }) // warm-up: compiled code, caches, pool
  const from = fs.readFileSync(portalLog, 'utf8').length
  const r = await autocannon({ url, connections, duration: SECONDS, ...opts })
  const route = new URL(url).pathname
  const row = {
    name,
    reqs: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    queries: url.startsWith(PORTAL) ? queriesSince(from, route) : null,
    errors: r.non2xx + r.errors + r.timeouts,
  }
  console.log(`${name}: ${row.reqs.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.queries?.toFixed(1) ?? '—'} queries, ${row.errors} errors`)
  return row
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('No portal build: run `npm run build` first (bench:web builds nothing new).')
  if (!fs.existsSync(path.join(root, 'bench/floor/.next/BUILD_ID'))) {
    const built = spawnSync(next, ['build', 'bench/floor'], { cwd: root, stdio: 'inherit' })
    if (built.status !== 0) throw new Error('could not build the floor app')
  }
  const db = new pg.Client({ connectionString: BENCH_URL })
  await db.connect()
  const total = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Case"`)).rows[0]!.n)
  const users = await prepareUsers(db)
  await db.end()

  const base = { ...process.env, NODE_ENV: 'production' as const }
  const floor = start(['start', 'bench/floor', '-p', '3301', '-H', '127.0.0.1'], base, path.join(os.tmpdir(), 'portal-bench-floor.log'))
  const portal = start(
    ['start', '-p', '3302', '-H', '127.0.0.1'],
    { ...base, DATABASE_URL: BENCH_URL, NEXTAUTH_SECRET: 'bench-web-secret-0123456789abcdefghij', NEXTAUTH_URL: PORTAL, BACKGROUND_JOBS: 'off' },
    portalLog,
  )
  const stop = () => {
    for (const child of [floor, portal]) {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        // already gone
      }
    }
  }
  try {
    await ready(`${FLOOR}/api/floor`, floor)
    await ready(`${PORTAL}/api/health`, portal)
    const engineer = await signIn('engineer7@bench.example')
    const customer = await signIn(users.customerEmail)
    const bearer = { authorization: `Bearer ${users.engineerToken}` }
    let cursor = ''
    for (let page = 1; page <= 20; page++) {
      const body = (await (await fetch(`${PORTAL}/api/v1/queue${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: bearer })).json()) as {
        nextCursor: string | null
      }
      cursor = body.nextCursor ?? cursor
    }
    const caseBody = JSON.stringify({
      supportId: users.supportId,
      category: 'TECHNICAL',
      severity: 3,
      product: 'Vault Backup & Replication',
      version: '13.0',
      title: 'Made by bench:web',
      description: 'Case creation under load.',
      preferredLanguage: 'English',
    })
    const rows = [
      await load('floor: bare route handler', `${FLOOR}/api/floor`),
      await load('`GET /api/v1/me` (bearer)', `${PORTAL}/api/v1/me`, { headers: bearer }),
      await load('`GET /api/v1/queue` first page', `${PORTAL}/api/v1/queue`, { headers: bearer }),
      await load('`GET /api/v1/queue` 21st page', `${PORTAL}/api/v1/queue?cursor=${encodeURIComponent(cursor)}`, { headers: bearer }),
      await load('`GET /queue` HTML (engineer)', `${PORTAL}/queue`, { headers: { cookie: engineer } }),
      await load('`GET /cases` HTML (customer)', `${PORTAL}/cases`, { headers: { cookie: customer } }),
      await load(`\`GET /cases/${users.caseNumber}\` HTML (customer)`, `${PORTAL}/cases/${users.caseNumber}`, { headers: { cookie: customer } }),
      await load('`POST /api/v1/cases` (10 connections)', `${PORTAL}/api/v1/cases`, {
        method: 'POST',
        connections: 10,
        headers: { authorization: `Bearer ${users.customerToken}`, 'content-type': 'application/json' },
        body: caseBody,
      }),
    ]
    const floorRate = rows[0]!.reqs
    const table = [
      '| endpoint | req/s | × floor | p50 | p99 | queries per request | errors |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.reqs.toFixed(0)} | ${(r.reqs / floorRate).toFixed(3)} | ${r.p50} ms | ${r.p99} ms | ${r.queries === null ? '—' : r.queries.toFixed(1)} | ${r.errors} |`,
      ),
    ]
    const section = [
      '## Web',
      '',
      `Command: \`npm run bench:web\` (after \`npm run build\` and \`npm run bench:queue:generate\`). Date: ${new Date().toISOString().slice(0, 10)}. Machine: nproc ${os.cpus().length}, Node ${process.version}, PostgreSQL on 127.0.0.1, ${total.toLocaleString('en')} cases. One run: the floor (bench/floor, a bare Next.js route handler) and the portal (\`next start\`, BACKGROUND_JOBS=off) side by side on this machine; autocannon, 20 connections (case creation 10), ${SECONDS} s per endpoint after a 2 s warm-up. "queries per request" is the mean of the request log's \`queries\` field over the measured requests.`,
      '',
      ...table,
      '',
    ].join('\n')
    console.log(`\n${table.join('\n')}\nwritten to ${writeResultsSection('## Web', section)}`)
  } finally {
    stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
