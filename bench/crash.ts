// Crash test: under a load of concurrent case creations against `next start` on PostgreSQL, kill
// the server with SIGKILL, start it again, and check that every case whose creation was
// acknowledged (201) exists with its events, and that no case is half-written.
//
//   npx tsx --conditions=react-server bench/crash.ts            full run (bench/RESULTS.md)
//   npx tsx --conditions=react-server bench/crash.ts --light    the lighter run of `npm test`
//
// Needs a production build (`next build`, honouring NEXT_DIST_DIR) and a local PostgreSQL server.
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

const light = process.argv.includes('--light')
const WORKERS = light ? 4 : 16
const KILL_AFTER_ACKS = light ? 40 : 400
const PORT = Number(process.env.CRASH_PORT ?? 3190)
const BASE = `http://127.0.0.1:${PORT}`

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  // Own process group, so SIGKILL reaches next's whole process tree at once.
  return spawn('npx', ['next', 'start', '-p', String(PORT)], { env, detached: true, stdio: 'ignore' })
}

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

async function main() {
  const server = await findTestServer()
  if (!server) {
    console.log('crash test: skipped — it needs a PostgreSQL server (embedded PGlite is one process and has no crash-safe server to kill)')
    return
  }
  const name = uniqueDbName('portal_crash')
  const url = await createDatabase(server, name)
  const db = new PrismaClient({ adapter: adapterFactoryFor({ kind: 'postgres', url }) })
  let child: ChildProcess | undefined
  try {
    await deployMigrations({ kind: 'postgres', url })
    await seedDemo(db, new Date())
    const user = await db.user.findUniqueOrThrow({ where: { email: 'caseadmin@acme.example' } })
    const secret = `sp_${randomBytes(24).toString('base64url')}`
    await db.apiToken.create({
      data: {
        userId: user.id,
        name: 'crash test',
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, 7),
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    })
    const casesBefore = await db.case.count()

    const env = {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: 'crash-test-secret-0123456789',
      NEXTAUTH_URL: BASE,
      BACKGROUND_JOBS: 'off',
      NODE_ENV: 'production' as const,
    }
    child = startServer(env)
    await waitReady()

    const acknowledged: number[] = []
    let sent = 0
    let failedWhileUp = 0
    let refusedAtKill = 0
    let killed = false
    const body = (i: number) =>
      JSON.stringify({
        supportId: 'AC-PROD-1002',
        category: 'TECHNICAL',
        severity: 2,
        product: 'Vault Backup & Replication',
        version: '13.0',
        title: `Crash test case ${i}`,
        description: 'Created under load while the server is killed.',
        preferredLanguage: 'English',
      })
    // A server that never acknowledges (another process on the port, a broken build) must end the
    // run, not loop: after LOAD_DEADLINE_MS the load stops and the check below fails.
    const LOAD_DEADLINE_MS = 120_000
    const loadUntil = Date.now() + LOAD_DEADLINE_MS
    const worker = async () => {
      while (!killed && Date.now() < loadUntil) {
        const i = sent++
        try {
          const res = await fetch(`${BASE}/api/v1/cases`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: body(i),
          })
          if (res.status === 201) acknowledged.push(((await res.json()) as { number: number }).number)
          else failedWhileUp++
        } catch {
          if (killed) refusedAtKill++
          else failedWhileUp++
        }
        if (acknowledged.length >= KILL_AFTER_ACKS && !killed) {
          killed = true
          process.kill(-child!.pid!, 'SIGKILL')
        }
      }
    }
    const started = Date.now()
    await Promise.all(Array.from({ length: WORKERS }, worker))
    const loadSeconds = (Date.now() - started) / 1000
    if (!killed)
      throw new Error(
        `the server acknowledged ${acknowledged.length} of ${KILL_AFTER_ACKS} cases in ${LOAD_DEADLINE_MS / 1000} s (${failedWhileUp} refused): is something else answering on ${BASE}?`,
      )

    // Restart on the same database and look at what survived.
    child = startServer(env)
    await waitReady()
    const rows = await db.case.findMany({
      where: { number: { in: acknowledged } },
      select: { number: true, events: { where: { type: 'case.opened' }, select: { id: true } } },
    })
    const found = rows.filter((r) => r.events.length === 1).length
    const halfWritten = await db.case.count({ where: { events: { none: { type: 'case.opened' } } } })
    const total = await db.case.count()
    const afterRestart = await fetch(`${BASE}/api/v1/cases/${acknowledged[0]}`, { headers: { authorization: `Bearer ${secret}` } })
    const summary = {
      mode: light ? 'light' : 'full',
      workers: WORKERS,
      requestsSent: sent,
      acknowledged: acknowledged.length,
      found,
      lost: acknowledged.length - found,
      halfWritten,
      createdButUnacknowledged: total - casesBefore - acknowledged.length,
      inFlightAtKill: refusedAtKill,
      failedBeforeKill: failedWhileUp,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      servesAfterRestart: afterRestart.status === 200,
    }
    console.log(`crash test: acknowledged ${summary.acknowledged}, found ${summary.found}, lost ${summary.lost}, half-written ${summary.halfWritten}`)
    console.log(JSON.stringify(summary))
    if (!light) {
      const rows = Object.entries(summary).map(([k, v]) => `| ${k} | ${String(v)} |`)
      const section = [
        '## Crash',
        '',
        `Command: \`npm run bench:crash\` (= \`tsx --conditions=react-server bench/crash.ts\`; \`--light\` in \`npm test\`). Date: ${new Date().toISOString().slice(0, 10)}. Machine: nproc ${os.cpus().length}, Node ${process.version}, PostgreSQL on 127.0.0.1.`,
        '',
        `${WORKERS} concurrent clients POST /api/v1/cases (bearer token) against \`next start\`; after ${KILL_AFTER_ACKS} acknowledged (201) creations the server's process group gets SIGKILL; the server is started again on the same database and every acknowledged case is looked up with its \`case.opened\` event. "halfWritten" counts cases without that event (a case written without its history).`,
        '',
        '| measure | value |',
        '|---|---|',
        ...rows,
        '',
      ].join('\n')
      console.log(`wrote ${writeResultsSection('## Crash', section)}`)
    }
    if (summary.lost !== 0 || summary.halfWritten !== 0 || !summary.servesAfterRestart || summary.failedBeforeKill !== 0) process.exitCode = 1
  } finally {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL')
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
