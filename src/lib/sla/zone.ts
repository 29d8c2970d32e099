/**
 * Time-zone offsets, read from Intl.DateTimeFormat — only when a year table is built, never on
 * the hot path. For each zone and UTC year we find the offset "pieces" (maximal runs of constant
 * UTC offset) by sampling the offset once a day and bisecting each change to the second.
 */
import { SlaError, show } from './errors'

export const SECOND = 1_000
export const MINUTE = 60_000
export const DAY = 86_400_000

/** Supported instants: [1970-01-01T00:00Z, 2101-01-01T00:00Z]. Year tables exist for 1970..2100. */
export const FIRST_YEAR = 1970
export const LAST_YEAR = 2100
export const YEAR_COUNT = LAST_YEAR - FIRST_YEAR + 1
export const MIN_MS = Date.UTC(FIRST_YEAR, 0, 1)
export const MAX_MS = Date.UTC(LAST_YEAR + 1, 0, 1)

/** YEAR_START[i] = first UTC instant of year FIRST_YEAR + i (i = 0 .. YEAR_COUNT). */
export const YEAR_START = new Float64Array(YEAR_COUNT + 1)
for (let i = 0; i <= YEAR_COUNT; i++) YEAR_START[i] = Date.UTC(FIRST_YEAR + i, 0, 1)

const AVG_YEAR_MS = 31_556_952_000

/** Index (0 = 1970) of the UTC year containing t; MAX_MS itself maps to the last year. */
export function yearIndexOf(t: number): number {
  let y = Math.floor((t - MIN_MS) / AVG_YEAR_MS)
  if (y < 0) y = 0
  else if (y > YEAR_COUNT - 1) y = YEAR_COUNT - 1
  while (y > 0 && t < YEAR_START[y]!) y--
  while (y < YEAR_COUNT - 1 && t >= YEAR_START[y + 1]!) y++
  return y
}

/** Runs of constant offset: piece i is [starts[i], starts[i+1]) (the last ends at `to`). */
export interface Pieces {
  readonly from: number
  readonly to: number
  readonly starts: readonly number[]
  readonly offsets: readonly number[] // ms to add to a UTC instant to get local wall-clock time
}

export interface Zone {
  /** Canonical IANA name as resolved by Intl (e.g. 'America/New_York'). */
  readonly name: string
  readonly fmt: Intl.DateTimeFormat
  /** Pieces per year index, covering [YEAR_START[i] - 2 days, YEAR_START[i+1] + 2 days]. */
  readonly years: Map<number, Pieces>
}

// Bounded caches: at most MAX_ZONES zones (each ≤ 131 small piece lists) and MAX_ALIASES names.
const MAX_ZONES = 64
const MAX_ALIASES = 256
const zonesByName = new Map<string, Zone>()
const zonesByInput = new Map<string, Zone>()

function touch<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > max) {
    const oldest = map.keys().next().value as K
    map.delete(oldest)
  }
}

/** Resolves and validates an IANA zone name; throws SlaError('INVALID_ZONE'). */
export function resolveZone(timeZone: unknown): Zone {
  if (typeof timeZone === 'string') {
    const hit = zonesByInput.get(timeZone)
    if (hit !== undefined) return hit
  }
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    throw new SlaError('INVALID_ZONE', `timeZone must be an IANA zone name such as "America/Chicago", got ${show(timeZone)}`)
  }
  let fmt: Intl.DateTimeFormat
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
  } catch {
    throw new SlaError('INVALID_ZONE', `Unknown time zone ${show(timeZone)}: use an IANA zone name such as "America/Chicago"`)
  }
  const name = fmt.resolvedOptions().timeZone
  let zone = zonesByName.get(name)
  if (zone === undefined) {
    zone = { name, fmt, years: new Map() }
  }
  touch(zonesByName, name, zone, MAX_ZONES)
  touch(zonesByInput, timeZone, zone, MAX_ALIASES)
  return zone
}

const FORMAT_RE = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/

