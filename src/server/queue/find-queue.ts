import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, parseInput } from '@/server/errors'
import { calendarsForSupportIds } from '@/server/support-ids/calendar'
import { toResponseTarget, type CustomerCalendar } from '@/lib/sla-state'
import { signedMinutes, slaState } from '@/lib/sla-state'
import { ZQueueQuery } from '@/lib/engineer/schemas'
import { OPEN_STATUSES } from '@/lib/cases/status'

// The engineers' work queue: open cases, what needs action first. See decision 0006.
//
// Order: responseDueAt ASC NULLS LAST (the queue key: the due time while the first response is
// pending, so breached cases, the earliest deadlines, come first), ties by id; then the cases
// without a pending deadline (best effort, already answered) by openedAt, id.
//
// Keyset pagination: the cursor is the last row's sort key, and every page is at most six
// ordered index range scans of `limit + 1` rows — one per open status and segment, on
// (status, responseDueAt, id) and Case_queue_rest_idx (status, openedAt, id, …filter columns) —
// merged by PostgreSQL. No OFFSET and no
// count of the table, so a deep page costs what the first one does.

export const DEFAULT_QUEUE_LIMIT = 50
const DAY = 86_400_000

type Cursor = { seg: 'due'; due: number; id: string } | { seg: 'rest'; opened: number; id: string }

export function encodeCursor(c: Cursor): string {
  const parts = c.seg === 'due' ? ['d', c.due, c.id] : ['r', c.opened, c.id]
  return Buffer.from(JSON.stringify(parts)).toString('base64url')
}

const MAX_CURSOR_TIME = Date.UTC(9999, 11, 31)

export function decodeCursor(raw: string): Cursor {
  try {
    const [seg, t, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown, unknown]
    // An instant PostgreSQL and Date can both hold (years 1970–9999) and an id: else it is no cursor of ours.
    if (typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= MAX_CURSOR_TIME && typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      if (seg === 'd') return { seg: 'due', due: t, id }
      if (seg === 'r') return { seg: 'rest', opened: t, id }
    }
  } catch {
    // fall through
  }
  throw new AppError('BAD_REQUEST', 'Invalid input: cursor: not a cursor this queue returned (start again without it)', [
    { path: 'cursor', message: 'Unknown cursor' },
  ])
}

type KeyRow = { id: string; responseDueAt: Date | null; openedAt: Date }
type Segment = 'due' | 'rest'

/** The SQL of one page's keys, in queue order, `limit + 1` rows (the extra one says more follow). */
function pageKeysSql(filters: Record<Segment, Prisma.Sql>, statuses: readonly string[], cursor: Cursor | null, limit: number): Prisma.Sql {
  const take = limit + 1
  const parts: Prisma.Sql[] = []
  for (const status of statuses) {
    const s = Prisma.sql`c."status" = ${status}::"CaseStatus"`
    if (!cursor || cursor.seg === 'due') {
      const after = cursor ? Prisma.sql`AND (c."responseDueAt", c."id") > (${new Date(cursor.due)}::timestamptz, ${cursor.id})` : Prisma.empty
      parts.push(Prisma.sql`(SELECT c."id", c."responseDueAt", c."openedAt" FROM "Case" c
        WHERE ${s} AND c."responseDueAt" IS NOT NULL ${after} ${filters.due}
        ORDER BY c."responseDueAt", c."id" LIMIT ${take})`)
    }
    const after = cursor?.seg === 'rest' ? Prisma.sql`AND (c."openedAt", c."id") > (${new Date(cursor.opened)}::timestamptz, ${cursor.id})` : Prisma.empty
    parts.push(Prisma.sql`(SELECT c."id", c."responseDueAt", c."openedAt" FROM "Case" c
      WHERE ${s} AND c."responseDueAt" IS NULL ${after} ${filters.rest}
      ORDER BY c."openedAt", c."id" LIMIT ${take})`)
  }
  return Prisma.sql`SELECT q."id", q."responseDueAt", q."openedAt" FROM (${Prisma.join(parts, ' UNION ALL ')}) q
    ORDER BY q."responseDueAt" ASC NULLS LAST, CASE WHEN q."responseDueAt" IS NULL THEN q."openedAt" END, q."id"
    LIMIT ${take}`
}

/** Validates the query and builds the SQL of its page keys; null when a filter matches nothing (an unknown product). */
export async function queueKeysQuery({ actor, input }: { actor: Actor; input: unknown }) {
  requireVendor(actor)
  const q = parseInput(ZQueueQuery, input)
  const limit = q.limit ?? DEFAULT_QUEUE_LIMIT
  const cursor = q.cursor ? decodeCursor(q.cursor) : null
  const statuses = q.status ? [q.status] : OPEN_STATUSES
  const conditions: Prisma.Sql[] = []
  if (q.region) conditions.push(Prisma.sql`AND c."regionCode" = ${q.region}`)
  if (q.language) conditions.push(Prisma.sql`AND c."preferredLanguage" = ${q.language}`)
  if (q.tier) conditions.push(Prisma.sql`AND c."tier" = ${q.tier}::"Tier"`)
  if (q.severity) conditions.push(Prisma.sql`AND c."severity" = ${q.severity}`)
  if (q.assignee === 'mine') conditions.push(Prisma.sql`AND c."assigneeId" = ${actor.id}`)
  if (q.product) {
    const product = await prisma.product.findFirst({
      where: { OR: [{ id: q.product }, { name: { equals: q.product, mode: 'insensitive' } }] },
      select: { versions: { select: { id: true } } },
    })
    const versionIds = product?.versions.map((v) => v.id) ?? []
    if (versionIds.length === 0) return { sql: null, limit }
    conditions.push(Prisma.sql`AND c."productVersionId" IN (${Prisma.join(versionIds)})`)
  }
  const join = (extra: Prisma.Sql[]) => (conditions.length + extra.length ? Prisma.join([...conditions, ...extra], ' ') : Prisma.empty)
  // "Unassigned": most cases awaiting a first response are unassigned, so that segment is read in
  // queue order and filtered (PostgreSQL cannot keep an index's order under `IS NULL`, and would
  // sort every unassigned row); answered cases are nearly all assigned, so there the assignee
  // index finds the few quickly. See decision 0006.
  const unassigned = q.assignee === 'unassigned'
  const filters = {
    due: join(unassigned ? [Prisma.sql`AND coalesce(c."assigneeId", '') = ''`] : []),
    rest: join(unassigned ? [Prisma.sql`AND c."assigneeId" IS NULL`] : []),
  }
  return { sql: pageKeysSql(filters, statuses, cursor, limit), limit }
}

