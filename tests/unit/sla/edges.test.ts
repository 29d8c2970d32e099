/**
 * Fixed-instant edge cases on business-hours calendars. Every expectation was computed by hand
 * from the local wall clock (comments give the local reading).
 */
import { describe, expect, test } from 'vitest'
import { addBusinessMinutes, businessMinutesBetween, tierCalendar, type BusinessCalendar, type WeeklyHours } from '@/lib/sla'

const weekdays = (open: string, close: string): WeeklyHours => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }))

/** US federal holidays 2026 (observed dates) + New Year 2027. */
const US_HOLIDAYS = [
  '2026-01-01',
  '2026-01-19',
  '2026-02-16',
  '2026-05-25',
  '2026-06-19',
  '2026-07-03',
  '2026-09-07',
  '2026-10-12',
  '2026-11-11',
  '2026-11-26',
  '2026-12-25',
  '2027-01-01',
]

/** Evaluation hours (Mon–Fri 08:00–17:00) in New York; January is EST (UTC−5), July EDT (UTC−4). */
const NY: BusinessCalendar = { timeZone: 'America/New_York', weekly: weekdays('08:00', '17:00'), holidays: US_HOLIDAYS }

describe('addBusinessMinutes — Mon–Fri 08:00–17:00 America/New_York with US holidays', () => {
  test.each([
    ['opened during hours: Tue 10:00 + 120 → Tue 12:00', '2026-01-13T15:00:00Z', 120, '2026-01-13T17:00:00Z'],
    ['opened after hours: Tue 18:00 + 60 → Wed 09:00', '2026-01-13T23:00:00Z', 60, '2026-01-14T14:00:00Z'],
    ['opened before opening: Wed 06:00 + 60 → Wed 09:00', '2026-01-14T11:00:00Z', 60, '2026-01-14T14:00:00Z'],
    ['opened on a Friday evening: Fri 19:00 + 480 → Mon 16:00', '2026-01-10T00:00:00Z', 480, '2026-01-12T21:00:00Z'],
    ['opened on a Saturday: Sat 12:00 + 30 → Mon 08:30', '2026-01-10T17:00:00Z', 30, '2026-01-12T13:30:00Z'],
    ['opened on a holiday: Mon 19 Jan (MLK) 10:00 + 60 → Tue 09:00', '2026-01-19T15:00:00Z', 60, '2026-01-20T14:00:00Z'],
    ['opened the day before a holiday: Thu 2 Jul 16:00 EDT + 120 → Mon 6 Jul 09:00 EDT', '2026-07-02T20:00:00Z', 120, '2026-07-06T13:00:00Z'],
    ['opened on Christmas Eve 16:30 + 60 → Mon 28 Dec 08:30 (holiday + weekend)', '2026-12-24T21:30:00Z', 60, '2026-12-28T13:30:00Z'],
    ['opened the Friday before Memorial Day at close + 60 → Tue 09:00 EDT', '2026-05-22T21:00:00Z', 60, '2026-05-26T13:00:00Z'],
    ['opened exactly at open: Wed 08:00 + 60 → Wed 09:00', '2026-01-14T13:00:00Z', 60, '2026-01-14T14:00:00Z'],
    ['opened exactly at close: Wed 17:00 + 60 → Thu 09:00', '2026-01-14T22:00:00Z', 60, '2026-01-15T14:00:00Z'],
    ['target used up exactly at close returns the closing instant: Wed 08:00 + 540 → Wed 17:00', '2026-01-14T13:00:00Z', 540, '2026-01-14T22:00:00Z'],
    ['target used up at Friday close returns Friday 17:00, not Monday 08:00', '2026-01-16T21:00:00Z', 60, '2026-01-16T22:00:00Z'],
    ['one minute before close + 2 → next day 08:01', '2026-01-14T21:59:00Z', 2, '2026-01-15T13:01:00Z'],
    ['millisecond start: Wed 16:59:59.500 + 1 → Thu 08:00:59.500', '2026-01-14T21:59:59.500Z', 1, '2026-01-15T13:00:59.500Z'],
    ['fractional target: Wed 08:00 + 0.5 → 08:00:30', '2026-01-14T13:00:00Z', 0.5, '2026-01-14T13:00:30Z'],
    ['zero minutes returns the start, even when closed', '2026-01-10T17:00:00.123Z', 0, '2026-01-10T17:00:00.123Z'],
    ['crossing New Year (UTC year boundary at 19:00 local): Thu 31 Dec 16:00 + 120 → Mon 4 Jan 09:00', '2026-12-31T21:00:00Z', 120, '2027-01-04T14:00:00Z'],
    ['a full week: Mon 08:00 + 2700 → Fri 17:00', '2026-01-12T13:00:00Z', 2700, '2026-01-16T22:00:00Z'],
  ])('%s', (_edge, start, minutes, due) => {
    const got = addBusinessMinutes(NY, new Date(start), minutes)
    expect(got.toISOString()).toBe(new Date(due).toISOString())
    expect(businessMinutesBetween(NY, new Date(start), got)).toBe(minutes)
  })

  test('returns a new Date (the start is never mutated or shared)', () => {
    const start = new Date('2026-01-14T15:00:00Z')
    const got = addBusinessMinutes(NY, start, 0)
    expect(got).not.toBe(start)
    expect(got.getTime()).toBe(start.getTime())
  })
})