/** Offset (local − UTC, in ms) at instant t, straight from Intl. Slow (~2 µs): build time only. */
export function intlOffsetAt(zone: Zone, t: number): number {
  const whole = t - (((t % SECOND) + SECOND) % SECOND)
  const m = FORMAT_RE.exec(zone.fmt.format(whole))
  let local: number
  if (m !== null) {
    local = Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, +m[4]!, +m[5]!, +m[6]!)
  } else {
    // Some ICU builds format differently: fall back to the structured API.
    const f: Record<string, number> = {}
    for (const p of zone.fmt.formatToParts(whole)) if (p.type !== 'literal') f[p.type] = Number(p.value)
    local = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour! % 24, f.minute!, f.second!)
  }
  return local - whole
}

function computePieces(zone: Zone, from: number, to: number): Pieces {
  const starts: number[] = [from]
  const offsets: number[] = [intlOffsetAt(zone, from)]
  let prevT = from
  let prevO = offsets[0]!
  for (let t = from + DAY; ; t += DAY) {
    if (t > to) t = to
    const o = intlOffsetAt(zone, t)
    // Every change of offset in (prevT, t]: bisect to the second (transitions are whole seconds).
    while (o !== prevO) {
      let lo = prevT
      let hi = t
      while (hi - lo > SECOND) {
        const mid = lo + Math.floor((hi - lo) / (2 * SECOND)) * SECOND
        if (intlOffsetAt(zone, mid) === prevO) lo = mid
        else hi = mid
      }
      prevO = intlOffsetAt(zone, hi)
      prevT = hi
      starts.push(hi)
      offsets.push(prevO)
    }
    prevT = t
    if (t === to) break
  }
  return { from, to, starts, offsets }
}

/** Offset pieces covering UTC year `yearIndex` with a 2-day margin on each side (cached). */
export function piecesForYear(zone: Zone, yearIndex: number): Pieces {
  let p = zone.years.get(yearIndex)
  if (p === undefined) {
    p = computePieces(zone, YEAR_START[yearIndex]! - 2 * DAY, YEAR_START[yearIndex + 1]! + 2 * DAY)
    zone.years.set(yearIndex, p)
  }
  return p
}

/** Offset at t from the cached pieces (no Intl once the year is known). */
export function offsetAt(zone: Zone, t: number): number {
  const p = piecesForYear(zone, yearIndexOf(t))
  let i = p.starts.length - 1
  while (i > 0 && p.starts[i]! > t) i--
  return p.offsets[i]!
}

/** Offset changes in the half-open range (from, to]. */
export function transitionsBetween(zone: Zone, from: number, to: number): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = []
  if (!(to > from)) return out
  const last = yearIndexOf(Math.min(to, MAX_MS))
  for (let y = yearIndexOf(Math.max(from, MIN_MS)); y <= last; y++) {
    const p = piecesForYear(zone, y)
    for (let i = 1; i < p.starts.length; i++) {
      const at = p.starts[i]!
      // Each year's pieces overlap the neighbours' margins: keep a change only in its own year.
      if (at > from && at <= to && at >= YEAR_START[y]! && at < YEAR_START[y + 1]!) {
        out.push({ at, before: p.offsets[i - 1]!, after: p.offsets[i]! })
      }
    }
  }
  return out
}

/** '+05:45', '-03:00', '+00:00' (seconds shown only when non-zero). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+'
  let s = Math.round(Math.abs(offsetMs) / SECOND)
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  const base = `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
  return s === 0 ? base : `${base}:${String(s).padStart(2, '0')}`
}

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const

/** Day number (days since 1970-01-01) → weekday 0 = Sunday. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

export function weekdayName(day: number): string {
  return WEEKDAY_SHORT[day] ?? '?'
}

/** Local wall-clock description of instant t in the zone (uses the cached pieces). */
export function localParts(zone: Zone, t: number): { date: string; time: string; weekday: number; offset: number } {
  const offset = offsetAt(zone, t)
  const d = new Date(t + offset)
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
  let time = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  if (d.getUTCSeconds() !== 0 || d.getUTCMilliseconds() !== 0) {
    time += `:${String(d.getUTCSeconds()).padStart(2, '0')}`
    if (d.getUTCMilliseconds() !== 0) time += `.${String(d.getUTCMilliseconds()).padStart(3, '0')}`
  }
  return { date, time, weekday: d.getUTCDay(), offset }
}
