/**
 * Validation and normalisation of weekly hours and holidays, and their human description.
 */
import { SlaError, show } from './errors'
import { weekdayName } from './zone'
import type { WeeklyHours } from './types'

/** Value of an ASCII digit at s[i], or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

/**
 * Minutes after midnight of a strict 'HH:mm' (00:00–23:59, or 24:00 when allowed), else -1.
 * Hand-parsed: this runs for every calendar a caller builds, so it is kept cheap.
 */
function parseHm(value: unknown, allow24: boolean): number {
  if (typeof value !== 'string' || value.length !== 5 || value.charCodeAt(2) !== 58 /* : */) return -1
  const h1 = digit(value, 0)
  const h2 = digit(value, 1)
  const m1 = digit(value, 3)
  const m2 = digit(value, 4)
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return -1
  const h = h1 * 10 + h2
  const m = m1 * 10 + m2
  if (m > 59) return -1
  if (h < 24) return h * 60 + m
  return allow24 && h === 24 && m === 0 ? 1440 : -1
}

export function formatMinutes(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/**
 * Per weekday (0 = Sunday), the sorted, merged open intervals as flat [open, close, open, close…]
 * in minutes after local midnight. Throws SlaError('INVALID_HOURS').
 */
export function normalizeWeekly(weekly: unknown): number[][] {
  if (!Array.isArray(weekly)) {
    throw new SlaError('INVALID_HOURS', `weekly must be an array of { day, open, close } entries, got ${show(weekly)}`)
  }
  // Per day: flat [open, close, index, …] triples.
  const perDay: number[][] = [[], [], [], [], [], [], []]
  for (let i = 0; i < weekly.length; i++) {
    const e: unknown = weekly[i]
    if (e === null || typeof e !== 'object') {
      throw new SlaError('INVALID_HOURS', `weekly[${i}] must be an object { day, open, close }, got ${show(e)}`)
    }
    const { day, open, close } = e as { day?: unknown; open?: unknown; close?: unknown }
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 0 || day > 6) {
      throw new SlaError('INVALID_HOURS', `weekly[${i}].day must be an integer from 0 (Sunday) to 6 (Saturday), got ${show(day)}`)
    }
    const o = parseHm(open, false)
    if (o < 0) {
      throw new SlaError('INVALID_HOURS', `weekly[${i}].open must be a time 'HH:mm' from 00:00 to 23:59, got ${show(open)}`)
    }
    const c = parseHm(close, true)
    if (c < 0) {
      throw new SlaError('INVALID_HOURS', `weekly[${i}].close must be a time 'HH:mm' from 00:01 to 24:00, got ${show(close)}`)
    }
    if (c <= o) {
      throw new SlaError(
        'INVALID_HOURS',
        `weekly[${i}] (${weekdayName(day)}) must close after it opens: open ${String(open)}, close ${String(close)} (hours may not cross midnight; split them at 24:00)`,
      )
    }
    perDay[day]!.push(o, c, i)
  }
  const out: number[][] = []
  for (let day = 0; day < 7; day++) {
    const triples = perDay[day]!
    let order: number[] = []
    for (let k = 0; k < triples.length; k += 3) order.push(k)
    if (order.length > 1) order = order.sort((a, b) => triples[a]! - triples[b]! || triples[a + 1]! - triples[b + 1]!)
    const flat: number[] = []
    for (let q = 0; q < order.length; q++) {
      const k = order[q]!
      const open = triples[k]!
      const close = triples[k + 1]!
      if (q > 0) {
        const p = order[q - 1]!
        if (open < triples[p + 1]!) {
          throw new SlaError(
            'INVALID_HOURS',
            `weekly[${triples[k + 2]}] (${weekdayName(day)} ${formatMinutes(open)}–${formatMinutes(close)}) overlaps weekly[${triples[p + 2]}] (${weekdayName(day)} ${formatMinutes(triples[p]!)}–${formatMinutes(triples[p + 1]!)})`,
          )
        }
      }
      if (flat.length > 0 && flat[flat.length - 1] === open)
        flat[flat.length - 1] = close // touching: merge
      else flat.push(open, close)
    }
    out.push(flat)
  }
  return out
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * Local date 'YYYY-MM-DD' → day number (days since 1970-01-01); throws SlaError('INVALID_HOLIDAY')
 * naming the value as `what` (or `holidays[index]` when `what` is a number).
 */
export function parseLocalDate(value: unknown, what: string | number): number {
  let y = -1
  let m = 0
  let d = 0
  if (typeof value === 'string' && value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const y1 = digit(value, 0)
    const y2 = digit(value, 1)
    const y3 = digit(value, 2)
    const y4 = digit(value, 3)
    const m1 = digit(value, 5)
    const m2 = digit(value, 6)
    const d1 = digit(value, 8)
    const d2 = digit(value, 9)
    if (y1 >= 0 && y2 >= 0 && y3 >= 0 && y4 >= 0 && m1 >= 0 && m2 >= 0 && d1 >= 0 && d2 >= 0) {
      y = y1 * 1000 + y2 * 100 + y3 * 10 + y4
      m = m1 * 10 + m2
      d = d1 * 10 + d2
    }
  }
  if (y < 0) {
    const name = typeof what === 'number' ? `holidays[${what}]` : what
    throw new SlaError('INVALID_HOLIDAY', `${name} must be a local date 'YYYY-MM-DD', got ${show(value)}`)
  }
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const dim = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]
  if (dim === undefined || d < 1 || d > dim) {
    const name = typeof what === 'number' ? `holidays[${what}]` : what
    throw new SlaError('INVALID_HOLIDAY', `${name} is not a real calendar date: ${show(value)}`)
  }
  return daysFromCivil(y, m, d)
}

