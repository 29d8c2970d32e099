// Holidays from an iCalendar (.ics) file, read with node-ical. Pure (no database): the import
// service compares the result with a calendar and shows the changes before saving.
//
// Rules: every all-day VEVENT is a holiday on each day it covers (DTEND is exclusive); recurring
// ones (RRULE, with EXDATE and RECURRENCE-ID overrides) are expanded; timed and cancelled events
// are skipped and said so; only days in the chosen years are taken; two events on one day
// become one holiday named after both.
import 'server-only'
import ical, { type VEvent } from 'node-ical'
import { LONE_SURROGATE } from '@/lib/text'

export type IcsHoliday = { date: string; name: string }
export type IcsSkipped = { summary: string; reason: string }
export type IcsWindow = { fromYear: number; toYear: number }

export class IcsError extends Error {}

export const ICS_MAX_HOLIDAYS = 2_000
const MAX_DAYS_PER_EVENT = 366
const NAME_MAX = 120

const pad = (n: number) => String(n).padStart(2, '0')
// node-ical builds an all-day (VALUE=DATE) start as local midnight of this process: the local
// calendar fields are the date the file says, whatever the server's zone.
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

// A lone surrogate (which jsonb refuses in the audit entry) becomes U+FFFD, the replacement character.
function textOf(value: unknown): string {
  const raw = typeof value === 'string' ? value : value && typeof value === 'object' && 'val' in value ? String((value as { val: unknown }).val) : ''
  // Control characters (a NUL above all) never belong in a holiday's name.
  return raw
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Every local date of an all-day span [start, end); a missing or empty end means one day. */
function daysOf(start: Date, end: Date | undefined): string[] {
  const days: string[] = []
  const last = end && end > start ? end : null
  for (let i = 0; i < MAX_DAYS_PER_EVENT; i++) {
    const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i)
    if (i > 0 && (!last || d >= last)) break
    days.push(localDate(d))
  }
  return days
}

export function parseIcsHolidays(text: string, window: IcsWindow): { holidays: IcsHoliday[]; skipped: IcsSkipped[] } {
  if (!/BEGIN:VCALENDAR/i.test(text)) throw new IcsError('This is not an iCalendar file: it has no BEGIN:VCALENDAR. Export the calendar as .ics and try again.')
  let parsed: ReturnType<typeof ical.sync.parseICS>
  try {
    parsed = ical.sync.parseICS(text)
  } catch (error) {
    throw new IcsError(`The file could not be read as iCalendar: ${error instanceof Error ? error.message : String(error)}`)
  }
  const events = Object.values(parsed).filter((c): c is VEvent => Boolean(c && typeof c === 'object' && (c as { type?: string }).type === 'VEVENT'))
  if (events.length === 0) throw new IcsError('The file has no events (VEVENT) to import.')

  const from = new Date(window.fromYear, 0, 1)
  const to = new Date(window.toYear, 11, 31, 23, 59, 59)
  const inWindow = (date: string) => {
    const year = Number(date.slice(0, 4))
    return year >= window.fromYear && year <= window.toYear
  }
  const byDate = new Map<string, string[]>()
  const skipped: IcsSkipped[] = []
  for (const event of events) {
    const summary = textOf(event.summary).slice(0, NAME_MAX) || 'Holiday'
    if (String(event.status ?? '').toUpperCase() === 'CANCELLED') {
      skipped.push({ summary, reason: 'cancelled' })
      continue
    }
    const start = event.start as (Date & { dateOnly?: boolean }) | undefined
    if (!start || Number.isNaN(start.getTime())) {
      skipped.push({ summary, reason: 'no start date' })
      continue
    }
    const allDay = event.datetype === 'date' || start.dateOnly === true
    if (!allDay) {
      skipped.push({ summary, reason: 'not an all-day event (it has a time of day)' })
      continue
    }
    // A recurring event's instances carry their own summary (a RECURRENCE-ID override may rename one).
    const spans: { start: Date; end?: Date; name: string }[] = event.rrule
      ? ical
          .expandRecurringEvent(event, { from, to })
          .filter((i) => i.isFullDay)
          .map((i) => ({ start: i.start, end: i.end, name: textOf(i.summary).slice(0, NAME_MAX) || summary }))
      : [{ start, end: event.end, name: summary }]
    const days = spans.flatMap((s) =>
      daysOf(s.start, s.end)
        .filter(inWindow)
        .map((date) => ({ date, name: s.name })),
    )
    if (days.length === 0) {
      skipped.push({ summary, reason: `outside ${window.fromYear}–${window.toYear}` })
      continue
    }
    for (const { date, name } of days) {
      const names = byDate.get(date) ?? []
      if (!names.includes(name)) names.push(name)
      byDate.set(date, names)
    }
  }
  if (byDate.size > ICS_MAX_HOLIDAYS)
    throw new IcsError(`The file has ${byDate.size} holiday days in ${window.fromYear}–${window.toYear}; at most ${ICS_MAX_HOLIDAYS} can be imported at once.`)
  const holidays = [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, names]) => ({ date, name: names.join(' / ').slice(0, NAME_MAX) }))
  return { holidays, skipped }
}
