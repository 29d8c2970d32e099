/**
 * Queue benchmark — `tsx --import ./bench/server-only-hook.mjs bench/queue.ts` (after bench/generate-cases.ts).
 *
 * Against the generated PostgreSQL database (BENCH_DATABASE_URL, default portal_bench, 1,000,000
 * cases), times `findQueue` — the same service the /queue page and GET /api/v1/queue call, so
 * "server time" here is everything the server does for a page: validation, the keyset query, the
 * row details, the customers' calendars and the business-time "time left" of each row. Per
 * scenario: 20 warm-up calls, then 200 timed calls; median and p95. Deep pages start from a
 * cursor taken at a given position of the queue. For contrast, the same deep page with OFFSET.
 * Also records EXPLAIN (ANALYZE, BUFFERS) of the deep page's key query, and writes the "Queue"
 * section of bench/RESULTS.md.
 */
import { execSync } from 'node:child_process'
import os from 'node:os'
import { writeResultsSection } from './results'
import { performance } from 'node:perf_hooks'

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/portal_bench'
process.env.DATABASE_URL = BENCH_URL
process.env.BACKGROUND_JOBS = 'off'

const WARMUP = 20
const RUNS = 200

async function main() {
  // Imported after DATABASE_URL is set: the app's Prisma client reads it once, at import.
  const { prisma } = await import('../src/server/db/client')
  const { findQueue, encodeCursor, queueKeysQuery } = await import('../src/server/queue/find-queue')
  const { loadActor } = await import('../src/server/auth/actor')
  const { Prisma } = await import('../src/generated/prisma/client')

  const total = await prisma.case.count()
  const open = await prisma.case.count({ where: { status: { in: ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'] } } })
  const due = await prisma.case.count({ where: { status: { in: ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'] }, responseDueAt: { not: null } } })
  const engineerRow = await prisma.user.findFirstOrThrow({ where: { email: 'engineer7@bench.example' }, select: { id: true } })
  const actor = (await loadActor(engineerRow.id))!
  const mine = await prisma.case.count({ where: { status: { in: ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'] }, assigneeId: actor.id } })
  console.log(
    `${total.toLocaleString('en')} cases, ${open.toLocaleString('en')} open (${due.toLocaleString('en')} with a pending deadline); engineer7 has ${mine.toLocaleString('en')}`,
  )

  /** The cursor that starts the queue after its `position`-th row (found once, slowly, with OFFSET). */
  async function cursorAt(position: number): Promise<string> {
    const [row] = await prisma.$queryRaw<{ id: string; responseDueAt: Date | null; openedAt: Date }[]>`SELECT "id", "responseDueAt", "openedAt" FROM "Case"
      WHERE "status" IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')
      ORDER BY "responseDueAt" ASC NULLS LAST, CASE WHEN "responseDueAt" IS NULL THEN "openedAt" END, "id" OFFSET ${position - 1} LIMIT 1`
    if (!row) throw new Error(`the queue has fewer than ${position} rows`)
    return encodeCursor(
      row.responseDueAt ? { seg: 'due', due: row.responseDueAt.getTime(), id: row.id } : { seg: 'rest', opened: row.openedAt.getTime(), id: row.id },
    )
  }
  const deepDue = Math.floor(due * 0.9)
  const deepRest = Math.floor(open * 0.9)
  const scenarios: { name: string; input: Record<string, string | number> }[] = [
    { name: 'first page (50 rows), no filter', input: {} },
    { name: 'first page, mine', input: { assignee: 'mine' } },
    { name: 'first page, unassigned', input: { assignee: 'unassigned' } },
    { name: 'first page, tier Basic + region EMEA', input: { tier: 'BASIC', region: 'EMEA' } },
    { name: 'first page, language Japanese (rare)', input: { language: 'Japanese' } },
    { name: 'first page, severity 1 + product', input: { severity: 1, product: 'Vault Backup & Replication' } },
    { name: `deep page: after row ${deepDue.toLocaleString('en')} (pending deadlines)`, input: { cursor: await cursorAt(deepDue) } },
    { name: `deep page: after row ${deepRest.toLocaleString('en')} (answered / best effort)`, input: { cursor: await cursorAt(deepRest) } },
    { name: `deep page after row ${deepRest.toLocaleString('en')}, tier Production`, input: { cursor: await cursorAt(deepRest), tier: 'PRODUCTION' } },
  ]
  const products = await prisma.product.findMany({ select: { name: true } })
  if (!products.some((p) => p.name === 'Vault Backup & Replication')) scenarios[5]!.input.product = products[0]!.name

  const results: { name: string; median: number; p95: number; rows: number }[] = []
  const time = async (run: () => Promise<number>) => {
    for (let i = 0; i < WARMUP; i++) await run()
    const samples: number[] = []
    let rows = 0
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now()
      rows = await run()
      samples.push(performance.now() - t0)
    }
    samples.sort((a, b) => a - b)
    return { median: samples[Math.floor(RUNS / 2)]!, p95: samples[Math.ceil(RUNS * 0.95) - 1]!, rows }
  }
  for (const s of scenarios) {
    const r = await time(async () => (await findQueue({ actor, input: s.input, now: new Date() })).cases.length)
    results.push({ name: s.name, ...r })
    console.log(`${s.name}: median ${r.median.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (${r.rows} rows)`)
  }
  // Contrast: the same deep page by OFFSET (what keyset pagination avoids): the key query only.
  const offset = await time(async () => {
    const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Case" WHERE "status" IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')
      ORDER BY "responseDueAt" ASC NULLS LAST, CASE WHEN "responseDueAt" IS NULL THEN "openedAt" END, "id" OFFSET ${deepRest} LIMIT 51`
    return rows.length
  })
  const keysetKeys = await time(async () => {
    const { sql } = await queueKeysQuery({ actor, input: scenarios[7]!.input })
    return (await prisma.$queryRaw<unknown[]>(sql!)).length
  })
  console.log(`contrast, key query only: keyset ${keysetKeys.median.toFixed(2)} ms vs OFFSET ${offset.median.toFixed(2)} ms`)

  // The plan of the deep page's key query.
  const { sql } = await queueKeysQuery({ actor, input: scenarios[7]!.input })
  const plan = await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql!}`)
  const planText = plan.map((p) => p['QUERY PLAN']).join('\n')
  const indexes = [...new Set([...planText.matchAll(/Index (?:Only )?Scan using "?(\w+)"?/g)].map((m) => m[1]))]
  const execMs = /Execution Time: ([\d.]+) ms/.exec(planText)?.[1]
  const seqScan = /Seq Scan/.test(planText)
  console.log(planText)
  await prisma.$disconnect()

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const pgVersion = execSync(`psql "${BENCH_URL}" -Atc "show server_version"`).toString().trim()
  const f = (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`
  const lines = [
    '## Queue',
    '',
    `Command: \`npx tsx --conditions=react-server bench/generate-cases.ts\` (once: about 3 minutes here), then \`npx tsx --import ./bench/server-only-hook.mjs bench/queue.ts\`. Date: ${new Date().toISOString().slice(0, 10)}. Machine: nproc ${os.cpus().length}, ${cpu}, Node ${process.version}, PostgreSQL ${pgVersion} (local, default settings).`,
    '',
    `${total.toLocaleString('en')} cases over five years (bench/generate-cases.ts: 2,000 organisations, 3,000 Support IDs in every tier and region, targets from the SLA engine in each customer's calendar); ${open.toLocaleString('en')} open, ${due.toLocaleString('en')} of them with a pending response deadline. Server time = one call of \`findQueue\` (the service behind /queue and GET /api/v1/queue: validation, the keyset query, row details, customers' calendars, business-time "time left" per row), ${WARMUP} warm-up calls then ${RUNS} timed ones, in-process on the same machine as PostgreSQL. Pages of 50 rows.`,
    '',
    '| scenario | median | p95 | rows |',
    '|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${f(r.median)} | ${f(r.p95)} | ${r.rows} |`),
    '',
    `| deep page after row ${deepRest.toLocaleString('en')}, key query only | median | p95 |`,
    '|---|---|---|',
    `| keyset (what the queue does) | ${f(keysetKeys.median)} | ${f(keysetKeys.p95)} |`,
    `| OFFSET ${deepRest.toLocaleString('en')} (for contrast; not used) | ${f(offset.median)} | ${f(offset.p95)} |`,
    '',
    `Plan of the deep page's key query (EXPLAIN ANALYZE): ${seqScan ? 'a sequential scan (!)' : 'no sequential scan'}; index range scans on ${indexes.map((i) => `\`${i}\``).join(', ')}, each stopping after ≤ 51 rows, merged and cut to 51; execution ${execMs ?? '?'} ms. No count of the table is made per page view.`,
    '',
  ]
  const section = lines.join('\n')
  console.log(section)
  const resultsPath = writeResultsSection('## Queue', section)
  console.log(`wrote ${resultsPath}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