/** Sorted, de-duplicated day numbers of the holidays. Throws SlaError('INVALID_HOLIDAY'). */
export function normalizeHolidays(holidays: unknown): number[] {
  if (!Array.isArray(holidays)) {
    throw new SlaError('INVALID_HOLIDAY', `holidays must be an array of local dates 'YYYY-MM-DD', got ${show(holidays)}`)
  }
  const days: number[] = new Array<number>(holidays.length)
  let sorted = true
  for (let i = 0; i < holidays.length; i++) {
    days[i] = parseLocalDate(holidays[i], i)
    if (i > 0 && days[i]! <= days[i - 1]!) sorted = false
  }
  if (sorted) return days
  days.sort((a, b) => a - b)
  const out: number[] = []
  for (const d of days) if (out[out.length - 1] !== d) out.push(d)
  return out
}

/** True when every day is open 00:00–24:00. */
export function isAllDay(days: readonly (readonly number[])[]): boolean {
  return days.every((d) => d.length === 2 && d[0] === 0 && d[1] === 1440)
}

const DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0] // Monday first

/**
 * Human description of weekly hours, e.g. "Mon–Fri 08:00–20:00",
 * "Mon–Thu 09:00–12:00, 13:00–17:00; Fri 09:00–15:00", "24/7", "Closed".
 */
export function describeWeeklyHours(weekly: WeeklyHours): string {
  const days = normalizeWeekly(weekly)
  if (isAllDay(days)) return '24/7'
  const groups = new Map<string, number[]>() // schedule → positions in DISPLAY_ORDER
  DISPLAY_ORDER.forEach((day, pos) => {
    const flat = days[day]!
    if (flat.length === 0) return
    const parts: string[] = []
    for (let k = 0; k < flat.length; k += 2) parts.push(`${formatMinutes(flat[k]!)}–${formatMinutes(flat[k + 1]!)}`)
    const schedule = parts.join(', ')
    const list = groups.get(schedule)
    if (list === undefined) groups.set(schedule, [pos])
    else list.push(pos)
  })
  if (groups.size === 0) return 'Closed'
  const out: string[] = []
  for (const [schedule, positions] of groups) {
    const runs: string[] = []
    let k = 0
    while (k < positions.length) {
      let j = k
      while (j + 1 < positions.length && positions[j + 1] === positions[j]! + 1) j++
      const first = weekdayName(DISPLAY_ORDER[positions[k]!]!)
      const last = weekdayName(DISPLAY_ORDER[positions[j]!]!)
      runs.push(j === k ? first : `${first}–${last}`)
      k = j + 1
    }
    out.push(`${runs.join(', ')} ${schedule}`)
  }
  return out.join('; ')
}
