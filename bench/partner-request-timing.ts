// Timing of a partner's access request (issue 10, decision 0018): does an unknown Support ID code
// take measurably longer or shorter than a real one? Against `next start` on PostgreSQL, a partner
// (bearer token) sends, one at a time in a shuffled order, first requests for 200 unknown codes,
// 200 real Support IDs with 2 administrators and 200 real Support IDs with 10 administrators, then
// 200 repeats of each (the 409 "already pending"). The background worker runs as in production
// (`--worker-off`: without it, the request's own cost alone). Codes of each group are equally long.
//
//   npx tsx --conditions=react-server bench/partner-request-timing.ts [--worker-off]
//
// Needs a production build (`next build`) and a local PostgreSQL server. TIMING_PORT (3204).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { PrismaClient } from '../src/generated/prisma/client'
import { adapterFactoryFor, createDatabase, dropDatabase } from '../src/db/adapter'
import { deployMigrations } from '../src/db/migrations'
import { hashToken } from '../src/server/auth/token-hash'
import { seedDemo } from '../prisma/seed/demo'
import { findTestServer, uniqueDbName } from '../tests/support/test-db'
import { writeResultsSection } from './results'

const N = 200
const WARMUP = 30
const WORKER = process.argv.includes('--worker-off') ? 'off' : 'on'
const HEADING = `## Partner access request timing (worker ${WORKER})`
const PORT = Number(process.env.TIMING_PORT ?? 3204)
const BASE = `http://127.0.0.1:${PORT}`
const DAY = 86_400_000

