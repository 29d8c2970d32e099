/**
 * SLA engine benchmark — `npm run bench:sla` (= `tsx bench/sla.ts`).
 *
 * 100,000 seeded cases over 2026-01-01..2027-12-31, targets in {30,60,120,180,360,480,720,1440}
 * minutes, three calendars (Mon–Fri 08–17 America/New_York + US federal holidays 2026–2028;
 * Mon–Fri 08–20 Europe/Berlin + German national holidays 2026–2028; 24/7 UTC). Times, median of
 * 5 runs after a warm-up:
 *   - ours: addBusinessMinutes / businessMinutesBetween through the public Date API;
 *   - bare table: precomputed business intervals in UTC ms (built independently with date-fns-tz)
 *     + prefix sums + binary search on plain numbers, no Date objects — the physical limit;
 *   - peer: moment-business-time 2 + moment-timezone on a fixed 2,000-case subset.
 * Checks ours against bare (all cases) and peer (subset), measures the caches' memory, and writes
 * the "SLA engine" section of bench/RESULTS.md.
 */
import { execSync } from 'node:child_process'
import { createRequire } from 'node:module'
import os from 'node:os'
import { writeResultsSection } from './results'
import { holidaysFor } from '../prisma/seed/holidays'
import { rng } from '../prisma/seed/random'
import v8 from 'node:v8'
import vm from 'node:vm'
import { fromZonedTime } from 'date-fns-tz'
import { addBusinessMinutes, businessMinutesBetween, responseTarget, tierCalendar, type BusinessCalendar, type WeeklyHours } from '../src/lib/sla'
import { clearSlaCaches, slaCacheStats } from '../src/lib/sla/diagnostics'

const N = 100_000
const PEER_N = 2_000
const RUNS = 5
const REPEAT = 3 // passes over the 100k cases inside one timed run (keeps each run ≥ ~50 ms)
const MIN = 60_000
const DAY = 86_400_000
const TARGETS = [30, 60, 120, 180, 360, 480, 720, 1440]
const FROM = Date.UTC(2026, 0, 1)
const TO = Date.UTC(2027, 11, 31, 23, 59)

// ---------------------------------------------------------------------------------------------
// Holidays
// ---------------------------------------------------------------------------------------------
// The same holiday rules as the demo data: US federal (observed) and German national holidays.
const holidays = (region: 'US' | 'EMEA') => holidaysFor(region, [2026, 2027, 2028]).map((h) => h.date)

const weekdays = (open: string, close: string): WeeklyHours => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }))
const CALS: { name: string; cal: BusinessCalendar }[] = [
  { name: 'Mon–Fri 08–17 America/New_York + US federal', cal: { timeZone: 'America/New_York', weekly: weekdays('08:00', '17:00'), holidays: holidays('US') } },
  { name: 'Mon–Fri 08–20 Europe/Berlin + DE national', cal: { timeZone: 'Europe/Berlin', weekly: weekdays('08:00', '20:00'), holidays: holidays('EMEA') } },
  { name: '24/7 UTC', cal: { timeZone: 'UTC', weekly: ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, open: '00:00', close: '24:00' })), holidays: [] } },
]

// ---------------------------------------------------------------------------------------------
// Cases (seeded)
// ---------------------------------------------------------------------------------------------
const rnd = rng(20260101).next
const calIdx = new Uint8Array(N)
const startMs = new Float64Array(N)
const toMs = new Float64Array(N)
const minutes = new Float64Array(N)
for (let i = 0; i < N; i++) {
  calIdx[i] = Math.floor(rnd() * 3)
  startMs[i] = FROM + Math.floor(rnd() * ((TO - FROM) / MIN)) * MIN // minute-aligned (the peer works in whole minutes)
  minutes[i] = TARGETS[Math.floor(rnd() * TARGETS.length)]!
  toMs[i] = startMs[i]! + Math.floor(rnd() * 7 * 24 * 60) * MIN // "time left" up to a week ahead
}
const startDates = Array.from(startMs, (t) => new Date(t))
const toDates = Array.from(toMs, (t) => new Date(t))
const calObjs = CALS.map((c) => c.cal)

