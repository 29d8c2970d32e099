import 'server-only'
import { createHash } from 'node:crypto'
import { prisma, type Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, notFound, parseInput } from '@/server/errors'
import { IcsError, parseIcsHolidays, type IcsSkipped } from './ics'
import { ICS_MAX_CHARS, ZIcsApplyInput, ZIcsImportInput, type TIcsImportInput } from '@/lib/admin/schemas'
import { audit, dateOnly, isoDay } from './write-helpers'
import { safeId } from './safe-id'

export type IcsImportPlan = {
  calendar: { id: string; name: string }
  mode: 'merge' | 'replace'
  years: { fromYear: number; toYear: number }
  add: { date: string; name: string }[]
  rename: { id: string; date: string; from: string; to: string }[]
  remove: { id: string; date: string; name: string }[]
  unchanged: number
  skipped: IcsSkipped[]
  /** Fingerprint of the changes: applying refuses (409) if they are no longer what was previewed. */
  digest: string
}

function yearsOf(input: TIcsImportInput, now: Date) {
  const fromYear = input.fromYear ?? now.getUTCFullYear()
  return { fromYear, toYear: input.toYear ?? Math.max(fromYear, now.getUTCFullYear()) + 2 }
}

async function plan(db: Tx | typeof prisma, calendarId: string, input: TIcsImportInput, now: Date): Promise<IcsImportPlan> {
  safeId(calendarId, 'That holiday calendar')
  if (input.ics.length > ICS_MAX_CHARS) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${ICS_MAX_CHARS / 1_000_000} MB: split it by year`)
  const calendar = await db.holidayCalendar.findUnique({ where: { id: calendarId }, select: { id: true, name: true } })
  if (!calendar) throw notFound('That holiday calendar')
  const years = yearsOf(input, now)
  let parsed: ReturnType<typeof parseIcsHolidays>
  try {
    parsed = parseIcsHolidays(input.ics, years)
  } catch (error) {
    if (error instanceof IcsError) throw new AppError('UNPROCESSABLE', error.message)
    throw error
  }
  const existing = await db.holiday.findMany({
    where: { calendarId, date: { gte: dateOnly(`${years.fromYear}-01-01`), lte: dateOnly(`${years.toYear}-12-31`) } },
    select: { id: true, date: true, name: true },
    orderBy: { date: 'asc' },
  })
  const byDate = new Map(existing.map((h) => [isoDay(h.date), h]))
  const inFile = new Set(parsed.holidays.map((h) => h.date))
  const add: IcsImportPlan['add'] = []
  const rename: IcsImportPlan['rename'] = []
  let unchanged = 0
  for (const h of parsed.holidays) {
    const current = byDate.get(h.date)
    if (!current) add.push(h)
    else if (current.name !== h.name) rename.push({ id: current.id, date: h.date, from: current.name, to: h.name })
    else unchanged++
  }
  const remove =
    input.mode === 'replace' ? existing.filter((h) => !inFile.has(isoDay(h.date))).map((h) => ({ id: h.id, date: isoDay(h.date), name: h.name })) : []
  const digest = createHash('sha256').update(JSON.stringify({ calendarId, add, rename, remove })).digest('hex')
  return { calendar, mode: input.mode, years, add, rename, remove, unchanged, skipped: parsed.skipped, digest }
}

/** What importing the file would change in the calendar, without changing anything. */
export async function previewIcsImport({ actor, calendarId, input, now }: { actor: Actor; calendarId: string; input: unknown; now: Date }) {
  requireVendor(actor, 'ADMIN')
  return plan(prisma, calendarId, parseInput(ZIcsImportInput, input), now)
}

/**
 * Applies the previewed import in one transaction with one audit entry listing every change. The
 * plan is recomputed and must match the previewed digest: if the file or the calendar changed in
 * between, nothing is written (409) and the administrator previews again.
 */
export async function applyIcsImport({ actor, calendarId, input, now }: { actor: Actor; calendarId: string; input: unknown; now: Date }) {
  requireVendor(actor, 'ADMIN')
  const { digest, ...rest } = parseInput(ZIcsApplyInput, input)
  return prisma.$transaction(async (tx) => {
    // Serialises imports into one calendar (a second concurrent import waits, then sees a new digest).
    await tx.$executeRaw`SELECT 1 FROM "HolidayCalendar" WHERE "id" = ${calendarId} FOR UPDATE`
    const p = await plan(tx, calendarId, rest, now)
    if (p.digest !== digest) throw new AppError('CONFLICT', 'The calendar or the file changed since the preview: preview the import again')
    if (p.add.length) await tx.holiday.createMany({ data: p.add.map((h) => ({ calendarId, date: dateOnly(h.date), name: h.name })) })
    for (const r of p.rename) await tx.holiday.update({ where: { id: r.id }, data: { name: r.to } })
    if (p.remove.length) await tx.holiday.deleteMany({ where: { id: { in: p.remove.map((r) => r.id) } } })
    await audit(tx, actor, now, 'holiday-calendar.imported', 'HolidayCalendar', calendarId, {
      mode: p.mode,
      years: p.years,
      added: p.add,
      renamed: p.rename.map(({ date, from, to }) => ({ date, from, to })),
      removed: p.remove.map(({ date, name }) => ({ date, name })),
      unchanged: p.unchanged,
      skipped: p.skipped.length,
    })
    return { added: p.add.length, renamed: p.rename.length, removed: p.remove.length, unchanged: p.unchanged }
  })
}
