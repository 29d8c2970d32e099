import 'server-only'
import { fromZonedTime } from 'date-fns-tz'
import { Prisma } from '@/generated/prisma/client'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, parseInput } from '@/server/errors'
import { calendarsForSupportIds } from '@/server/support-ids/calendar'
import { TIER_HOURS, TIERS, type Tier } from '@/lib/sla'
import { minutesIn, targetCalendar } from '@/lib/sla-state'
import { ZComplianceQuery } from '@/lib/engineer/schemas'

const MAX_DAYS = 366
const DAY = 86_400_000

export type ComplianceCounts = {
  opened: number
  withTarget: number
  met: number
  breached: number
  pending: number
  noTarget: number
  responded: number
  /** met / (met + breached), in percent; null when nothing was decided yet. */
  compliancePct: number | null
  /** Business minutes (the tier's hours, in the customer's calendar; real minutes for 24/7 tiers) from opening to first response. */
  medianMinutes: number | null
  p90Minutes: number | null
}
export type ComplianceRow = ComplianceCounts & { tier: Tier; severity: number; region: string }

/** Percentile with linear interpolation between closest ranks (PostgreSQL's percentile_cont). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const pos = (sorted.length - 1) * p
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

function finish(counts: Omit<ComplianceCounts, 'compliancePct' | 'medianMinutes' | 'p90Minutes'>, minutes: number[]): ComplianceCounts {
  const sorted = [...minutes].sort((a, b) => a - b)
  const decided = counts.met + counts.breached
  return {
    ...counts,
    compliancePct: decided ? round1((100 * counts.met) / decided) : null,
    medianMinutes: round1(percentile(sorted, 0.5)),
    p90Minutes: round1(percentile(sorted, 0.9)),
  }
}

/** The customers' ratings given in the period ("this solved it"): good share of the rated cases. */
export type SatisfactionCounts = { rated: number; good: number; bad: number; goodPct: number | null }
type RatingRow = { tier: Tier; region: string; good: number; bad: number }

const satisfaction = (good: number, bad: number): SatisfactionCounts => ({
  rated: good + bad,
  good,
  bad,
  goodPct: good + bad ? round1((100 * good) / (good + bad)) : null,
})

type CountRow = {
  tier: Tier
  severity: number
  region: string
  opened: number
  withTarget: number
  met: number
  breached: number
  pending: number
  noTarget: number
}
type TimesRow = { supportIdId: string; tier: Tier; severity: number; region: string; opened: number[]; responded: number[] }

/**
 * The SLA compliance report for a date range (local dates in the actor's zone, both included):
 * per tier, severity and region, the cases opened, response targets met, breached and still
 * pending, and the median and 90th-percentile business minutes to first response. Counting is
 * done by PostgreSQL; only the response times of answered cases come back, grouped per Support ID,
 * so business minutes are measured in each customer's own calendar.
 */
