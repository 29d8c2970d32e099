/**
 * The business-time engine.
 *
 * A calendar is validated once and compiled to a `Core` (shared by every calendar object with the
 * same canonical content). Per UTC year a Core lazily builds a table of its open intervals in UTC
 * milliseconds (Float64Array starts/ends) with a running sum of open time (cumEnd). Then
 *   - addBusinessMinutes  = search of the interval holding the start (its position in open time)
 *     + search of the interval where position + target falls,
 *   - businessMinutesBetween = difference of two positions,
 * walking to the next year's table when needed. Searches start from a proportional guess and
 * gallop, so they cost O(1) typically and O(log n) at worst. Intl is only used to build a table.
 *
 * Open instants: t is open when, in the calendar's zone, local(t) = t + offset(t) lies within
 * [open, close) of an open weekday on a local date that is not a holiday. Each local interval is
 * mapped to instants piece by piece over the zone's runs of constant offset, so a DST gap simply
 * removes the wall-clock time that does not exist and a fall-back overlap counts both occurrences.
 */
import { SlaError, show } from './errors'
import { isAllDay, normalizeHolidays, normalizeWeekly } from './hours'
import type { BusinessCalendar } from './types'
import * as zone from './zone'
import { piecesForYear, resolveZone, weekdayOfDay, type Zone } from './zone'

// Hot-path constants and helpers as module-local bindings: some module systems (bundlers, test
// runners, CommonJS interop) turn every access to an imported binding into a getter call.
const DAY = zone.DAY
const MINUTE = zone.MINUTE
const MIN_MS = zone.MIN_MS
const MAX_MS = zone.MAX_MS
const YEAR_COUNT = zone.YEAR_COUNT
const YEAR_START = zone.YEAR_START
const LAST_YEAR_INDEX = YEAR_COUNT - 1
const AVG_YEAR_MS = 31_556_952_000

/** Index (0 = 1970) of the UTC year containing t; MAX_MS itself maps to the last year. */
function yearIndexOf(t: number): number {
  let y = Math.floor((t - MIN_MS) / AVG_YEAR_MS)
  if (y < 0) y = 0
  else if (y > LAST_YEAR_INDEX) y = LAST_YEAR_INDEX
  while (y > 0 && t < YEAR_START[y]!) y--
  while (y < LAST_YEAR_INDEX && t >= YEAR_START[y + 1]!) y++
  return y
}

export interface Table {
  readonly yearIndex: number
  /** First instant of the year and n / (length of the year in ms): index guess for a search. */
  readonly y0: number
  readonly perMs: number
  readonly n: number
  readonly starts: Float64Array
  readonly ends: Float64Array
  /** cumEnd[i] = open ms of this year up to ends[i]. */
  readonly cumEnd: Float64Array
  readonly total: number
  readonly bytes: number
  readonly owner: Core
  stamp: number
}

export interface Core {
  readonly key: string
  readonly zone: Zone
  /** Per weekday, flat [open, close, …] minutes after local midnight. */
  readonly days: readonly (readonly number[])[]
  readonly holidays: ReadonlySet<number>
  readonly continuous: boolean
  readonly hasOpenTime: boolean
  readonly tables: (Table | undefined)[]
}

interface Compiled {
  readonly timeZone: unknown
  readonly weekly: unknown
  readonly holidays: unknown
  readonly weeklyLength: number
  readonly holidaysLength: number
  readonly core: Core
}

// ---------------------------------------------------------------------------------------------
// Cache bounds (see docs/decisions/0002-sla-engine.md).
// ---------------------------------------------------------------------------------------------
/** Default budget for all year tables together (typed-array payload + fixed overhead). */
export const DEFAULT_TABLE_BUDGET_BYTES = 8 * 1024 * 1024
/** Per-table fixed overhead counted against the budget (object + 3 typed-array headers). */
const TABLE_OVERHEAD_BYTES = 400
/** Distinct calendars (canonical content) kept compiled. */
export const MAX_CORES = 256

let tableBudget = DEFAULT_TABLE_BUDGET_BYTES
let tableBytes = 0
let clock = 0
const liveTables = new Set<Table>()
const cores = new Map<string, Core>()
let compiledByObject = new WeakMap<object, Compiled>()
let stats = { tablesBuilt: 0, tablesEvicted: 0 }

// Content snapshots of the most recently compiled calendars: a calendar built afresh for each
// call (e.g. tierCalendar(...) per request) is matched by comparing its primitive values with a
// snapshot — no re-validation, no key building. Only validated content is ever snapshotted.
const MAX_SNAPSHOTS = 16
const MAX_SNAPSHOT_HOLIDAYS = 2000
interface Snapshot {
  readonly timeZone: string
  /** day, open, close of each weekly entry, in the given order. */
  readonly weekly: readonly unknown[]
  readonly holidays: readonly unknown[]
  readonly core: Core
}
let snapshots: Snapshot[] = []

