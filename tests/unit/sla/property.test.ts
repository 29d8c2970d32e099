/**
 * Property tests: the engine against a slow, obviously correct reference.
 *
 * The reference walks real time one UTC minute at a time and asks Intl.DateTimeFormat for the
 * local weekday, date and time of each minute; a minute is open when that weekday has hours
 * containing the local time and the local date is not a holiday. Starts that are not minute
 * aligned are handled by walking the partial first minute at millisecond precision (the open
 * state is constant within a UTC minute because every offset of these zones, 2026–2028 and
 * around the random years used, is a whole number of minutes — asserted on every reading).
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar, type WeeklyHours } from '@/lib/sla'

// Run counts scale with SLA_PROPERTY_SCALE (1 = full, the default and what npm test runs; the
// inner loop `npm run test:fast` uses 0.1). Seeds are fixed, so a smaller run is a prefix of the full one.
const SCALE = Number(process.env.SLA_PROPERTY_SCALE ?? 1)
const runs = (n: number) => Math.max(1, Math.round(n * (Number.isFinite(SCALE) && SCALE > 0 ? SCALE : 1)))

const MIN = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000

// ---------------------------------------------------------------------------------------------
// The reference
// ---------------------------------------------------------------------------------------------
type Local = { weekday: number; date: string; minuteOfDay: number }
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }
const formatters = new Map<string, Intl.DateTimeFormat>()
let memoZone = ''
let memo = new Map<number, Local>()

function refFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(zone, f)
  }
  return f
}

/** Local wall clock of a minute-aligned instant, read from Intl (memoised per zone). */
function refLocal(zone: string, t: number): Local {
  if (zone !== memoZone) {
    memoZone = zone
    memo = new Map()
  }
  const hit = memo.get(t)
  if (hit) return hit
  const s = refFormatter(zone).format(t) // "Wed, 12/31/2025, 19:00:00"
  const m = /^(\w{3}), (\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/.exec(s)
  if (!m) throw new Error(`unexpected Intl output ${s}`)
  if (m[7] !== '00') throw new Error(`offset of ${zone} at ${new Date(t).toISOString()} is not whole minutes`)
  const local = { weekday: WEEKDAYS[m[1]!]!, date: `${m[4]}-${m[2]}-${m[3]}`, minuteOfDay: Number(m[5]) * 60 + Number(m[6]) }
  memo.set(t, local)
  return local
}

const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))

function refIsOpenMinute(cal: BusinessCalendar, minuteStart: number): boolean {
  const l = refLocal(cal.timeZone, minuteStart)
  if (cal.holidays.includes(l.date)) return false
  return cal.weekly.some((w) => w.day === l.weekday && hm(w.open) <= l.minuteOfDay && l.minuteOfDay < hm(w.close))
}

const STEP_LIMIT = 400_000

function refAdd(cal: BusinessCalendar, start: number, minutes: number): number {
  let remaining = Math.round(minutes * MIN)
  if (remaining === 0) return start
  let t = start
  for (let steps = 0; steps < STEP_LIMIT; steps++) {
    const minuteStart = Math.floor(t / MIN) * MIN
    const next = minuteStart + MIN
    if (refIsOpenMinute(cal, minuteStart)) {
      if (remaining <= next - t) return t + remaining
      remaining -= next - t
    }
    t = next
  }
  throw new Error('reference walked too far')
}

function refBetween(cal: BusinessCalendar, from: number, to: number): number {
  let sum = 0
  for (let t = from; t < to;) {
    const minuteStart = Math.floor(t / MIN) * MIN
    const next = Math.min(minuteStart + MIN, to)
    if (refIsOpenMinute(cal, minuteStart)) sum += next - t
    t = next
  }
  return sum / MIN
}