export async function complianceReport({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  requireVendor(actor, 'MANAGER')
  const q = parseInput(ZComplianceQuery, input)
  const start = fromZonedTime(`${q.from}T00:00:00`, actor.timeZone)
  const endDay = new Date(Date.parse(`${q.to}T00:00:00Z`) + DAY).toISOString().slice(0, 10)
  const end = fromZonedTime(`${endDay}T00:00:00`, actor.timeZone)
  if ((end.getTime() - start.getTime()) / DAY > MAX_DAYS + 1) {
    throw new AppError('BAD_REQUEST', `Invalid input: to: choose at most ${MAX_DAYS} days`, [{ path: 'to', message: `At most ${MAX_DAYS} days` }])
  }
  const range = Prisma.sql`c."openedAt" >= ${start}::timestamptz AND c."openedAt" < ${end}::timestamptz`
  const deadline = Prisma.sql`c."targetKind" = 'DEADLINE'::"TargetKind"`
  const rated = Prisma.sql`c."ratedAt" >= ${start}::timestamptz AND c."ratedAt" < ${end}::timestamptz`
  const [counts, times, ratings] = await Promise.all([
    prisma.$queryRaw<CountRow[]>`SELECT c."tier"::text AS "tier", c."severity", c."regionCode" AS "region",
        count(*)::int AS "opened",
        (count(*) FILTER (WHERE ${deadline}))::int AS "withTarget",
        (count(*) FILTER (WHERE ${deadline} AND c."firstResponseAt" <= c."targetDueAt"))::int AS "met",
        (count(*) FILTER (WHERE ${deadline} AND (c."firstResponseAt" > c."targetDueAt" OR (c."firstResponseAt" IS NULL AND c."targetDueAt" <= ${now}::timestamptz))))::int AS "breached",
        (count(*) FILTER (WHERE ${deadline} AND c."firstResponseAt" IS NULL AND c."targetDueAt" > ${now}::timestamptz))::int AS "pending",
        (count(*) FILTER (WHERE NOT ${deadline}))::int AS "noTarget"
      FROM "Case" c WHERE ${range}
      GROUP BY 1, 2, 3`,
    prisma.$queryRaw<TimesRow[]>`SELECT c."supportIdId", c."tier"::text AS "tier", c."severity", c."regionCode" AS "region",
        array_agg(extract(epoch FROM c."openedAt") * 1000) AS "opened",
        array_agg(extract(epoch FROM c."firstResponseAt") * 1000) AS "responded"
      FROM "Case" c WHERE ${range} AND c."firstResponseAt" IS NOT NULL
      GROUP BY 1, 2, 3, 4`,
    // Ratings are counted by when they were given (Case_ratedAt_idx), not by when the case was opened.
    prisma.$queryRaw<RatingRow[]>`SELECT c."tier"::text AS "tier", c."regionCode" AS "region",
        (count(*) FILTER (WHERE c."rating" = 'GOOD'::"SupportRating"))::int AS "good",
        (count(*) FILTER (WHERE c."rating" = 'BAD'::"SupportRating"))::int AS "bad"
      FROM "Case" c WHERE ${rated} AND c."rating" IS NOT NULL
      GROUP BY 1, 2`,
  ])

  const calendars = await calendarsForSupportIds(
    prisma,
    times.filter((t) => TIER_HOURS[t.tier].kind === 'business').map((t) => t.supportIdId),
  )
  const key = (tier: string, severity: number, region: string) => `${tier}|${severity}|${region}`
  const minutesByGroup = new Map<string, number[]>()
  for (const t of times) {
    // Measured in the tier's clock: its business hours in the customer's calendar, or real time for 24/7 tiers.
    const hours = targetCalendar(t.tier, 'business', calendars.get(t.supportIdId))
    const list = minutesByGroup.get(key(t.tier, t.severity, t.region)) ?? []
    for (let i = 0; i < t.opened.length; i++) {
      const from = Number(t.opened[i])
      const to = Number(t.responded[i])
      list.push(minutesIn(hours, new Date(from), new Date(to)))
    }
    minutesByGroup.set(key(t.tier, t.severity, t.region), list)
  }

  const tierOrder = (t: string) => TIERS.indexOf(t as Tier)
  const rows: ComplianceRow[] = counts
    .map((r) => {
      const minutes = minutesByGroup.get(key(r.tier, r.severity, r.region)) ?? []
      return { tier: r.tier, severity: r.severity, region: r.region, ...finish({ ...pick(r), responded: minutes.length }, minutes) }
    })
    .sort((a, b) => tierOrder(a.tier) - tierOrder(b.tier) || a.severity - b.severity || a.region.localeCompare(b.region))

  const sum = (of: CountRow[]) =>
    of.reduce(
      (acc, r) => ({
        opened: acc.opened + r.opened,
        withTarget: acc.withTarget + r.withTarget,
        met: acc.met + r.met,
        breached: acc.breached + r.breached,
        pending: acc.pending + r.pending,
        noTarget: acc.noTarget + r.noTarget,
      }),
      { opened: 0, withTarget: 0, met: 0, breached: 0, pending: 0, noTarget: 0 },
    )
  const allMinutes = [...minutesByGroup.values()].flat()
  const byTier = TIERS.filter((tier) => counts.some((r) => r.tier === tier)).map((tier) => {
    const minutes = [...minutesByGroup.entries()].filter(([k]) => k.startsWith(`${tier}|`)).flatMap(([, v]) => v)
    return { tier, ...finish({ ...sum(counts.filter((r) => r.tier === tier)), responded: minutes.length }, minutes) }
  })
  return {
    from: q.from,
    to: q.to,
    timeZone: actor.timeZone,
    generatedAt: now,
    rows,
    byTier,
    totals: finish({ ...sum(counts), responded: allMinutes.length }, allMinutes),
    satisfaction: satisfactionOf(ratings),
  }
}
export type ComplianceReport = Awaited<ReturnType<typeof complianceReport>>

function satisfactionOf(ratings: RatingRow[]) {
  const total = (of: RatingRow[]) =>
    satisfaction(
      of.reduce((n, r) => n + r.good, 0),
      of.reduce((n, r) => n + r.bad, 0),
    )
  const regions = [...new Set(ratings.map((r) => r.region))].sort((a, b) => a.localeCompare(b))
  return {
    byTier: TIERS.filter((tier) => ratings.some((r) => r.tier === tier)).map((tier) => ({ tier, ...total(ratings.filter((r) => r.tier === tier)) })),
    byRegion: regions.map((region) => ({ region, ...total(ratings.filter((r) => r.region === region)) })),
    totals: total(ratings),
  }
}

function pick(r: CountRow) {
  return { opened: r.opened, withTarget: r.withTarget, met: r.met, breached: r.breached, pending: r.pending, noTarget: r.noTarget }
}

const CSV_COLUMNS = [
  'tier',
  'severity',
  'region',
  'opened',
  'with_target',
  'met',
  'breached',
  'pending',
  'no_target',
  'compliance_pct',
  'responded',
  'median_business_minutes',
  'p90_business_minutes',
] as const

/** A CSV cell: quoted when needed; a leading =, +, - or @ is neutralised (spreadsheet formula injection). */
function cell(v: string | number | null): string {
  if (v === null) return ''
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** The report as CSV: one line per tier × severity × region, then a TOTAL line. */
export function complianceCsv(report: ComplianceReport): string {
  const line = (label: [string, string | number, string], r: ComplianceCounts) =>
    [...label, r.opened, r.withTarget, r.met, r.breached, r.pending, r.noTarget, r.compliancePct, r.responded, r.medianMinutes, r.p90Minutes]
      .map(cell)
      .join(',')
  return (
    [CSV_COLUMNS.join(','), ...report.rows.map((r) => line([r.tier, r.severity, r.region], r)), line(['TOTAL', '', ''], report.totals)].join('\r\n') + '\r\n'
  )
}