// A tiny most-recently-used front for the WeakMap: a queue checking "time left" for thousands of
// cases on a handful of calendar objects resolves them with a pointer comparison or two.
// Holds at most MRU_SIZE calendar objects strongly.
const MRU_SIZE = 4
const NO_KEY: object = Object.freeze({}) // never a caller's calendar (unlike undefined)
const mruKeys: object[] = new Array<object>(MRU_SIZE).fill(NO_KEY)
const mruVals: (Compiled | undefined)[] = new Array<Compiled | undefined>(MRU_SIZE).fill(undefined)
let mruNext = 0

function evictTable(t: Table): void {
  if (!liveTables.delete(t)) return
  if (t.owner.tables[t.yearIndex] === t) t.owner.tables[t.yearIndex] = undefined
  tableBytes -= t.bytes
  stats.tablesEvicted++
}

function enforceBudget(keep: Table | undefined): void {
  while (tableBytes > tableBudget && liveTables.size > (keep === undefined ? 0 : 1)) {
    let oldest: Table | undefined
    for (const t of liveTables) if (t !== keep && (oldest === undefined || t.stamp < oldest.stamp)) oldest = t
    if (oldest === undefined) break
    evictTable(oldest)
  }
}

export function setTableBudget(bytes: number): void {
  if (!Number.isFinite(bytes) || bytes < 0) throw new SlaError('INVALID_INPUT', `cache budget must be a finite number of bytes ≥ 0, got ${show(bytes)}`)
  tableBudget = bytes
  enforceBudget(undefined)
}

export function cacheStats(): {
  tables: number
  tableBytes: number
  tableBudgetBytes: number
  calendars: number
  maxCalendars: number
  tablesBuilt: number
  tablesEvicted: number
} {
  return {
    tables: liveTables.size,
    tableBytes,
    tableBudgetBytes: tableBudget,
    calendars: cores.size,
    maxCalendars: MAX_CORES,
    tablesBuilt: stats.tablesBuilt,
    tablesEvicted: stats.tablesEvicted,
  }
}

export function clearCaches(): void {
  for (const t of [...liveTables]) evictTable(t)
  cores.clear()
  snapshots = []
  compiledByObject = new WeakMap()
  mruKeys.fill(NO_KEY)
  mruVals.fill(undefined)
  stats = { tablesBuilt: 0, tablesEvicted: 0 }
}

// ---------------------------------------------------------------------------------------------
// Compilation
// ---------------------------------------------------------------------------------------------

function matchSnapshot(timeZone: unknown, weekly: unknown, holidays: unknown): Core | undefined {
  if (typeof timeZone !== 'string' || !Array.isArray(weekly) || !Array.isArray(holidays)) return undefined
  const wl = weekly.length
  const hl = holidays.length
  outer: for (let k = 0; k < snapshots.length; k++) {
    const s = snapshots[k]!
    if (s.timeZone !== timeZone || s.holidays.length !== hl || s.weekly.length !== wl * 3) continue
    const sw = s.weekly
    for (let i = 0; i < wl; i++) {
      const w: unknown = weekly[i]
      if (w === null || typeof w !== 'object') continue outer
      const e = w as { day?: unknown; open?: unknown; close?: unknown }
      if (e.day !== sw[3 * i] || e.open !== sw[3 * i + 1] || e.close !== sw[3 * i + 2]) continue outer
    }
    const sh = s.holidays
    for (let i = 0; i < hl; i++) if (holidays[i] !== sh[i]) continue outer
    if (k > 0) {
      snapshots[k] = snapshots[k - 1]!
      snapshots[k - 1] = s
    }
    return s.core
  }
  return undefined
}

/**
 * The Core for calendar content (zone, weekly hours, holidays): from a content snapshot, or by
 * validating (throws SlaError) and compiling, sharing Cores by canonical key.
 */
