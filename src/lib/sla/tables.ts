/**
 * Year tables and their searches.
 *
 * Per UTC year a Core lazily builds a table of its open intervals in UTC milliseconds
 * (Float64Array starts/ends) with a running sum of open time (cumEnd). Searches start from a
 * proportional guess and gallop, so they cost O(1) typically and O(log n) at worst. Intl is only
 * used (through zone.ts) to build a table.
 *
 * Open instants: t is open when, in the calendar's zone, local(t) = t + offset(t) lies within
 * [open, close) of an open weekday on a local date that is not a holiday. Each local interval is
 * mapped to instants piece by piece over the zone's runs of constant offset, so a DST gap simply
 * removes the wall-clock time that does not exist and a fall-back overlap counts both occurrences.
 */
import { adoptTable, TABLE_OVERHEAD_BYTES as OVERHEAD, type Core, type Table } from './compile'
import * as zone from './zone'
import { piecesForYear, weekdayOfDay } from './zone'

// Hot-path constants and helpers as module-local bindings: some module systems (bundlers, test
// runners, CommonJS interop) turn every access to an imported binding into a getter call.
const DAY = zone.DAY
const MINUTE = zone.MINUTE
const MIN_MS = zone.MIN_MS
const YEAR_COUNT = zone.YEAR_COUNT
const YEAR_START = zone.YEAR_START
const LAST_YEAR_INDEX = YEAR_COUNT - 1
const AVG_YEAR_MS = 31_556_952_000
const TABLE_OVERHEAD_BYTES = OVERHEAD
/** Least-recently-used order of the tables (only compared, never reset). */
let clock = 0

/** Index (0 = 1970) of the UTC year containing t; MAX_MS itself maps to the last year. */
export function yearIndexOf(t: number): number {
  let y = Math.floor((t - MIN_MS) / AVG_YEAR_MS)
  if (y < 0) y = 0
  else if (y > LAST_YEAR_INDEX) y = LAST_YEAR_INDEX
  while (y > 0 && t < YEAR_START[y]!) y--
  while (y < LAST_YEAR_INDEX && t >= YEAR_START[y + 1]!) y++
  return y
}

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
  adoptTable(table)
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
export function instantAt(table: Table, target: number): number {
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

/** True when instant t is open time of the core (within an interval of its year's table). */
export function isOpenMs(core: Core, t: number): boolean {
  if (core.continuous) return true
  if (!core.hasOpenTime) return false
  const table = tableOf(core, yearIndexOf(t))
  const n = table.n
  if (n === 0) return false
  const i = lastAtOrBelow(table.starts, n, t, Math.floor((t - table.y0) * table.perMs))
  return i >= 0 && t < table.ends[i]!
}