describe('businessMinutesBetween — Mon–Fri 08:00–17:00 America/New_York with US holidays', () => {
  test.each([
    ['within one open period', '2026-01-13T15:00:00Z', '2026-01-13T17:00:00Z', 120],
    ['Friday 16:00 → Monday 09:00', '2026-01-16T21:00:00Z', '2026-01-20T14:00:00Z', 60 + 60], // Mon 19 Jan is MLK Day → Tue
    ['across a holiday: Thu 2 Jul 16:00 → Mon 6 Jul 09:00 EDT', '2026-07-02T20:00:00Z', '2026-07-06T13:00:00Z', 120],
    ['entirely in closed time (weekend)', '2026-01-10T12:00:00Z', '2026-01-12T12:00:00Z', 0],
    ['entirely on a holiday', '2026-12-25T05:00:00Z', '2026-12-26T05:00:00Z', 0],
    ['to before from', '2026-01-13T17:00:00Z', '2026-01-13T15:00:00Z', 0],
    ['to equal to from', '2026-01-13T17:00:00Z', '2026-01-13T17:00:00Z', 0],
    ['fractional: 30 s', '2026-01-14T13:00:00Z', '2026-01-14T13:00:30Z', 0.5],
    ['one millisecond', '2026-01-14T13:00:00.000Z', '2026-01-14T13:00:00.001Z', 1 / 60_000],
    ['from exactly at close', '2026-01-14T22:00:00Z', '2026-01-15T13:30:00Z', 30],
    ['one local week (Mon 00:00 → Mon 00:00)', '2026-01-12T05:00:00Z', '2026-01-26T05:00:00Z', 9 * 540], // MLK Day closed
    ['a whole year 2026 (261 weekdays − 11 holidays = 250 × 9 h)', '2026-01-01T05:00:00Z', '2027-01-01T05:00:00Z', 250 * 540],
  ])('%s', (_edge, from, to, minutes) => {
    expect(businessMinutesBetween(NY, new Date(from), new Date(to))).toBeCloseTo(minutes, 9)
  })
})

describe('Basic hours (Mon–Fri 08:00–20:00) America/Chicago through tierCalendar', () => {
  const cal = tierCalendar('BASIC', 'America/Chicago', ['2026-11-26'])!
  test.each([
    ['Wed 10:00 CST + 2 business h → 12:00', '2026-01-14T16:00:00Z', 120, '2026-01-14T18:00:00Z'],
    ['Wed 10:00 CST + 12 business h → Thu 10:00', '2026-01-14T16:00:00Z', 720, '2026-01-15T16:00:00Z'],
    ['Fri 19:30 CST + 8 business h → Mon 15:30', '2026-01-17T01:30:00Z', 480, '2026-01-19T21:30:00Z'],
    ['Wed before Thanksgiving 19:00 + 2 h → Fri 09:00', '2026-11-26T01:00:00Z', 120, '2026-11-27T15:00:00Z'],
    ['Thanksgiving noon + 24 business h → Mon 20:00 (Fri 12 h + Mon 12 h)', '2026-11-26T18:00:00Z', 1440, '2026-12-01T02:00:00Z'],
  ])('%s', (_edge, start, minutes, due) => {
    expect(addBusinessMinutes(cal, new Date(start), minutes).toISOString()).toBe(new Date(due).toISOString())
  })
})