export function coreFor(timeZone: unknown, weekly: unknown, holidays: unknown): Core {
  const hit = matchSnapshot(timeZone, weekly, holidays)
  if (hit !== undefined) return hit
  const zone = resolveZone(timeZone)
  const days = normalizeWeekly(weekly)
  const holidayDays = normalizeHolidays(holidays)
  const key = `${zone.name}|${days.map((d) => d.join(',')).join(';')}|${holidayDays.join(',')}`
  let core = cores.get(key)
  if (core === undefined) {
    core = {
      key,
      zone,
      days,
      holidays: new Set(holidayDays),
      continuous: holidayDays.length === 0 && isAllDay(days),
      hasOpenTime: days.some((d) => d.length > 0),
      tables: new Array<Table | undefined>(YEAR_COUNT).fill(undefined),
    }
  }
  cores.delete(key)
  cores.set(key, core)
  if (cores.size > MAX_CORES) {
    const oldest = cores.values().next().value as Core
    cores.delete(oldest.key)
    for (const t of oldest.tables) if (t !== undefined) evictTable(t)
    snapshots = snapshots.filter((s) => s.core !== oldest)
  }
  const w = weekly as { day: unknown; open: unknown; close: unknown }[]
  const h = holidays as unknown[]
  if (h.length <= MAX_SNAPSHOT_HOLIDAYS) {
    const flat: unknown[] = []
    for (const e of w) flat.push(e.day, e.open, e.close)
    snapshots.unshift({ timeZone: timeZone as string, weekly: flat, holidays: h.slice(), core })
    if (snapshots.length > MAX_SNAPSHOTS) snapshots.length = MAX_SNAPSHOTS
  }
  return core
}

function compile(cal: BusinessCalendar): { compiled: Compiled; validated: boolean } {
  if (cal === null || typeof cal !== 'object' || Array.isArray(cal)) {
    throw new SlaError('INVALID_CALENDAR', `calendar must be an object { timeZone, weekly, holidays }, got ${show(cal)}`)
  }
  let core = matchSnapshot(cal.timeZone, cal.weekly, cal.holidays)
  const validated = core === undefined
  if (core === undefined) core = coreFor(cal.timeZone, cal.weekly, cal.holidays)
  const compiled: Compiled = {
    timeZone: cal.timeZone,
    weekly: cal.weekly,
    holidays: cal.holidays,
    weeklyLength: cal.weekly.length,
    holidaysLength: cal.holidays.length,
    core,
  }
  return { compiled, validated }
}

function fresh(c: Compiled, cal: BusinessCalendar): boolean {
  return (
    c.timeZone === cal.timeZone &&
    c.weekly === cal.weekly &&
    c.holidays === cal.holidays &&
    c.weeklyLength === cal.weekly.length &&
    c.holidaysLength === cal.holidays.length
  )
}

/**
 * The compiled form of a calendar. Calendars are values: a compiled form is remembered per object
 * and re-validated if its zone, weekly or holidays reference (or their lengths) change.
 */
export function coreOf(cal: BusinessCalendar): Core {
  for (let k = 0; k < MRU_SIZE; k++) {
    if (mruKeys[k] === cal) {
      const c = mruVals[k]!
      if (fresh(c, cal)) return c.core
      break
    }
  }
  if (typeof cal !== 'object' || cal === null) return compile(cal).compiled.core
  let c = compiledByObject.get(cal)
  if (c === undefined || !fresh(c, cal)) {
    const r = compile(cal)
    c = r.compiled
    // Remember by identity only what needed a full validation: content that matched a snapshot
    // is found again just as cheaply, without growing the WeakMap with one-off objects.
    if (r.validated) compiledByObject.set(cal, c)
  }
  mruKeys[mruNext] = cal
  mruVals[mruNext] = c
  mruNext = (mruNext + 1) % MRU_SIZE
  return c.core
}

// ---------------------------------------------------------------------------------------------
// Year tables
// ---------------------------------------------------------------------------------------------

function buildTable(core: Core, yearIndex: number): Table {
  const y0 = YEAR_START[yearIndex]!
  const y1 = YEAR_START[yearIndex + 1]!
  const pieces = piecesForYear(core.zone, yearIndex)
  const starts: number[] = []
  const ends: number[] = []
  const np = pieces.starts.length
  for (let p = 0; p < np; p++) {
    const ps = Math.max(pieces.starts[p]!, y0)
    const pe = Math.min(p + 1 < np ? pieces.starts[p + 1]! : pieces.to, y1)
    if (pe <= ps) continue
    const off = pieces.offsets[p]!
    // Local dates touched by this piece: local wall time runs over [ps + off, pe + off).
    const firstDay = Math.floor((ps + off) / DAY)
    const lastDay = Math.floor((pe - 1 + off) / DAY)
    for (let d = firstDay; d <= lastDay; d++) {
      if (core.holidays.has(d)) continue
      const flat = core.days[weekdayOfDay(d)]!
      for (let k = 0; k < flat.length; k += 2) {
        // Local interval [a, b) as wall-clock ms; its instants within this piece are [a - off, b - off).
        const s = Math.max(ps, d * DAY + flat[k]! * MINUTE - off)
        const e = Math.min(pe, d * DAY + flat[k + 1]! * MINUTE - off)
        if (e <= s) continue
        if (ends.length > 0 && ends[ends.length - 1] === s)
          ends[ends.length - 1] = e // contiguous: merge
        else {
          starts.push(s)
          ends.push(e)
        }
      }
    }
  }
  const n = starts.length
  const st = Float64Array.from(starts)
  const en = Float64Array.from(ends)
  const cum = new Float64Array(n)
  let total = 0
  for (let i = 0; i < n; i++) {
    total += en[i]! - st[i]!
    cum[i] = total
  }
  const table: Table = {
    yearIndex,
    y0,
    perMs: n / (y1 - y0),
    n,
    starts: st,
    ends: en,
    cumEnd: cum,
    total,
    bytes: n * 24 + TABLE_OVERHEAD_BYTES,
    owner: core,
    stamp: ++clock,
  }
  stats.tablesBuilt++
  core.tables[yearIndex] = table
  liveTables.add(table)
  tableBytes += table.bytes
  enforceBudget(table)
  return table
}