// Offset changes found independently of the engine: hourly scan, then bisection to the minute.
function refOffset(zone: string, t: number): number {
  const m = /^\w{3}, (\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/.exec(refFormatter(zone).format(t))!
  return Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, +m[4]!, +m[5]!, +m[6]!) - t
}
function refTransitions(zone: string, from: number, to: number): number[] {
  const out: number[] = []
  let prev = refOffset(zone, from)
  for (let t = from + HOUR; t <= to; t += HOUR) {
    const o = refOffset(zone, t)
    if (o !== prev) {
      let lo = t - HOUR
      let hi = t
      while (hi - lo > MIN) {
        const mid = lo + Math.floor((hi - lo) / (2 * MIN)) * MIN
        if (refOffset(zone, mid) === prev) lo = mid
        else hi = mid
      }
      out.push(hi)
      prev = o
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Halifax',
  'America/St_Johns',
  'America/Havana',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Mexico_City',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Dublin',
  'Europe/Moscow',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Asia/Jerusalem',
  'Asia/Gaza',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'UTC',
]

const fmtHm = (m: number) => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`)
const everyDay = (open: string, close: string): WeeklyHours => ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, open, close }))
const weekdays = (open: string, close: string): WeeklyHours => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }))

/** Presets chosen to straddle the hours where DST changes happen (00:00–03:00 local). */
const PRESETS: WeeklyHours[] = [
  weekdays('08:00', '20:00'),
  weekdays('08:00', '17:00'),
  everyDay('00:00', '24:00'), // with holidays this is not continuous: exercises day merging
  everyDay('01:00', '03:00'),
  everyDay('00:00', '04:00'),
  [...everyDay('00:00', '00:45'), ...everyDay('23:30', '24:00')],
  everyDay('02:00', '02:30'),
  [
    { day: 0, open: '00:00', close: '24:00' },
    { day: 6, open: '22:00', close: '24:00' },
    { day: 5, open: '00:00', close: '03:30' },
  ],
  [...weekdays('09:00', '12:00'), ...weekdays('13:00', '17:30')],
]

type Case = { cal: BusinessCalendar; start: number; minutes: number; span: number }

const weeklyArb: fc.Arbitrary<WeeklyHours> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PRESETS) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.record({
          day: fc.integer({ min: 0, max: 6 }),
          open: fc.oneof(
            fc.integer({ min: 0, max: 1439 }),
            fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
          ),
          len: fc.oneof(
            fc.integer({ min: 1, max: 900 }),
            fc.integer({ min: 1, max: 24 }).map((q) => q * 30),
          ),
        }),
        { minLength: 1, maxLength: 10 },
      )
      .map((entries) => {
        const kept: { day: number; open: number; close: number }[] = []
        for (const e of entries) {
          const open = e.open
          const close = Math.min(1440, open + e.len)
          if (kept.some((k) => k.day === e.day && open < k.close && k.open < close)) continue
          kept.push({ day: e.day, open, close })
        }
        return kept.map((k) => ({ day: k.day as 0 | 1 | 2 | 3 | 4 | 5 | 6, open: fmtHm(k.open), close: fmtHm(k.close) }))
      }),
  },
)

function weeklyOpenMinutes(weekly: WeeklyHours): number {
  return weekly.reduce((s, w) => s + hm(w.close) - hm(w.open), 0)
}

const minutesArb = fc.oneof(
  fc.constantFrom(0, 1, 30, 60, 120, 180, 360, 480, 720, 1440),
  fc.integer({ min: 0, max: 1500 }),
  fc.integer({ min: 0, max: 1500 * MIN }).map((ms) => ms / MIN), // millisecond-granular targets
)

/** Start = anchor + offset, at ms, minute or exact precision. */
const offsetArb = fc.oneof(
  fc.integer({ min: -3 * DAY, max: 3 * DAY }),
  fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
  fc.integer({ min: -72 * 60, max: 72 * 60 }).map((m) => m * MIN),
  fc.constantFrom(0, -MIN, MIN, -1, 1),
)

function caseArb(zone: string, anchors: number[]): fc.Arbitrary<Case> {
  return fc
    .record({
      weekly: weeklyArb,
      anchor: fc.constantFrom(...anchors),
      offset: offsetArb,
      holidayDays: fc.array(fc.integer({ min: -4, max: 12 }), { maxLength: 4 }),
      minutes: minutesArb,
      span: fc.oneof(fc.integer({ min: 0, max: 4 * DAY }), fc.integer({ min: -HOUR, max: 6 * HOUR })),
    })
    .map(({ weekly, anchor, offset, holidayDays, minutes, span }) => {
      const start = anchor + offset
      const holidays = holidayDays.map((k) => new Date(start + k * DAY).toISOString().slice(0, 10))
      // Keep the reference walk short: at most ~2 weeks of the calendar's open time.
      const cap = 2 * weeklyOpenMinutes(weekly)
      return { cal: { timeZone: zone, weekly, holidays }, start, minutes: Math.min(minutes, cap), span }
    })
}

function check(c: Case): void {
  const start = new Date(c.start)
  const got = addBusinessMinutes(c.cal, start, c.minutes).getTime()
  const want = refAdd(c.cal, c.start, c.minutes)
  if (got !== want) {
    throw new Error(
      `addBusinessMinutes(${JSON.stringify(c.cal)}, ${start.toISOString()}, ${c.minutes}) = ${new Date(got).toISOString()}, reference ${new Date(want).toISOString()}`,
    )
  }
  expect(businessMinutesBetween(c.cal, start, new Date(got))).toBe(c.minutes)
  const to = c.start + c.span
  const b = businessMinutesBetween(c.cal, start, new Date(to))
  const rb = refBetween(c.cal, c.start, to)
  if (Math.abs(b - rb) > 1e-9) {
    throw new Error(`businessMinutesBetween(${JSON.stringify(c.cal)}, ${start.toISOString()}, ${new Date(to).toISOString()}) = ${b}, reference ${rb}`)
  }
}

function seedOf(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------
const FROM_2026 = Date.UTC(2026, 0, 1)
const TO_2029 = Date.UTC(2029, 0, 1)

describe('reference sanity (hand-checked)', () => {
  const ny: BusinessCalendar = { timeZone: 'America/New_York', weekly: weekdays('08:00', '17:00'), holidays: ['2026-07-03'] }
  test.each([
    ['Thu 16:00 EDT + 120 → Mon 09:00 EDT over a Friday holiday', '2026-07-02T20:00:00Z', 120, '2026-07-06T13:00:00Z'],
    ['Fri 16:30 EST + 60 → Mon 08:30 EDT across spring-forward', '2026-03-06T21:30:00Z', 60, '2026-03-09T12:30:00Z'],
    ['0 minutes returns start even when closed', '2026-03-07T12:34:56.789Z', 0, '2026-03-07T12:34:56.789Z'],
  ])('%s', (_name, start, minutes, due) => {
    expect(new Date(refAdd(ny, Date.parse(start), minutes)).toISOString()).toBe(new Date(due).toISOString())
  })
  test('the night of fall-back counts 01:00–02:00 twice (reference and engine)', () => {
    const cal: BusinessCalendar = { timeZone: 'America/New_York', weekly: everyDay('01:00', '02:00'), holidays: [] }
    const from = Date.parse('2026-11-01T00:00:00Z')
    const to = Date.parse('2026-11-02T00:00:00Z')
    expect(refBetween(cal, from, to)).toBe(120)
    expect(businessMinutesBetween(cal, new Date(from), new Date(to))).toBe(120)
  })
  test('the night of spring-forward has no 02:00–03:00 (reference and engine)', () => {
    const cal: BusinessCalendar = { timeZone: 'America/New_York', weekly: everyDay('01:00', '04:00'), holidays: [] }
    const from = Date.parse('2026-03-08T00:00:00Z')
    const to = Date.parse('2026-03-09T00:00:00Z')
    expect(refBetween(cal, from, to)).toBe(120)
    expect(businessMinutesBetween(cal, new Date(from), new Date(to))).toBe(120)
  })
})

describe('engine = minute-by-minute reference around every DST transition 2026–2028', () => {
  const transitions = new Map(ZONES.map((z) => [z, refTransitions(z, FROM_2026, TO_2029)]))
  test('the scanned zones include at least 20 zones, 15 of them with transitions', () => {
    expect(ZONES.length).toBeGreaterThanOrEqual(20)
    expect([...transitions.values()].filter((t) => t.length > 0).length).toBeGreaterThanOrEqual(15)
  })
  test.each(ZONES)('%s', (zone) => {
    const ts = transitions.get(zone)!
    // Zones without changes: anchors spread over 2026–2028.
    const anchors = ts.length > 0 ? ts : [0, 1, 2, 3, 4, 5].map((k) => FROM_2026 + k * 182 * DAY + 13 * HOUR)
    for (const anchor of anchors) {
      fc.assert(
        fc.property(caseArb(zone, [anchor]), (c) => check(c)),
        { seed: seedOf(`${zone}@${anchor}`), numRuns: runs(ts.length > 0 ? 14 : 8) },
      )
    }
  })
})

describe('engine = reference at random instants 1970–2100', () => {
  const zones = [
    'America/New_York',
    'Europe/Berlin',
    'Australia/Sydney',
    'America/Santiago',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Europe/London',
    'America/Sao_Paulo',
    'Africa/Casablanca',
  ]
  test.each(zones)('%s', (zone) => {
    const anchors = fc.sample(fc.integer({ min: Date.UTC(1970, 0, 5), max: Date.UTC(2100, 9, 1) }), { seed: seedOf(zone), numRuns: runs(12) })
    fc.assert(
      fc.property(caseArb(zone, anchors), (c) => check(c)),
      { seed: seedOf(`random-${zone}`), numRuns: runs(24) },
    )
  })
})

describe('addBusinessMinutes and businessMinutesBetween are inverse', () => {
  test('businessMinutesBetween(cal, s, addBusinessMinutes(cal, s, m)) === m over 1970–2100', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        weeklyArb,
        fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(2098, 0, 1) }),
        fc.oneof(
          fc.integer({ min: 0, max: 20_000 }),
          fc.integer({ min: 0, max: 5000 * MIN }).map((ms) => ms / MIN),
        ),
        (zone, weekly, start, m) => {
          const minutes = Math.min(m, 50 * weeklyOpenMinutes(weekly)) // at most ~a year of open time
          const cal = { timeZone: zone, weekly, holidays: [new Date(start + DAY).toISOString().slice(0, 10)] }
          const due = addBusinessMinutes(cal, new Date(start), minutes)
          expect(due.getTime()).toBeGreaterThanOrEqual(start)
          expect(businessMinutesBetween(cal, new Date(start), due)).toBe(minutes)
        },
      ),
      { seed: 20260101, numRuns: runs(4000) },
    )
  })
  test('between is additive: [a,b) + [b,c) = [a,c)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        weeklyArb,
        fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(2098, 0, 1) }),
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.integer({ min: 0, max: 400 * DAY }),
        (zone, weekly, a, d1, d2) => {
          const cal = { timeZone: zone, weekly, holidays: [] }
          const b = a + d1
          const c = b + d2
          const ab = businessMinutesBetween(cal, new Date(a), new Date(b))
          const bc = businessMinutesBetween(cal, new Date(b), new Date(c))
          const ac = businessMinutesBetween(cal, new Date(a), new Date(c))
          expect(Math.abs(ab + bc - ac)).toBeLessThan(1e-6)
        },
      ),
      { seed: 7, numRuns: runs(1500) },
    )
  })
})
