/**
 * The business-time engine's operations.
 *
 * A calendar is compiled once (compile.ts) and per UTC year gets a table of its open intervals
 * with a running sum of open time (tables.ts). Then
 *   - addBusinessMinutes  = search of the interval holding the start (its position in open time)
 *     + search of the interval where position + target falls,
 *   - businessMinutesBetween = difference of two positions,
 * walking to the next year's table when needed.
 */
import { coreOf, type Core } from './compile'
import { SlaError, show } from './errors'
import { instantAt, isOpenMs, positionIn, tableOf, yearIndexOf } from './tables'
import type { BusinessCalendar } from './types'
import * as zone from './zone'
import { localParts, resolveZone } from './zone'

const MINUTE = zone.MINUTE
const MIN_MS = zone.MIN_MS
const MAX_MS = zone.MAX_MS
const YEAR_COUNT = zone.YEAR_COUNT

// ---------------------------------------------------------------------------------------------
// Input checks shared by the public functions
// ---------------------------------------------------------------------------------------------

export function timeOf(value: unknown, what: string): number {
  let t: number
  if (value instanceof Date) t = value.getTime()
  else if (Object.prototype.toString.call(value) === '[object Date]') t = Date.prototype.getTime.call(value as Date)
  else throw new SlaError('INVALID_DATE', `${what} must be a Date, got ${show(value)}`)
  if (t !== t) throw new SlaError('INVALID_DATE', `${what} is an invalid Date`)
  if (t < MIN_MS || t > MAX_MS) {
    throw new SlaError('OUT_OF_RANGE', `${what} ${new Date(t).toISOString()} is outside the supported range 1970-01-01T00:00:00Z – 2101-01-01T00:00:00Z`)
  }
  return t
}

/** Business minutes → whole ms (exact for minutes given to the ms; otherwise rounded up). */
export function msOf(minutes: unknown): number {
  if (typeof minutes !== 'number' || !(minutes >= 0) || minutes === Infinity) {
    throw new SlaError('INVALID_MINUTES', `minutes must be a finite number ≥ 0, got ${show(minutes)}`)
  }
  const ms = minutes * MINUTE
  const r = Math.round(ms)
  return Math.abs(ms - r) < 1e-6 ? r : Math.ceil(ms)
}

function beyondRange(t: number, ms: number): SlaError {
  return new SlaError('OUT_OF_RANGE', `${ms / MINUTE} business minutes from ${new Date(t).toISOString()} end after 2100-12-31 (the last supported year)`)
}

// ---------------------------------------------------------------------------------------------
// The two operations, on numbers (ms since the epoch)
// ---------------------------------------------------------------------------------------------

export function addMs(core: Core, t: number, ms: number): number {
  if (ms === 0) return t
  if (core.continuous) {
    const r = t + ms
    if (r > MAX_MS) throw beyondRange(t, ms)
    return r
  }
  if (!core.hasOpenTime) {
    throw new SlaError('NO_OPEN_TIME', `the calendar (${core.zone.name}) has no open hours in its week, so ${ms / MINUTE} business minutes can never elapse`)
  }
  let y = yearIndexOf(t)
  let table = tableOf(core, y)
  let target = positionIn(table, t) + ms
  while (target > table.total) {
    target -= table.total
    if (++y >= YEAR_COUNT) throw beyondRange(t, ms)
    table = tableOf(core, y)
  }
  return instantAt(table, target)
}

export function betweenMs(core: Core, from: number, to: number): number {
  if (!(to > from)) return 0
  if (core.continuous) return to - from
  if (!core.hasOpenTime) return 0
  const yf = yearIndexOf(from)
  const yt = yearIndexOf(to)
  const tf = tableOf(core, yf)
  if (yf === yt) return positionIn(tf, to) - positionIn(tf, from)
  let sum = tf.total - positionIn(tf, from)
  for (let y = yf + 1; y < yt; y++) sum += tableOf(core, y).total
  return sum + positionIn(tableOf(core, yt), to)
}

/** Open intervals (merged across year tables) intersecting [from, to), clipped to it. */
export function openIntervals(core: Core, from: number, to: number): [number, number][] {
  const out: [number, number][] = []
  if (!(to > from)) return out
  if (core.continuous) return [[from, to]]
  if (!core.hasOpenTime) return out
  const last = yearIndexOf(to)
  for (let y = yearIndexOf(from); y <= last; y++) {
    const table = tableOf(core, y)
    for (let i = 0; i < table.n; i++) {
      const s = Math.max(table.starts[i]!, from)
      const e = Math.min(table.ends[i]!, to)
      if (e <= s) continue
      const prev = out[out.length - 1]
      if (prev !== undefined && prev[1] === s) prev[1] = e
      else out.push([s, e])
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Public Date API
// ---------------------------------------------------------------------------------------------

/**
 * The earliest instant by which `minutes` open minutes of `cal` have elapsed since `start`
 * (millisecond precision). A target used up exactly at a closing time returns that closing
 * instant; 0 returns `start`. Throws SlaError on bad input or a target ending after 2100.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  const core = coreOf(cal)
  const t = timeOf(start, 'start')
  return new Date(addMs(core, t, msOf(minutes)))
}

/** Open time of `cal` in [from, to), in minutes (fractional where the instants are); 0 when to ≤ from. */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const core = coreOf(cal)
  const f = timeOf(from, 'from')
  const t = timeOf(to, 'to')
  return betweenMs(core, f, t) / MINUTE
}

/** True when `at` is open time of `cal`: inside its hours, on a local day that is not a holiday. */
export function isOpenAt(cal: BusinessCalendar, at: Date): boolean {
  const core = coreOf(cal)
  return isOpenMs(core, timeOf(at, 'at'))
}

/** The local date ('YYYY-MM-DD'), weekday (0 = Sunday) and wall time ('HH:mm') of an instant in an IANA zone. */
export function localDateTime(timeZone: string, at: Date): { date: string; weekday: number; time: string } {
  const { date, weekday, time } = localParts(resolveZone(timeZone), timeOf(at, 'at'))
  return { date, weekday, time: time.slice(0, 5) }
}