// ---------------------------------------------------------------------------------------------
// Bare table: built independently (date-fns-tz wall-clock conversion, one table 2025-12-31..2028-03-01)
// ---------------------------------------------------------------------------------------------
interface Bare {
  starts: Float64Array
  ends: Float64Array
  cum: Float64Array
}
function bareFor(cal: BusinessCalendar): Bare {
  const s: number[] = []
  const e: number[] = []
  const hol = new Set(cal.holidays)
  for (let d = Date.UTC(2025, 11, 30); d < Date.UTC(2028, 2, 1); d += DAY) {
    const date = new Date(d).toISOString().slice(0, 10)
    const wd = new Date(d).getUTCDay()
    if (hol.has(date)) continue
    for (const w of cal.weekly) {
      if (w.day !== wd) continue
      const a = fromZonedTime(`${date}T${w.open}:00`, cal.timeZone).getTime()
      const b =
        w.close === '24:00'
          ? fromZonedTime(`${new Date(d + DAY).toISOString().slice(0, 10)}T00:00:00`, cal.timeZone).getTime()
          : fromZonedTime(`${date}T${w.close}:00`, cal.timeZone).getTime()
      if (e.length > 0 && e[e.length - 1] === a) e[e.length - 1] = b
      else {
        s.push(a)
        e.push(b)
      }
    }
  }
  const cum = new Float64Array(s.length)
  let total = 0
  for (let i = 0; i < s.length; i++) cum[i] = total += e[i]! - s[i]!
  return { starts: Float64Array.from(s), ends: Float64Array.from(e), cum }
}
function barePos(b: Bare, t: number): number {
  let lo = 0
  let hi = b.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (b.starts[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  if (lo === 0) return 0
  const i = lo - 1
  const end = b.ends[i]!
  return t < end ? b.cum[i]! - (end - t) : b.cum[i]!
}
function bareAdd(b: Bare, t: number, ms: number): number {
  if (ms === 0) return t
  const target = barePos(b, t) + ms
  const c = b.cum
  let lo = 0
  let hi = c.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (c[mid]! < target) lo = mid + 1
    else hi = mid
  }
  return b.ends[lo]! - (c[lo]! - target)
}
const bares = calObjs.map(bareFor)

// ---------------------------------------------------------------------------------------------
// Peer: moment-business-time + moment-timezone (CommonJS, untyped)
// ---------------------------------------------------------------------------------------------
interface PeerMoment {
  clone(): PeerMoment
  addWorkingTime(n: number, unit: string): PeerMoment
  workingDiff(other: PeerMoment, unit: string, precise: boolean): number
  valueOf(): number
}
interface PeerMomentStatic {
  tz(t: number, zone: string): PeerMoment
  updateLocale(locale: string, data: unknown): unknown
}
const require = createRequire(import.meta.url)
const moment = require('moment-timezone') as PeerMomentStatic
require('moment-business-time')
function configurePeer(cal: BusinessCalendar): void {
  const workinghours: Record<number, string[] | null> = { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null }
  for (const w of cal.weekly) workinghours[w.day] = [`${w.open}:00`, `${w.close}:00`]
  moment.updateLocale('en', { workinghours, holidays: cal.holidays })
}
const peerByCal: number[][] = [[], [], []]
for (let i = 0; i < PEER_N; i++) peerByCal[calIdx[i]!]!.push(i)

// ---------------------------------------------------------------------------------------------
// Timing helpers
// ---------------------------------------------------------------------------------------------
let sink = 0
const M = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`)
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
/** ops/s: median of RUNS timed runs after one warm-up run; fn returns the number of ops done. */
function rate(fn: () => number): number {
  return rates([fn])[0]!.median
}
/**
 * The same for several functions, interleaved run by run (A B C, A B C, …) so that they share the
 * machine's conditions: the ratios stay meaningful on a busy machine.
 */
function rates(fns: (() => number)[]): { median: number; min: number; max: number }[] {
  for (const fn of fns) fn()
  const runs: number[][] = fns.map(() => [])
  for (let r = 0; r < RUNS; r++) {
    fns.forEach((fn, k) => {
      const t0 = process.hrtime.bigint()
      const ops = fn()
      const dt = Number(process.hrtime.bigint() - t0) / 1e9
      runs[k]!.push(ops / dt)
    })
  }
  return runs.map((xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }))
}

const oursAdd = () => {
  let acc = 0
  for (let r = 0; r < REPEAT; r++) for (let i = 0; i < N; i++) acc += addBusinessMinutes(calObjs[calIdx[i]!]!, startDates[i]!, minutes[i]!).getTime()
  sink += acc
  return N * REPEAT
}
const oursBetween = () => {
  let acc = 0
  for (let r = 0; r < REPEAT; r++) for (let i = 0; i < N; i++) acc += businessMinutesBetween(calObjs[calIdx[i]!]!, startDates[i]!, toDates[i]!)
  sink += acc
  return N * REPEAT
}
const bareAddRun = () => {
  let acc = 0
  for (let r = 0; r < REPEAT; r++) for (let i = 0; i < N; i++) acc += bareAdd(bares[calIdx[i]!]!, startMs[i]!, minutes[i]! * MIN)
  sink += acc
  return N * REPEAT
}
const bareBetweenRun = () => {
  let acc = 0
  for (let r = 0; r < REPEAT; r++)
    for (let i = 0; i < N; i++) {
      const b = bares[calIdx[i]!]!
      const f = startMs[i]!
      const t = toMs[i]!
      acc += t > f ? (barePos(b, t) - barePos(b, f)) / MIN : 0
    }
  sink += acc
  return N * REPEAT
}
const peerAddRun = () => {
  let acc = 0
  for (let c = 0; c < 3; c++) {
    configurePeer(calObjs[c]!)
    for (const i of peerByCal[c]!) acc += moment.tz(startMs[i]!, calObjs[c]!.timeZone).addWorkingTime(minutes[i]!, 'minutes').valueOf()
  }
  sink += acc
  return PEER_N
}
const peerBetweenRun = () => {
  let acc = 0
  for (let c = 0; c < 3; c++) {
    configurePeer(calObjs[c]!)
    const z = calObjs[c]!.timeZone
    for (const i of peerByCal[c]!) acc += moment.tz(toMs[i]!, z).workingDiff(moment.tz(startMs[i]!, z), 'minutes', true)
  }
  sink += acc
  return PEER_N
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
const wallStart = performance.now()

// Memory: caches built from cold by the whole case set.
clearSlaCaches()
gc()
const heap0 = process.memoryUsage().heapUsed
for (let i = 0; i < N; i++) addBusinessMinutes(calObjs[calIdx[i]!]!, startDates[i]!, minutes[i]!)
gc()
const heap1 = process.memoryUsage().heapUsed
const cache = slaCacheStats()

// Agreement: ours vs bare on every case, ours vs peer on the subset.
let bareAddDiff = 0
let bareBetweenDiff = 0
for (let i = 0; i < N; i++) {
  const b = bares[calIdx[i]!]!
  const ours = addBusinessMinutes(calObjs[calIdx[i]!]!, startDates[i]!, minutes[i]!).getTime()
  if (ours !== bareAdd(b, startMs[i]!, minutes[i]! * MIN)) bareAddDiff++
  const ob = businessMinutesBetween(calObjs[calIdx[i]!]!, startDates[i]!, toDates[i]!)
  if (Math.abs(ob - (barePos(b, toMs[i]!) - barePos(b, startMs[i]!)) / MIN) > 1e-9) bareBetweenDiff++
}
let peerAddDiff = 0
let peerBetweenDiff = 0
const peerExamples: string[] = []
for (let c = 0; c < 3; c++) {
  configurePeer(calObjs[c]!)
  const cal = calObjs[c]!
  for (const i of peerByCal[c]!) {
    const p = moment.tz(startMs[i]!, cal.timeZone).addWorkingTime(minutes[i]!, 'minutes').valueOf()
    const o = addBusinessMinutes(cal, startDates[i]!, minutes[i]!).getTime()
    if (p !== o) {
      peerAddDiff++
      if (peerExamples.length < 3)
        peerExamples.push(
          `add ${CALS[c]!.name} ${startDates[i]!.toISOString()} +${minutes[i]} → ours ${new Date(o).toISOString()}, peer ${new Date(p).toISOString()}`,
        )
    }
    const pb = moment.tz(toMs[i]!, cal.timeZone).workingDiff(moment.tz(startMs[i]!, cal.timeZone), 'minutes', true)
    const ob = businessMinutesBetween(cal, startDates[i]!, toDates[i]!)
    if (Math.abs(pb - ob) > 1e-6) {
      peerBetweenDiff++
      if (peerExamples.length < 6)
        peerExamples.push(`between ${CALS[c]!.name} ${startDates[i]!.toISOString()} → ${toDates[i]!.toISOString()}: ours ${ob}, peer ${pb}`)
    }
  }
}

const [addOurs, addBare, addPeer] = rates([oursAdd, bareAddRun, peerAddRun])
const [betOurs, betBare, betPeer] = rates([oursBetween, bareBetweenRun, peerBetweenRun])
const r = {
  oursAdd: addOurs!.median,
  bareAdd: addBare!.median,
  peerAdd: addPeer!.median,
  oursBetween: betOurs!.median,
  bareBetween: betBare!.median,
  peerBetween: betPeer!.median,
}
const spread = (x: { min: number; max: number }) => `${M(x.min)} – ${M(x.max)}`

// Single calls as the UI and queue make them: fresh input objects and fresh calendar objects.
const SINGLE = 20_000
const singleTarget = rate(() => {
  let acc = 0
  for (let i = 0; i < SINGLE; i++) {
    const tier = i % 2 === 0 ? 'BASIC' : 'EVALUATION'
    const res = responseTarget({
      tier,
      severity: 2,
      openedAt: new Date(startMs[i]!),
      timeZone: 'America/Chicago',
      holidays: ['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'],
    })
    if (res.kind === 'deadline') acc += res.dueAt.getTime()
  }
  sink += acc
  return SINGLE
})
const singleLeft = rate(() => {
  let acc = 0
  for (let i = 0; i < SINGLE; i++) {
    const cal = tierCalendar('BASIC', 'America/Chicago', ['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'])!
    acc += businessMinutesBetween(cal, new Date(startMs[i]!), new Date(toMs[i]!))
  }
  sink += acc
  return SINGLE
})
const wall = (performance.now() - wallStart) / 1000

// Per-calendar rates of ours (add), informative.
const perCal = CALS.map((c, k) => {
  const idx: number[] = []
  for (let i = 0; i < N; i++) if (calIdx[i] === k) idx.push(i)
  return {
    name: c.name,
    rate: rate(() => {
      let acc = 0
      for (let rr = 0; rr < REPEAT; rr++) for (const i of idx) acc += addBusinessMinutes(c.cal, startDates[i]!, minutes[i]!).getTime()
      sink += acc
      return idx.length * REPEAT
    }),
  }
})

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------
const X = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(2)}×`
const nproc = (() => {
  try {
    return execSync('nproc').toString().trim()
  } catch {
    return String(os.cpus().length)
  }
})()
const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const date = new Date(Date.now()).toISOString().slice(0, 10)

const lines = [
  '## SLA engine',
  '',
  `Command: \`npm run bench:sla\` (= \`tsx bench/sla.ts\`). Date: ${date}. Machine: nproc ${nproc}, ${cpu}, Node ${process.version}.`,
  '',
  `${N.toLocaleString('en-US')} seeded cases (minute-aligned starts 2026-01-01..2027-12-31, targets {${TARGETS.join(', ')}} min, "to" up to 7 days after the start), spread over three calendars: ${CALS.map((c) => c.name).join('; ')}. Rates are the median of ${RUNS} runs after a warm-up, ours, bare and peer interleaved run by run; our runs and the bare table make ${REPEAT} passes over the ${N.toLocaleString('en-US')} cases, the peer ${PEER_N.toLocaleString('en-US')} cases (the first ${PEER_N.toLocaleString('en-US')}).`,
  '',
  '| operation | ours (public Date API) | bare table (numbers only) | moment-business-time (peer) | ours / bare | ours / peer |',
  '|---|---|---|---|---|---|',
  `| addBusinessMinutes (deadlines/s) | ${M(r.oursAdd)} | ${M(r.bareAdd)} | ${M(r.peerAdd)} | ${X(r.oursAdd / r.bareAdd)} | ${X(r.oursAdd / r.peerAdd)} |`,
  `| businessMinutesBetween (calls/s) | ${M(r.oursBetween)} | ${M(r.bareBetween)} | ${M(r.peerBetween)} | ${X(r.oursBetween / r.bareBetween)} | ${X(r.oursBetween / r.peerBetween)} |`,
  '',
  'Targets: ours ≥ 1/3 of bare (ratio ≥ 0.33×, about ≥ 4 M/s) and ≥ 100× the peer.',
  '',
  '| spread over the 5 runs (min – max) | ours | bare table | peer |',
  '|---|---|---|---|',
  `| addBusinessMinutes | ${spread(addOurs!)} | ${spread(addBare!)} | ${spread(addPeer!)} |`,
  `| businessMinutesBetween | ${spread(betOurs!)} | ${spread(betBare!)} | ${spread(betPeer!)} |`,
  '',
  '| single calls (fresh objects each call) | rate |',
  '|---|---|',
  `| responseTarget, new input + holiday list each call (UI preview) | ${M(singleTarget)} |`,
  `| businessMinutesBetween on a new tierCalendar(...) each call (queue "time left") | ${M(singleLeft)} |`,
  '',
  '| ours, addBusinessMinutes by calendar | rate |',
  '|---|---|',
  ...perCal.map((p) => `| ${p.name} | ${M(p.rate)} |`),
  '',
  '| agreement | disagreements |',
  '|---|---|',
  `| ours vs bare table, addBusinessMinutes (${N.toLocaleString('en-US')} cases) | ${bareAddDiff} |`,
  `| ours vs bare table, businessMinutesBetween (${N.toLocaleString('en-US')} cases) | ${bareBetweenDiff} |`,
  `| ours vs moment-business-time, addBusinessMinutes (${PEER_N.toLocaleString('en-US')} cases) | ${peerAddDiff} |`,
  `| ours vs moment-business-time, businessMinutesBetween (${PEER_N.toLocaleString('en-US')} cases) | ${peerBetweenDiff} |`,
  ...(peerExamples.length > 0 ? ['', 'First disagreements with the peer:', '', ...peerExamples.map((e) => `- ${e}`)] : []),
  '',
  '| engine caches after the 100k cases (from cold) | |',
  '|---|---|',
  `| heap delta (after GC) | ${((heap1 - heap0) / 1024).toFixed(1)} KiB |`,
  `| year tables cached | ${cache.tables} (${cache.calendars} compiled calendars; the 24/7 one needs none) |`,
  `| table bytes counted / budget | ${(cache.tableBytes / 1024).toFixed(1)} KiB / ${(cache.tableBudgetBytes / 1024 / 1024).toFixed(0)} MiB |`,
  `| bound | year tables ≤ ${(cache.tableBudgetBytes / 1024 / 1024).toFixed(0)} MiB (LRU), ≤ ${cache.maxCalendars} compiled calendars, ≤ 64 zones × ≤ 131 years of offset pieces |`,
  '',
  `Benchmark wall time: ${wall.toFixed(1)} s.`,
  '',
]
const section = lines.join('\n')
console.log(section)
console.log(`(sink ${sink > 0 ? 'ok' : sink})`)
const resultsPath = writeResultsSection('## SLA engine', section)
console.log(`wrote ${resultsPath}`)