/** Only the holidays the browser needs to tick "time left" between now and the deadline. */
function holidaysNear(calendar: CustomerCalendar, now: Date, dueAt: Date): string[] {
  const from = new Date(Math.min(now.getTime(), dueAt.getTime()) - 2 * DAY).toISOString().slice(0, 10)
  const to = new Date(Math.max(now.getTime(), dueAt.getTime()) + 14 * DAY).toISOString().slice(0, 10)
  return calendar.holidays.filter((h) => h >= from && h <= to)
}

/**
 * One page of the queue with its filters (region, language, tier, severity, product, status,
 * mine / unassigned). Vendor staff only (customers and partners: 404).
 */
export async function findQueue({ actor, input = {}, now }: { actor: Actor; input?: unknown; now: Date }) {
  requireVendor(actor)
  const { sql, limit } = await queueKeysQuery({ actor, input })
  if (!sql) return { cases: [], nextCursor: null }
  const keys = await prisma.$queryRaw<KeyRow[]>(sql)
  const page = keys.slice(0, limit)
  const last = page[page.length - 1]
  const nextCursor =
    keys.length > limit && last
      ? encodeCursor(
          last.responseDueAt ? { seg: 'due', due: last.responseDueAt.getTime(), id: last.id } : { seg: 'rest', opened: last.openedAt.getTime(), id: last.id },
        )
      : null

  const rows = await prisma.case.findMany({
    where: { id: { in: page.map((k) => k.id) } },
    select: {
      id: true,
      number: true,
      title: true,
      tier: true,
      severity: true,
      status: true,
      regionCode: true,
      preferredLanguage: true,
      openedAt: true,
      supportIdId: true,
      targetKind: true,
      targetDueAt: true,
      targetMinutes: true,
      targetClock: true,
      firstResponseAt: true,
      responseDueAt: true,
      businessHoursOnly: true,
      organisation: { select: { name: true } },
      assignee: { select: { name: true, email: true } },
      productVersion: { select: { name: true, product: { select: { name: true } } } },
      supportId: { select: { code: true, accountManager: { select: { name: true, email: true } } } },
    },
  })
  const byId = new Map(rows.map((r) => [r.id, r]))
  const calendars = await calendarsForSupportIds(
    prisma,
    rows.filter((r) => r.responseDueAt && r.targetClock === 'BUSINESS').map((r) => r.supportIdId),
  )

  const cases = page.map((k) => {
    const r = byId.get(k.id)!
    const calendar = calendars.get(r.supportIdId) ?? { timeZone: 'UTC', holidays: [] }
    const sla = slaState({ ...r, calendar }, now)
    const timeLeftMinutes = r.responseDueAt ? signedMinutes(sla) : null
    return {
      number: r.number,
      title: r.title,
      organisation: r.organisation.name,
      supportId: r.supportId.code,
      tier: r.tier,
      severity: r.severity,
      region: r.regionCode,
      language: r.preferredLanguage,
      status: r.status,
      product: r.productVersion ? `${r.productVersion.product.name} ${r.productVersion.name}` : null,
      openedAt: r.openedAt,
      responseTarget: toResponseTarget(r),
      responseStatus: sla.status,
      timeLeftMinutes,
      assignee: r.assignee,
      accountManager: r.tier === 'PREMIER' ? r.supportId.accountManager : null,
      // Severity 1 on Production / Premier without a technical contact: business hours after the first response (decision 0016).
      businessHoursOnly: r.businessHoursOnly,
      // For the browser to tick "time left" with the SLA engine (business clock only).
      tickCalendar:
        r.responseDueAt && r.targetClock === 'BUSINESS' ? { timeZone: calendar.timeZone, holidays: holidaysNear(calendar, now, r.responseDueAt) } : null,
    }
  })
  return { cases, nextCursor }
}
export type QueuePage = Awaited<ReturnType<typeof findQueue>>
export type QueueRow = QueuePage['cases'][number]

/** Distinct values the queue can be filtered by (small reference tables, not the cases). */
export async function queueFilterOptions() {
  const [regions, products] = await Promise.all([
    prisma.region.findMany({ select: { code: true, name: true, languages: true }, orderBy: { name: 'asc' } }),
    prisma.product.findMany({ select: { name: true }, orderBy: { name: 'asc' } }),
  ])
  const languages = [...new Set(regions.flatMap((r) => r.languages))].sort()
  return { regions: regions.map((r) => ({ code: r.code, name: r.name })), languages, products: products.map((p) => p.name) }
}
