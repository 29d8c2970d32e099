/**
 * Calendar compilation and the engine's caches (see docs/decisions/0002-sla-engine.md).
 *
 * A calendar is validated once and compiled to a `Core`, shared by every calendar object with the
 * same canonical content. This module owns every cache: compiled Cores (by canonical key, by object
 * identity, by content snapshot, and a tiny most-recently-used front) and the byte budget of the
 * year tables that tables.ts builds.
 */
import { SlaError, show } from './errors'
import { isAllDay, normalizeHolidays, normalizeWeekly } from './hours'
import type { BusinessCalendar } from './types'
import { resolveZone, YEAR_COUNT, type Zone } from './zone'

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
export const TABLE_OVERHEAD_BYTES = 400
/** Distinct calendars (canonical content) kept compiled. */
export const MAX_CORES = 256

let tableBudget = DEFAULT_TABLE_BUDGET_BYTES
let tableBytes = 0
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

/** Counts a freshly built table against the budget (evicting the least recently used others). */
export function adoptTable(table: Table): void {
  stats.tablesBuilt++
  table.owner.tables[table.yearIndex] = table
  liveTables.add(table)
  tableBytes += table.bytes
  enforceBudget(table)
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