export function tableOf(core: Core, yearIndex: number): Table {
  const t = core.tables[yearIndex] ?? buildTable(core, yearIndex)
  t.stamp = ++clock
  return t
}

/**
 * Index of the last element of the sorted array `a` (length n) that is ≤ x, or -1. Starts from
 * the guess `g` (intervals are spread fairly evenly over a year, so the guess is usually within
 * a few places), gallops outwards, then bisects: O(1) typical, O(log n) worst case.
 */
function lastAtOrBelow(a: Float64Array, n: number, x: number, g: number): number {
  let lo: number
  let hi: number
  if (g < 0) g = 0
  else if (g > n - 1) g = n - 1
  if (a[g]! <= x) {
    lo = g
    let step = 1
    hi = g + 1
    while (hi < n && a[hi]! <= x) {
      lo = hi
      step <<= 1
      hi = lo + step
    }
    if (hi > n) hi = n
  } else {
    hi = g
    let step = 1
    lo = g - 1
    while (lo >= 0 && a[lo]! > x) {
      hi = lo
      step <<= 1
      lo = hi - step
    }
    if (lo < -1) lo = -1
  }
  // Invariant: lo = -1 or a[lo] ≤ x; hi = n or a[hi] > x.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (a[mid]! <= x) lo = mid
    else hi = mid
  }
  return lo
}

/** Open ms of the table's year before instant t (t within or at the end of the year). */
export function positionIn(table: Table, t: number): number {
  const n = table.n
  if (n === 0) return 0
  const i = lastAtOrBelow(table.starts, n, t, Math.floor((t - table.y0) * table.perMs))
  if (i < 0) return 0
  const e = table.ends[i]!
  return t < e ? table.cumEnd[i]! - (e - t) : table.cumEnd[i]!
}

/** Earliest instant of the table's year at which `target` open ms (0 < target ≤ total) have passed. */
function instantAt(table: Table, target: number): number {
  // First j with cumEnd[j] ≥ target (cumEnd is strictly increasing; cumEnd[n-1] = total ≥ target),
  // from a proportional guess, galloping then bisecting.
  const c = table.cumEnd
  const n = table.n
  let g = Math.floor((target / table.total) * n)
  if (g > n - 1) g = n - 1
  let j: number
  if (c[g]! >= target) {
    // walk/gallop down while the previous one still reaches the target
    let hi = g
    let step = 1
    let lo = g - 1
    while (lo >= 0 && c[lo]! >= target) {
      hi = lo
      step <<= 1
      lo = hi - step
    }
    if (lo < -1) lo = -1
    // c[lo] < target (or lo = -1), c[hi] ≥ target
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (c[mid]! >= target) hi = mid
      else lo = mid
    }
    j = hi
  } else {
    let lo = g
    let step = 1
    let hi = g + 1
    while (hi < n && c[hi]! < target) {
      lo = hi
      step <<= 1
      hi = lo + step
    }
    if (hi > n - 1) hi = n - 1 // c[n-1] = total ≥ target
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (c[mid]! >= target) hi = mid
      else lo = mid
    }
    j = hi
  }
  return table.ends[j]! - (c[j]! - target)
}

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

/** True when the calendar counts real elapsed time (every day 00:00–24:00, no holidays). */
export function isContinuous(cal: BusinessCalendar): boolean {
  return coreOf(cal).continuous
}

/** Validates a calendar (throws SlaError) and returns its canonical zone name. */
export function validateCalendar(cal: BusinessCalendar): { timeZone: string; continuous: boolean } {
  const core = coreOf(cal)
  return { timeZone: core.zone.name, continuous: core.continuous }
}
