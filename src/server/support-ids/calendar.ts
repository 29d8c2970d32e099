import 'server-only'
import { prisma, type Tx } from '@/server/db/client'
import type { CustomerCalendar } from '@/lib/sla-state'

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

/**
 * The calendar the SLA engine uses for a Support ID: the site's time zone and the holidays of
 * its own holiday calendar, or else its region's (policy: "the customer's local time … minus
 * the holidays of the calendar that applies").
 */
export async function calendarForSupportId(db: Tx | typeof prisma, supportIdId: string): Promise<CustomerCalendar> {
  const s = await db.supportId.findUniqueOrThrow({
    where: { id: supportIdId },
    select: { siteTimeZone: true, holidayCalendarId: true, region: { select: { holidayCalendarId: true } } },
  })
  const holidays = await db.holiday.findMany({
    where: { calendarId: s.holidayCalendarId ?? s.region.holidayCalendarId },
    select: { date: true },
    orderBy: { date: 'asc' },
  })
  return { timeZone: s.siteTimeZone, holidays: holidays.map((h) => isoDate(h.date)) }
}

/** The same for many Support IDs at once (lists and queues), one query per table. */
export async function calendarsForSupportIds(db: Tx | typeof prisma, supportIdIds: string[]): Promise<Map<string, CustomerCalendar>> {
  const ids = [...new Set(supportIdIds)]
  const rows = await db.supportId.findMany({
    where: { id: { in: ids } },
    select: { id: true, siteTimeZone: true, holidayCalendarId: true, region: { select: { holidayCalendarId: true } } },
  })
  const calendarIds = [...new Set(rows.map((r) => r.holidayCalendarId ?? r.region.holidayCalendarId))]
  const holidays = await db.holiday.findMany({ where: { calendarId: { in: calendarIds } }, select: { calendarId: true, date: true }, orderBy: { date: 'asc' } })
  const byCalendar = new Map<string, string[]>()
  for (const h of holidays) {
    const list = byCalendar.get(h.calendarId) ?? []
    list.push(isoDate(h.date))
    byCalendar.set(h.calendarId, list)
  }
  return new Map(rows.map((r) => [r.id, { timeZone: r.siteTimeZone, holidays: byCalendar.get(r.holidayCalendarId ?? r.region.holidayCalendarId) ?? [] }]))
}
