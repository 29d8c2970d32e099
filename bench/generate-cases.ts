/**
 * Generates the queue benchmark's database: `tsx --conditions=react-server bench/generate-cases.ts [--cases 1000000]`.
 *
 * A PostgreSQL database (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/portal_bench;
 * created when missing), migrated, with the reference data, 2,000 customer organisations with
 * 3,000 Support IDs over every tier and region, 60 engineers, and N cases over five years with a
 * realistic shape: most old cases closed, a tail of old open ones (some never answered: long
 * breached), and recent cases in every status. Response targets come from the SLA engine with each
 * Support ID's calendar, exactly as the portal stores them. Deterministic (fixed seed) and
 * idempotent: a database that already holds N cases is left alone. Inserts in batches through
 * unnest() arrays, then ANALYZE.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { PrismaClient } from '../src/generated/prisma/client'
import { adapterFactoryFor, createDatabase } from '../src/db/adapter'
import { deployMigrations } from '../src/db/migrations'
import { seedReferenceData } from '../prisma/seed/demo'
import { rng } from '../prisma/seed/random'
import { responseTarget, type Severity, type Tier } from '../src/lib/sla'

export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/portal_bench'
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const N = arg('cases', 1_000_000)
const BATCH = 5_000
const DAY = 86_400_000
const HOUR = 3_600_000
const YEARS = 5

async function ensureDatabase(): Promise<void> {
  const u = new URL(BENCH_URL)
  const name = u.pathname.slice(1)
  const admin = new URL(BENCH_URL)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  await client.end()
  if (exists.rowCount === 0) {
    await createDatabase(admin.toString(), name)
    console.log(`created database ${name}`)
  }
}

async function main() {
  await ensureDatabase()
  const target = { kind: 'postgres' as const, url: BENCH_URL }
  const applied = await deployMigrations(target)
  if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`)
  const db = new PrismaClient({ adapter: adapterFactoryFor(target) })
  const existing = await db.case.count()
  if (existing === N) {
    console.log(`${BENCH_URL} already holds ${N.toLocaleString('en')} cases: nothing to do`)
    await db.$disconnect()
    return
  }
  if (existing > 0) throw new Error(`${BENCH_URL} holds ${existing} cases, not ${N}: drop the database (dropdb portal_bench) and run again`)

  const started = Date.now()
  const r = rng(4_2026)
  const products = await seedReferenceData(db)
  const versions = await db.productVersion.findMany({ select: { id: true } })
  const regions = await db.region.findMany({ include: { holidayCalendar: { include: { holidays: true } } } })

  // People and contracts.
  const vendor = await db.organisation.upsert({
    where: { id: 'bench_vendor' },
    update: {},
    create: { id: 'bench_vendor', name: 'Vault Software', kind: 'VENDOR' },
  })
  const engineerIds: string[] = []
  for (let i = 0; i < 60; i++) {
    const u = await db.user.upsert({
      where: { email: `engineer${i}@bench.example` },
      update: {},
      create: {
        email: `engineer${i}@bench.example`,
        name: `Engineer ${i}`,
        passwordHash: 'not-a-hash',
        organisationId: vendor.id,
        vendorRoles: i < 4 ? ['ENGINEER', 'MANAGER'] : ['ENGINEER'],
        timeZone: 'UTC',
      },
    })
    engineerIds.push(u.id)
  }
  const ZONES: Record<string, string[]> = {
    US: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
    CA: ['America/Toronto', 'America/Vancouver'],
    EMEA: ['Europe/Berlin', 'Europe/London', 'Europe/Paris', 'Europe/Madrid', 'Europe/Moscow', 'Africa/Johannesburg'],
    APAC: ['Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Shanghai'],
    LATAM: ['America/Sao_Paulo', 'America/Mexico_City', 'America/Bogota'],
  }
  const TIER_WEIGHTS = [
    ['PREMIER', 8],
    ['PRODUCTION', 30],
    ['BASIC', 37],
    ['EVALUATION', 10],
    ['FREE_NFR', 15],
  ] as const
  type Sid = { id: string; organisationId: string; tier: Tier; regionCode: string; timeZone: string; holidays: string[]; languages: string[]; openerId: string }
  const sids: Sid[] = []
  const orgRows = Array.from({ length: 2_000 }, (_, i) => {
    const region = r.weighted(regions.map((x) => [x, x.code === 'US' ? 4 : x.code === 'EMEA' ? 4 : 2] as const))
    return { id: `bench_org_${i}`, name: `Customer ${i}`, kind: 'CUSTOMER' as const, regionCode: region.code }
  })
  await db.organisation.createMany({ data: orgRows, skipDuplicates: true })
  await db.user.createMany({
    data: orgRows.map((o) => ({
      id: `bench_user_${o.id}`,
      email: `admin@${o.id}.example`,
      name: `Admin of ${o.name}`,
      passwordHash: 'not-a-hash',
      organisationId: o.id,
    })),
    skipDuplicates: true,
  })
  let sidIndex = 0
  const sidRows = []
  for (const o of orgRows) {
    const region = regions.find((x) => x.code === o.regionCode)!
    const count = r.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const)
    for (let k = 0; k < count && sidIndex < 3_000; k++) {
      const tier = r.weighted(TIER_WEIGHTS)
      const timeZone = r.pick(ZONES[region.code] ?? [region.defaultTimeZone])
      const id = `bench_sid_${sidIndex++}`
      sidRows.push({
        id,
        code: `BN-${String(sidIndex).padStart(5, '0')}`,
        organisationId: o.id,
        tier,
        regionCode: region.code,
        siteTimeZone: timeZone,
        maintenanceStart: new Date(Date.now() - 6 * 365 * DAY),
        maintenanceEnd: new Date(Date.now() + 365 * DAY),
        accountManagerId: tier === 'PREMIER' ? engineerIds[0]! : null,
      })
      sids.push({
        id,
        organisationId: o.id,
        tier,
        regionCode: region.code,
        timeZone,
        holidays: region.holidayCalendar.holidays.map((h) => h.date.toISOString().slice(0, 10)),
        languages: region.languages,
        openerId: `bench_user_${o.id}`,
      })
    }
  }
  await db.supportId.createMany({ data: sidRows, skipDuplicates: true })
  await db.supportIdProduct.createMany({ data: sidRows.flatMap((s) => products.map((p) => ({ supportIdId: s.id, productId: p.id }))), skipDuplicates: true })
  await db.$disconnect()
  console.log(`reference data, 2,000 organisations, ${sids.length} Support IDs, 60 engineers: ${((Date.now() - started) / 1000).toFixed(1)} s`)

  // Cases, in batches.
  const now = Date.now()
  const span = YEARS * 365 * DAY
  const client = new pg.Client({ connectionString: BENCH_URL })
  await client.connect()
  const counts: Record<string, number> = {}
  for (let done = 0; done < N; done += BATCH) {
    const n = Math.min(BATCH, N - done)
    const cols: Record<string, unknown[]> = {
      id: [],
      supportIdId: [],
      organisationId: [],
      tier: [],
      regionCode: [],
      productVersionId: [],
      category: [],
      severity: [],
      status: [],
      title: [],
      preferredLanguage: [],
      openedById: [],
      openedAt: [],
      targetKind: [],
      targetDueAt: [],
      targetMinutes: [],
      targetClock: [],
      firstResponseAt: [],
      responseDueAt: [],
      assigneeId: [],
      resolutionCode: [],
      resolvedAt: [],
      closedAt: [],
    }
    for (let i = 0; i < n; i++) {
      const s = r.pick(sids)
      // Denser towards now: a support organisation grows.
      const age = span * Math.pow(r.next(), 1.5)
      const openedAt = now - age
      const ageDays = age / DAY
      const category = r.weighted([
        ['TECHNICAL', 85],
        ['LICENSING', 10],
        ['FEEDBACK', 5],
      ] as const)
      const minSeverity = s.tier === 'EVALUATION' || s.tier === 'FREE_NFR' ? 2 : 1
      const severity = (
        category === 'FEEDBACK'
          ? 4
          : Math.max(
              minSeverity,
              r.weighted([
                [1, 8],
                [2, 30],
                [3, 42],
                [4, 20],
              ] as const),
            )
      ) as Severity
      const status =
        ageDays < 2
          ? r.weighted([
              ['NEW', 45],
              ['IN_PROGRESS', 35],
              ['WAITING_ON_CUSTOMER', 20],
            ] as const)
          : ageDays < 30
            ? r.weighted([
                ['NEW', 5],
                ['IN_PROGRESS', 30],
                ['WAITING_ON_CUSTOMER', 20],
                ['RESOLVED', 25],
                ['CLOSED', 20],
              ] as const)
            : r.weighted([
                ['CLOSED', 87],
                ['RESOLVED', 2],
                ['IN_PROGRESS', 6],
                ['WAITING_ON_CUSTOMER', 4],
                ['NEW', 1],
              ] as const)
      counts[status] = (counts[status] ?? 0) + 1
      let kind: 'DEADLINE' | 'BEST_EFFORT' | 'NONE' = 'NONE'
      let dueAt: number | null = null
      let minutes: number | null = null
      let clock: 'BUSINESS' | 'CONTINUOUS' | null = null
      if (category !== 'FEEDBACK') {
        const t = responseTarget({ tier: s.tier, severity, openedAt: new Date(openedAt), timeZone: s.timeZone, holidays: s.holidays })
        if (t.kind === 'deadline') {
          kind = 'DEADLINE'
          dueAt = t.dueAt.getTime()
          minutes = t.minutes
          clock = t.clock === 'business' ? 'BUSINESS' : 'CONTINUOUS'
        } else kind = 'BEST_EFFORT'
      }
      const window = dueAt ? dueAt - openedAt : 24 * HOUR
      const firstResponseAt =
        status === 'NEW' ? null : Math.min(now - 60_000, openedAt + window * (r.next() < 0.85 ? 0.15 + 0.8 * r.next() : 1.1 + 2 * r.next()))
      const resolvedAt = status === 'RESOLVED' || status === 'CLOSED' ? Math.min(now - 60_000, firstResponseAt! + (0.5 + 10 * r.next()) * DAY) : null
      const closedAt = status === 'CLOSED' ? Math.min(now - 60_000, resolvedAt! + (1 + 2 * r.next()) * DAY) : null
      const assigned = status !== 'NEW' || r.next() < 0.3
      cols.id!.push(`c${randomBytes(12).toString('hex')}`)
      cols.supportIdId!.push(s.id)
      cols.organisationId!.push(s.organisationId)
      cols.tier!.push(s.tier)
      cols.regionCode!.push(s.regionCode)
      cols.productVersionId!.push(category === 'FEEDBACK' ? null : r.pick(versions).id)
      cols.category!.push(category)
      cols.severity!.push(severity)
      cols.status!.push(status)
      cols.title!.push(`Generated case ${done + i + 1}`)
      cols.preferredLanguage!.push(r.next() < 0.75 ? s.languages[0]! : r.pick(s.languages))
      cols.openedById!.push(s.openerId)
      cols.openedAt!.push(new Date(openedAt))
      cols.targetKind!.push(kind)
      cols.targetDueAt!.push(dueAt ? new Date(dueAt) : null)
      cols.targetMinutes!.push(minutes)
      cols.targetClock!.push(clock)
      cols.firstResponseAt!.push(firstResponseAt ? new Date(firstResponseAt) : null)
      cols.responseDueAt!.push(firstResponseAt || resolvedAt ? null : dueAt ? new Date(dueAt) : null)
      cols.assigneeId!.push(assigned ? r.pick(engineerIds) : null)
      cols.resolutionCode!.push(resolvedAt ? r.pick(['SOLUTION_OR_WORKAROUND', 'HOTFIX_OR_PATCH', 'UPGRADE', 'KNOWLEDGE_BASE', 'DUPLICATE']) : null)
      cols.resolvedAt!.push(resolvedAt ? new Date(resolvedAt) : null)
      cols.closedAt!.push(closedAt ? new Date(closedAt) : null)
    }
    await client.query(
      `INSERT INTO "Case" ("id", "supportIdId", "organisationId", "tier", "regionCode", "productVersionId", "category", "severity", "status", "title", "description",
         "preferredLanguage", "openedById", "openedAt", "targetKind", "targetDueAt", "targetMinutes", "targetClock", "firstResponseAt", "responseDueAt",
         "assigneeId", "resolutionCode", "resolvedAt", "closedAt", "lastCustomerActivityAt", "updatedAt")
       SELECT u.id, u.sid, u.org, u.tier, u.region, u.pv, u.category, u.severity, u.status, u.title, 'Generated for the queue benchmark.',
         u.lang, u.opener, u.opened, u.kind, u.due, u.minutes, u.clock, u.first, u.rdue, u.assignee, u.code, u.resolved, u.closed, u.opened, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::"Tier"[], $5::text[], $6::text[], $7::"CaseCategory"[], $8::int[], $9::"CaseStatus"[], $10::text[],
         $11::text[], $12::text[], $13::timestamptz[], $14::"TargetKind"[], $15::timestamptz[], $16::int[], $17::"SlaClock"[], $18::timestamptz[], $19::timestamptz[],
         $20::text[], $21::"ResolutionCode"[], $22::timestamptz[], $23::timestamptz[])
         AS u(id, sid, org, tier, region, pv, category, severity, status, title, lang, opener, opened, kind, due, minutes, clock, first, rdue, assignee, code, resolved, closed)`,
      Object.values(cols),
    )
    if ((done / BATCH) % 20 === 0) process.stdout.write(`  ${(done + n).toLocaleString('en')} cases…\n`)
  }
  // As autovacuum would: statistics for the planner, and the visibility map for index-only scans.
  await client.query('VACUUM ANALYZE "Case"')
  await client.end()
  console.log(`${N.toLocaleString('en')} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; by status: ${JSON.stringify(counts)}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