describe('several open periods a day, and touching entries', () => {
  const lunch: BusinessCalendar = {
    timeZone: 'Europe/Paris',
    weekly: [...weekdays('09:00', '12:00'), ...weekdays('13:00', '17:00')],
    holidays: [],
  }
  test.each([
    ['morning into the lunch break: Mon 11:30 + 60 → 13:30', '2026-01-12T10:30:00Z', 60, '2026-01-12T12:30:00Z'],
    ['exactly at the start of lunch: Mon 12:00 + 1 → 13:01', '2026-01-12T11:00:00Z', 1, '2026-01-12T12:01:00Z'],
    ['used up exactly at lunch returns 12:00', '2026-01-12T08:00:00Z', 180, '2026-01-12T11:00:00Z'],
  ])('%s', (_edge, start, minutes, due) => {
    expect(addBusinessMinutes(lunch, new Date(start), minutes).toISOString()).toBe(new Date(due).toISOString())
  })
  test('touching entries (08:00–12:00 + 12:00–17:00) equal one 08:00–17:00 period', () => {
    const split: BusinessCalendar = { timeZone: 'UTC', weekly: [...weekdays('12:00', '17:00'), ...weekdays('08:00', '12:00')], holidays: [] }
    const whole: BusinessCalendar = { timeZone: 'UTC', weekly: weekdays('08:00', '17:00'), holidays: [] }
    for (const m of [0, 1, 239, 240, 241, 540, 541, 5000]) {
      const s = new Date('2026-01-13T10:17:00Z')
      expect(addBusinessMinutes(split, s, m).getTime()).toBe(addBusinessMinutes(whole, s, m).getTime())
    }
  })
  test('hours running over midnight are given as two entries (Fri 22:00–24:00 + Sat 00:00–06:00)', () => {
    const night: BusinessCalendar = {
      timeZone: 'UTC',
      weekly: [
        { day: 5, open: '22:00', close: '24:00' },
        { day: 6, open: '00:00', close: '06:00' },
      ],
      holidays: [],
    }
    expect(addBusinessMinutes(night, new Date('2026-01-16T23:00:00Z'), 120).toISOString()).toBe('2026-01-17T01:00:00.000Z')
    expect(businessMinutesBetween(night, new Date('2026-01-16T00:00:00Z'), new Date('2026-01-18T00:00:00Z'))).toBe(480)
  })
})

describe('continuous (24/7) calendars count real elapsed time', () => {
  const allWeek = ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, open: '00:00', close: '24:00' }))
  test.each([
    ['UTC', 'UTC'],
    ['a DST zone (spring-forward night still has 60 real minutes per hour)', 'America/New_York'],
  ])('%s', (_name, timeZone) => {
    const cal: BusinessCalendar = { timeZone, weekly: allWeek, holidays: [] }
    const s = new Date('2026-03-08T06:30:00.250Z')
    expect(addBusinessMinutes(cal, s, 60).toISOString()).toBe('2026-03-08T07:30:00.250Z')
    expect(businessMinutesBetween(cal, s, new Date('2026-03-09T06:30:00.250Z'))).toBe(1440)
  })
  test('24/7 with a holiday is no longer continuous: the holiday is skipped', () => {
    const cal: BusinessCalendar = { timeZone: 'UTC', weekly: allWeek, holidays: ['2026-01-02'] }
    expect(addBusinessMinutes(cal, new Date('2026-01-01T23:00:00Z'), 120).toISOString()).toBe('2026-01-03T01:00:00.000Z')
  })
})

describe('supported range 1970–2100', () => {
  const utc: BusinessCalendar = { timeZone: 'UTC', weekly: weekdays('08:00', '17:00'), holidays: [] }
  const la: BusinessCalendar = { timeZone: 'America/Los_Angeles', weekly: weekdays('08:00', '17:00'), holidays: [] }
  const kiritimati: BusinessCalendar = { timeZone: 'Pacific/Kiritimati', weekly: weekdays('08:00', '17:00'), holidays: [] }
  test.each([
    ['first instant 1970-01-01T00:00Z (a Thursday)', utc, '1970-01-01T00:00:00Z', 60, '1970-01-01T09:00:00Z'],
    ['first instant west of UTC: local Wed 1969-12-31 16:00 PST is open', la, '1970-01-01T00:00:00Z', 60, '1970-01-01T01:00:00Z'],
    ['last days of 2100', utc, '2100-12-31T16:00:00Z', 60, '2100-12-31T17:00:00Z'],
    ['last day of 2100 at UTC+14 (Kiritimati): local Fri 2100-12-31 10:00 + 60 → 11:00', kiritimati, '2100-12-30T20:00:00Z', 60, '2100-12-30T21:00:00Z'],
  ])('%s', (_edge, cal, start, minutes, due) => {
    expect(addBusinessMinutes(cal, new Date(start), minutes).toISOString()).toBe(new Date(due).toISOString())
  })
  test('New York 1970 (EST, DST rules of the time)', () => {
    const ny: BusinessCalendar = { timeZone: 'America/New_York', weekly: weekdays('08:00', '17:00'), holidays: [] }
    // Fri 1970-04-24 16:00 EST → DST began Sun 1970-04-26 → Mon 09:00 EDT = 13:00Z
    expect(addBusinessMinutes(ny, new Date('1970-04-24T21:00:00Z'), 120).toISOString()).toBe('1970-04-27T13:00:00.000Z')
  })
  test('between over a century equals the sum of its parts', () => {
    const a = new Date('1971-03-01T00:00:00Z')
    const b = new Date('2030-07-15T12:34:56Z')
    const c = new Date('2099-11-30T00:00:00Z')
    expect(businessMinutesBetween(utc, a, c)).toBe(businessMinutesBetween(utc, a, b) + businessMinutesBetween(utc, b, c))
  })
})
