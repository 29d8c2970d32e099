import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, notFound, parseInput } from '@/server/errors'
import { ZCalendarInput, ZHolidayInput, ZUpdateHolidayInput } from '@/lib/admin/schemas'
import { audit, conflictOnDuplicate, dateOnly, isoDay } from './write-helpers'
import { safeId } from './safe-id'

// Holiday calendars: every change here applies to response targets computed from then on; the
// targets already stored on open cases do not move (docs/decisions/0004).

type Write = { actor: Actor; input: unknown; now: Date }

export async function listCalendars({ actor }: { actor: Actor }) {
  requireVendor(actor, 'ADMIN')
  const rows = await prisma.holidayCalendar.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      regions: { select: { code: true, name: true }, orderBy: { name: 'asc' } },
      _count: { select: { holidays: true, supportIds: true } },
      holidays: { select: { date: true }, orderBy: { date: 'asc' } },
    },
  })
  return rows.map((c) => {
    const years = [...new Set(c.holidays.map((h) => h.date.getUTCFullYear()))]
    return { id: c.id, name: c.name, regions: c.regions, supportIds: c._count.supportIds, holidays: c._count.holidays, years }
  })
}

/** One calendar with its holidays (as 'YYYY-MM-DD' dates), and who uses it. */
export async function getCalendar({ actor, calendarId }: { actor: Actor; calendarId: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(calendarId, 'That holiday calendar')
  const c = await prisma.holidayCalendar.findUnique({
    where: { id: calendarId },
    select: {
      id: true,
      name: true,
      regions: { select: { code: true, name: true }, orderBy: { name: 'asc' } },
      supportIds: { select: { code: true }, orderBy: { code: 'asc' } },
      holidays: { select: { id: true, date: true, name: true }, orderBy: { date: 'asc' } },
    },
  })
  if (!c) throw notFound('That holiday calendar')
  return { ...c, supportIds: c.supportIds.map((s) => s.code), holidays: c.holidays.map((h) => ({ id: h.id, date: isoDay(h.date), name: h.name })) }
}

export async function createCalendar({ actor, input, now }: Write) {
  requireVendor(actor, 'ADMIN')
  const { name } = parseInput(ZCalendarInput, input)
  return prisma.$transaction(async (tx) => {
    if (await tx.holidayCalendar.count({ where: { name: { equals: name, mode: 'insensitive' } } }))
      throw new AppError('CONFLICT', `A calendar named ${name} already exists`)
    const calendar = await tx.holidayCalendar
      .create({ data: { name }, select: { id: true, name: true } })
      .catch(conflictOnDuplicate(`A calendar named ${name} already exists`))
    await audit(tx, actor, now, 'holiday-calendar.created', 'HolidayCalendar', calendar.id, { name })
    return calendar
  })
}

export async function renameCalendar({ actor, calendarId, input, now }: Write & { calendarId: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(calendarId, 'That holiday calendar')
  const { name } = parseInput(ZCalendarInput, input)
  return prisma.$transaction(async (tx) => {
    const calendar = await tx.holidayCalendar.findUnique({ where: { id: calendarId }, select: { name: true } })
    if (!calendar) throw notFound('That holiday calendar')
    if (await tx.holidayCalendar.count({ where: { name: { equals: name, mode: 'insensitive' }, id: { not: calendarId } } }))
      throw new AppError('CONFLICT', `A calendar named ${name} already exists`)
    const updated = await tx.holidayCalendar
      .update({ where: { id: calendarId }, data: { name }, select: { id: true, name: true } })
      .catch(conflictOnDuplicate(`A calendar named ${name} already exists`))
    await audit(tx, actor, now, 'holiday-calendar.renamed', 'HolidayCalendar', calendarId, { from: calendar.name, to: name })
    return updated
  })
}

/** Only a calendar no region and no Support ID uses. */
export async function deleteCalendar({ actor, calendarId, now }: { actor: Actor; calendarId: string; now: Date }) {
  requireVendor(actor, 'ADMIN')
  safeId(calendarId, 'That holiday calendar')
  await prisma.$transaction(async (tx) => {
    const c = await tx.holidayCalendar.findUnique({
      where: { id: calendarId },
      select: { name: true, _count: { select: { regions: true, supportIds: true, holidays: true } } },
    })
    if (!c) throw notFound('That holiday calendar')
    if (c._count.regions || c._count.supportIds) {
      throw new AppError(
        'CONFLICT',
        `${c.name} is in use by ${c._count.regions} region(s) and ${c._count.supportIds} Support ID(s): give them another calendar first`,
      )
    }
    await tx.holidayCalendar.delete({ where: { id: calendarId } })
    await audit(tx, actor, now, 'holiday-calendar.deleted', 'HolidayCalendar', calendarId, { name: c.name, holidays: c._count.holidays })
  })
}

export async function addHoliday({ actor, calendarId, input, now }: Write & { calendarId: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(calendarId, 'That holiday calendar')
  const data = parseInput(ZHolidayInput, input)
  return prisma.$transaction(async (tx) => {
    const calendar = await tx.holidayCalendar.findUnique({ where: { id: calendarId }, select: { name: true } })
    if (!calendar) throw notFound('That holiday calendar')
    const clash = await tx.holiday.findUnique({ where: { calendarId_date: { calendarId, date: dateOnly(data.date) } }, select: { name: true } })
    const message = `${calendar.name} already has a holiday on ${data.date}${clash ? `: ${clash.name}` : ''}`
    if (clash) throw new AppError('CONFLICT', message)
    const holiday = await tx.holiday
      .create({ data: { calendarId, date: dateOnly(data.date), name: data.name }, select: { id: true } })
      .catch(conflictOnDuplicate(message))
    await audit(tx, actor, now, 'holiday.created', 'HolidayCalendar', calendarId, { holidayId: holiday.id, date: data.date, name: data.name })
    return { id: holiday.id, date: data.date, name: data.name }
  })
}

export async function updateHoliday({ actor, holidayId, input, now }: Write & { holidayId: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(holidayId, 'That holiday')
  const data = parseInput(ZUpdateHolidayInput, input)
  return prisma.$transaction(async (tx) => {
    const h = await tx.holiday.findUnique({
      where: { id: holidayId },
      select: { id: true, calendarId: true, date: true, name: true, calendar: { select: { name: true } } },
    })
    if (!h) throw notFound('That holiday')
    const date = data.date ?? isoDay(h.date)
    const message = `${h.calendar.name} already has a holiday on ${date}`
    if (data.date && data.date !== isoDay(h.date) && (await tx.holiday.count({ where: { calendarId: h.calendarId, date: dateOnly(data.date) } })))
      throw new AppError('CONFLICT', message)
    const name = data.name ?? h.name
    await tx.holiday.update({ where: { id: holidayId }, data: { date: dateOnly(date), name } }).catch(conflictOnDuplicate(message))
    await audit(tx, actor, now, 'holiday.updated', 'HolidayCalendar', h.calendarId, {
      holidayId,
      before: { date: isoDay(h.date), name: h.name },
      after: { date, name },
    })
    return { id: holidayId, date, name }
  })
}

export async function deleteHoliday({ actor, holidayId, now }: { actor: Actor; holidayId: string; now: Date }) {
  requireVendor(actor, 'ADMIN')
  safeId(holidayId, 'That holiday')
  await prisma.$transaction(async (tx) => {
    const h = await tx.holiday.findUnique({ where: { id: holidayId }, select: { calendarId: true, date: true, name: true } })
    if (!h) throw notFound('That holiday')
    await tx.holiday.delete({ where: { id: holidayId } })
    await audit(tx, actor, now, 'holiday.deleted', 'HolidayCalendar', h.calendarId, { holidayId, date: isoDay(h.date), name: h.name })
  })
}