async function waitReady(deadlineMs = 60_000) {
  const until = Date.now() + deadlineMs
  while (Date.now() < until) {
    try {
      if ((await fetch(`${BASE}/api/v1/openapi.json`)).ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('the server did not start within 60 s')
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b)
  const r = (x: number) => Number(x.toFixed(2))
  return {
    n: s.length,
    median: r(quantile(s, 0.5)),
    p25: r(quantile(s, 0.25)),
    p75: r(quantile(s, 0.75)),
    p90: r(quantile(s, 0.9)),
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
  }
}
function shuffle<T>(xs: T[]): T[] {
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[a[i], a[j]] = [a[j]!, a[i]!]
  }
  return a
}

async function main() {
  const server = await findTestServer()
  if (!server) throw new Error('needs a PostgreSQL server')
  const name = uniqueDbName('portal_timing')
  const url = await createDatabase(server, name)
  const db = new PrismaClient({ adapter: adapterFactoryFor({ kind: 'postgres', url }) })
  let child: ChildProcess | undefined
  try {
    await deployMigrations({ kind: 'postgres', url })
    const now = new Date()
    await seedDemo(db, now)
    const acme = await db.organisation.findFirstOrThrow({ where: { name: 'Acme' } })
    const partner = await db.user.findUniqueOrThrow({ where: { email: 'partner@northwind.example' } })
    const two = await db.user.findMany({ where: { email: { in: ['caseadmin@acme.example', 'licadmin@acme.example'] } }, select: { id: true } })
    const hash = (await db.user.findUniqueOrThrow({ where: { email: 'caseadmin@acme.example' } })).passwordHash
    const ten = [...two]
    for (let i = 0; i < 8; i++) {
      ten.push(
        await db.user.create({
          data: { email: `bench-admin-${i}@acme.example`, name: `Bench Admin ${i}`, organisationId: acme.id, passwordHash: hash, timeZone: 'America/Chicago' },
          select: { id: true },
        }),
      )
    }
    const makeIds = async (prefix: string, admins: { id: string }[], count: number) => {
      const codes = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`)
      await db.supportId.createMany({
        data: codes.map((code) => ({
          code,
          organisationId: acme.id,
          tier: 'PRODUCTION' as const,
          regionCode: 'US',
          siteTimeZone: 'America/Chicago',
          maintenanceStart: new Date(now.getTime() - 100 * DAY),
          maintenanceEnd: new Date(now.getTime() + 300 * DAY),
        })),
      })
      const ids = await db.supportId.findMany({ where: { code: { in: codes } }, select: { id: true } })
      await db.supportIdRole.createMany({
        data: ids.flatMap((s) =>
          admins.map((a, k) => ({ userId: a.id, supportIdId: s.id, role: k === 1 ? ('LICENSE_ADMIN_PRIMARY' as const) : ('CASE_ADMIN' as const) })),
        ),
      })
      return codes
    }
    const groups = {
      unknown: Array.from({ length: N + WARMUP }, (_, i) => `ZZ-NON-${String(i).padStart(4, '0')}`),
      real2: await makeIds('BN-TWO', two, N + WARMUP),
      real10: await makeIds('BN-TEN', ten, N + WARMUP),
    }
    const secret = `sp_${randomBytes(24).toString('base64url')}`
    await db.apiToken.create({
      data: {
        userId: partner.id,
        name: 'timing',
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, 7),
        createdAt: now,
        expiresAt: new Date(now.getTime() + DAY),
      },
    })

    const env = {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: 'timing-secret-0123456789abcdef',
      NEXTAUTH_URL: BASE,
      BACKGROUND_JOBS: WORKER,
      NODE_ENV: 'production' as const,
    }
    child = spawn('npx', ['next', 'start', '-p', String(PORT)], { env, detached: true, stdio: 'ignore' })
    await waitReady()

    const send = async (code: string) => {
      const t0 = performance.now()
      const res = await fetch(`${BASE}/api/v1/partner-grants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ supportIdCode: code }),
      })
      const body = await res.text()
      return { ms: performance.now() - t0, status: res.status, length: body.length }
    }
    type Group = keyof typeof groups
    const kinds = Object.keys(groups) as Group[]
    // Warm-up (not counted): the first requests compile routes and fill pools.
    for (const code of shuffle(kinds.flatMap((k) => groups[k].slice(N)))) await send(code)

    const run = async (label: string) => {
      const times: Record<Group, number[]> = { unknown: [], real2: [], real10: [] }
      const answers: Record<Group, Set<string>> = { unknown: new Set(), real2: new Set(), real10: new Set() }
      for (const [k, code] of shuffle(kinds.flatMap((k) => groups[k].slice(0, N).map((c) => [k, c] as const)))) {
        const r = await send(code)
        times[k].push(r.ms)
        answers[k].add(`${r.status}/${r.length}`)
      }
      return {
        label,
        stats: Object.fromEntries(kinds.map((k) => [k, stats(times[k])])) as Record<Group, ReturnType<typeof stats>>,
        answers: Object.fromEntries(kinds.map((k) => [k, [...answers[k]].join(', ')])),
      }
    }
    const first = await run('first request (201)')
    const repeat = await run('repeat while pending (409)')
    // Let the worker finish, then check who was told.
    await new Promise((r) => setTimeout(r, 8_000))
    const told = await db.outboxMessage.count({ where: { kind: 'partner-request', subject: { contains: 'ZZ-NON-' } } })
    const toldReal = await db.outboxMessage.count({ where: { kind: 'partner-request' } })

    const rows: string[] = []
    for (const r of [first, repeat]) {
      for (const k of kinds) {
        const s = r.stats[k]
        rows.push(`| ${r.label} | ${k} | ${s.n} | ${s.median} | ${s.p25} | ${s.p75} | ${s.p90} | ${s.mean} | ${r.answers[k]} |`)
      }
    }
    const section = [
      HEADING,
      '',
      `Command: \`npx tsx --conditions=react-server bench/partner-request-timing.ts\`. Date: ${new Date().toISOString().slice(0, 10)}. Machine: nproc ${os.cpus().length}, Node ${process.version}, PostgreSQL on 127.0.0.1, \`next start\` with the background worker on.`,
      '',
      `One partner (bearer token) POSTs /api/v1/partner-grants one request at a time, the groups shuffled together: ${N} codes no Support ID has ("unknown"), ${N} real Support IDs with 2 administrators ("real2") and ${N} with 10 ("real10"); then the same ${N} × 3 again (409, already pending). ${WARMUP} × 3 warm-up requests first, not counted. Milliseconds at the client; "answers" is status/body length. The worker wrote ${told} request mails for unknown codes and ${toldReal} in all.`,
      '',
      '| run | codes | n | median | p25 | p75 | p90 | mean | answers |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n')
    console.log(section)
    if (!process.argv.includes('--no-write')) console.log(`wrote ${writeResultsSection(HEADING, section)}`)
  } finally {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        /* already gone */
      }
    }
    await db.$disconnect()
    await dropDatabase(server, name)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
