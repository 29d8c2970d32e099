/**
 * Targets spanning DST changes, and zones with 30- and 45-minute offsets. Expected instants were
 * computed by hand from the zone rules (comments give the local readings and offsets).
 */
import { describe, expect, test } from 'vitest'
import { addBusinessMinutes, businessMinutesBetween, isOpenAt, localDateTime, type BusinessCalendar, type WeeklyHours } from '@/lib/sla'

type Day = 0 | 1 | 2 | 3 | 4 | 5 | 6
const weekdays = (open: string, close: string): WeeklyHours => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }))
const everyDay = (open: string, close: string): WeeklyHours => ([0, 1, 2, 3, 4, 5, 6] as Day[]).map((day) => ({ day, open, close }))
const cal = (timeZone: string, weekly: WeeklyHours, holidays: string[] = []): BusinessCalendar => ({ timeZone, weekly, holidays })

const EVAL = weekdays('08:00', '17:00')
const BASIC = weekdays('08:00', '20:00')

describe('business-hours targets spanning both DST changes', () => {
  test.each([
    // America/New_York: 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST
    [
      'New York spring-forward: Fri 6 Mar 16:00 EST + 2 h → Mon 9 Mar 09:00 EDT',
      cal('America/New_York', EVAL),
      '2026-03-06T21:00:00Z',
      120,
      '2026-03-09T13:00:00Z',
    ],
    [
      'New York fall-back: Fri 30 Oct 16:00 EDT + 2 h → Mon 2 Nov 09:00 EST',
      cal('America/New_York', EVAL),
      '2026-10-30T20:00:00Z',
      120,
      '2026-11-02T14:00:00Z',
    ],
    [
      'New York 2027 spring-forward (14 Mar): Fri 12 Mar 12:00 EST + 24 business h (Basic: 8 h Fri + 12 h Mon + 4 h) → Tue 16 Mar 12:00 EDT',
      cal('America/New_York', BASIC),
      '2027-03-12T17:00:00Z',
      1440,
      '2027-03-16T16:00:00Z',
    ],
    // Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET
    [
      'Berlin spring-forward: Fri 27 Mar 19:00 CET + 2 h (Basic) → Mon 30 Mar 09:00 CEST',
      cal('Europe/Berlin', BASIC),
      '2026-03-27T18:00:00Z',
      120,
      '2026-03-30T07:00:00Z',
    ],
    [
      'Berlin fall-back: Fri 23 Oct 19:00 CEST + 2 h (Basic) → Mon 26 Oct 09:00 CET',
      cal('Europe/Berlin', BASIC),
      '2026-10-23T17:00:00Z',
      120,
      '2026-10-26T08:00:00Z',
    ],
    // Australia/Sydney: 2026-04-05 03:00 AEDT → 02:00 AEST; 2026-10-04 02:00 AEST → 03:00 AEDT
    ['Sydney DST end: Fri 3 Apr 16:00 AEDT + 2 h → Mon 6 Apr 09:00 AEST', cal('Australia/Sydney', EVAL), '2026-04-03T05:00:00Z', 120, '2026-04-05T23:00:00Z'],
    [
      'Sydney DST end over Easter: Thu 2 Apr 16:00 AEDT + 2 h → Tue 7 Apr 09:00 AEST',
      cal('Australia/Sydney', EVAL, ['2026-04-03', '2026-04-06']),
      '2026-04-02T05:00:00Z',
      120,
      '2026-04-06T23:00:00Z',
    ],
    ['Sydney DST start: Fri 2 Oct 16:00 AEST + 2 h → Mon 5 Oct 09:00 AEDT', cal('Australia/Sydney', EVAL), '2026-10-02T06:00:00Z', 120, '2026-10-04T22:00:00Z'],
    // America/Santiago: 2026-04-05 00:00 −03 → Sat 23:00 −04; 2026-09-06 00:00 −04 → 01:00 −03
    [
      'Santiago DST end (at midnight): Fri 3 Apr 16:00 −03 + 2 h → Mon 6 Apr 09:00 −04',
      cal('America/Santiago', EVAL),
      '2026-04-03T19:00:00Z',
      120,
      '2026-04-06T13:00:00Z',
    ],
    [
      'Santiago DST start (at midnight): Fri 4 Sep 16:00 −04 + 2 h → Mon 7 Sep 09:00 −03',
      cal('America/Santiago', EVAL),
      '2026-09-04T20:00:00Z',
      120,
      '2026-09-07T12:00:00Z',
    ],
  ])('%s', (_edge, c, start, minutes, due) => {
    const got = addBusinessMinutes(c, new Date(start), minutes)
    expect(got.toISOString()).toBe(new Date(due).toISOString())
    expect(businessMinutesBetween(c, new Date(start), got)).toBe(minutes)
  })
})

describe('hours inside the DST change: gaps do not exist, overlaps count twice', () => {
  const santiagoWeekend: WeeklyHours = [
    { day: 6, open: '22:00', close: '24:00' },
    { day: 0, open: '00:00', close: '02:00' },
  ]
  test.each([
    [
      'New York spring-forward night, 01:00–03:00: only 01:00–02:00 EST exists',
      cal('America/New_York', everyDay('01:00', '03:00')),
      '2026-03-08T05:00:00Z',
      '2026-03-08T10:00:00Z',
      60,
    ],
    [
      'New York fall-back night, 01:00–03:00: 01:00–02:00 twice + 02:00–03:00 EST',
      cal('America/New_York', everyDay('01:00', '03:00')),
      '2026-11-01T04:00:00Z',
      '2026-11-01T10:00:00Z',
      180,
    ],
    [
      'New York spring-forward night, 02:00–02:30 does not exist',
      cal('America/New_York', everyDay('02:00', '02:30')),
      '2026-03-08T05:00:00Z',
      '2026-03-08T10:00:00Z',
      0,
    ],
    [
      'Berlin spring-forward night, 00:00–04:00 is 3 real hours',
      cal('Europe/Berlin', everyDay('00:00', '04:00')),
      '2026-03-28T22:00:00Z',
      '2026-03-29T06:00:00Z',
      180,
    ],
    [
      'Berlin fall-back night, 00:00–04:00 is 5 real hours',
      cal('Europe/Berlin', everyDay('00:00', '04:00')),
      '2026-10-24T21:00:00Z',
      '2026-10-25T06:00:00Z',
      300,
    ],
    [
      'Santiago DST end: Sat 22:00–24:00 (23:00–24:00 twice) + Sun 00:00–02:00 = 5 h',
      cal('America/Santiago', santiagoWeekend),
      '2026-04-05T00:00:00Z',
      '2026-04-05T12:00:00Z',
      300,
    ],
    [
      'Santiago DST start: Sun 00:00–01:00 does not exist, so 2 h + 1 h',
      cal('America/Santiago', santiagoWeekend),
      '2026-09-06T00:00:00Z',
      '2026-09-06T12:00:00Z',
      180,
    ],
    [
      'Lord Howe DST end (02:00 → 01:30): 01:00–03:00 is 150 real minutes',
      cal('Australia/Lord_Howe', everyDay('01:00', '03:00')),
      '2026-04-04T12:00:00Z',
      '2026-04-05T00:00:00Z',
      150,
    ],
    [
      'Lord Howe DST start (02:00 → 02:30): 01:00–03:00 is 90 real minutes',
      cal('Australia/Lord_Howe', everyDay('01:00', '03:00')),
      '2026-10-03T12:00:00Z',
      '2026-10-04T00:00:00Z',
      90,
    ],
    [
      'Chatham DST end (03:45 → 02:45): 02:00–04:00 is 3 real hours',
      cal('Pacific/Chatham', everyDay('02:00', '04:00')),
      '2026-04-04T10:00:00Z',
      '2026-04-04T18:00:00Z',
      180,
    ],
    [
      'Chatham DST start (02:45 → 03:45): 02:00–04:00 is 1 real hour',
      cal('Pacific/Chatham', everyDay('02:00', '04:00')),
      '2026-09-26T10:00:00Z',
      '2026-09-26T18:00:00Z',
      60,
    ],
  ])('%s', (_edge, c, from, to, minutes) => {
    expect(businessMinutesBetween(c, new Date(from), new Date(to))).toBe(minutes)
  })

  test.each([
    // The target is used up inside the repeated hour: the second 01:xx comes after the first.
    [
      'New York fall-back: opened 00:30 EDT + 60 on 00:00–03:00 → 01:30 EDT (first pass)',
      cal('America/New_York', everyDay('00:00', '03:00')),
      '2026-11-01T04:30:00Z',
      60,
      '2026-11-01T05:30:00Z',
    ],
    [
      'New York fall-back: opened 00:30 EDT + 120 → 01:30 EST (second pass)',
      cal('America/New_York', everyDay('00:00', '03:00')),
      '2026-11-01T04:30:00Z',
      120,
      '2026-11-01T06:30:00Z',
    ],
    [
      'New York spring-forward: opened 01:30 EST + 60 on 00:00–04:00 → 03:30 EDT',
      cal('America/New_York', everyDay('00:00', '04:00')),
      '2026-03-08T06:30:00Z',
      60,
      '2026-03-08T07:30:00Z',
    ],
    [
      'New York spring-forward: 01:59 EST + 1 ends exactly at the jump (03:00 EDT)',
      cal('America/New_York', everyDay('01:00', '02:00')),
      '2026-03-08T06:59:00Z',
      1,
      '2026-03-08T07:00:00Z',
    ],
    [
      'Lord Howe DST start: opened 01:45 LHST + 30 on 01:00–04:00 → 02:45 LHDT',
      cal('Australia/Lord_Howe', everyDay('01:00', '04:00')),
      '2026-10-03T15:15:00Z',
      30,
      '2026-10-03T15:45:00Z',
    ],
  ])('%s', (_edge, c, start, minutes, due) => {
    expect(addBusinessMinutes(c, new Date(start), minutes).toISOString()).toBe(new Date(due).toISOString())
  })
})

describe('zones with 30- and 45-minute offsets', () => {
  test.each([
    ['Kolkata (+05:30): Fri 16:30 IST + 60 → Mon 08:30 IST', cal('Asia/Kolkata', EVAL), '2026-01-09T11:00:00Z', 60, '2026-01-12T03:00:00Z'],
    ['Kolkata (+05:30): Mon 08:00 IST + 540 → Mon 17:00 IST (closing instant)', cal('Asia/Kolkata', EVAL), '2026-01-12T02:30:00Z', 540, '2026-01-12T11:30:00Z'],
    ['Kathmandu (+05:45): Wed 08:00 NPT + 540 → 17:00 NPT', cal('Asia/Kathmandu', EVAL), '2026-01-14T02:15:00Z', 540, '2026-01-14T11:15:00Z'],
    ['Kathmandu (+05:45): Tue 16:45 NPT + 30 → Wed 08:15 NPT', cal('Asia/Kathmandu', EVAL), '2026-01-13T11:00:00Z', 30, '2026-01-14T02:30:00Z'],
    [
      'Lord Howe (+11 → +10:30): Fri 3 Apr 16:00 LHDT + 2 h → Mon 6 Apr 09:00 LHST',
      cal('Australia/Lord_Howe', EVAL),
      '2026-04-03T05:00:00Z',
      120,
      '2026-04-05T22:30:00Z',
    ],
    [
      'Lord Howe (+10:30 → +11): Fri 2 Oct 16:00 LHST + 2 h → Mon 5 Oct 09:00 LHDT',
      cal('Australia/Lord_Howe', EVAL),
      '2026-10-02T05:30:00Z',
      120,
      '2026-10-04T22:00:00Z',
    ],
    ['Chatham (+13:45 → +12:45): Fri 3 Apr 16:00 + 2 h → Mon 6 Apr 09:00', cal('Pacific/Chatham', EVAL), '2026-04-03T02:15:00Z', 120, '2026-04-05T20:15:00Z'],
    ['Chatham (+12:45 → +13:45): Fri 25 Sep 16:00 + 2 h → Mon 28 Sep 09:00', cal('Pacific/Chatham', EVAL), '2026-09-25T03:15:00Z', 120, '2026-09-27T19:15:00Z'],
    [
      "St John's (−03:30 → −02:30): Fri 6 Mar 16:00 NST + 2 h → Mon 9 Mar 09:00 NDT",
      cal('America/St_Johns', EVAL),
      '2026-03-06T19:30:00Z',
      120,
      '2026-03-09T11:30:00Z',
    ],
  ])('%s', (_edge, c, start, minutes, due) => {
    const got = addBusinessMinutes(c, new Date(start), minutes)
    expect(got.toISOString()).toBe(new Date(due).toISOString())
    expect(businessMinutesBetween(c, new Date(start), got)).toBe(minutes)
  })
})

describe('isOpenAt and localDateTime across DST changes', () => {
  const berlin = cal('Europe/Berlin', weekdays('08:00', '20:00'), ['2026-04-03'])
  test.each([
    ['Fri 2026-03-27 19:59:59.999 CET', '2026-03-27T18:59:59.999Z', true],
    ['Fri 2026-03-27 20:00 CET (closing)', '2026-03-27T19:00:00Z', false],
    ['Mon 2026-03-30 08:00 CEST (opening, new offset)', '2026-03-30T06:00:00Z', true],
    ['Mon 2026-03-30 07:59:59.999 CEST', '2026-03-30T05:59:59.999Z', false],
    ['Mon 2026-03-30 20:30 CEST (19:30 at the old offset)', '2026-03-30T18:30:00Z', false],
    ['Fri 2026-04-03 10:00 CEST, a holiday', '2026-04-03T08:00:00Z', false],
    ['Sat 2026-03-28 10:00 CET', '2026-03-28T09:00:00Z', false],
  ])('%s', (_name, iso, open) => {
    expect(isOpenAt(berlin, new Date(iso))).toBe(open)
  })

  test('the wall time that a DST gap removes is never open; both occurrences of a fall-back hour are', () => {
    const night = cal('Europe/Berlin', everyDay('02:00', '03:00'))
    // 2026-03-29: 02:00 CET does not exist (01:59:59 CET → 03:00 CEST).
    expect(isOpenAt(night, new Date('2026-03-29T00:59:59Z'))).toBe(false)
    expect(isOpenAt(night, new Date('2026-03-29T01:00:00Z'))).toBe(false)
    // 2026-10-25: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(isOpenAt(night, new Date('2026-10-25T00:30:00Z'))).toBe(true)
    expect(isOpenAt(night, new Date('2026-10-25T01:30:00Z'))).toBe(true)
    expect(isOpenAt(night, new Date('2026-10-25T02:00:00Z'))).toBe(false)
  })

  test('a 24/7 calendar is always open, one with no hours never', () => {
    expect(isOpenAt(cal('UTC', everyDay('00:00', '24:00')), new Date('2026-12-25T03:00:00Z'))).toBe(true)
    expect(isOpenAt(cal('UTC', []), new Date('2026-12-23T12:00:00Z'))).toBe(false)
  })

  test('isOpenAt(t) is exactly "the next millisecond is open time"', () => {
    const chicago = cal('America/Chicago', weekdays('08:00', '17:00'), ['2026-11-26'])
    for (let t = Date.UTC(2026, 2, 6); t < Date.UTC(2026, 2, 10); t += 7 * 60_000 + 1_001) {
      expect(isOpenAt(chicago, new Date(t))).toBe(businessMinutesBetween(chicago, new Date(t), new Date(t + 1)) > 0)
    }
    for (let t = Date.UTC(2026, 9, 30); t < Date.UTC(2026, 10, 3); t += 7 * 60_000 + 1_001) {
      expect(isOpenAt(chicago, new Date(t))).toBe(businessMinutesBetween(chicago, new Date(t), new Date(t + 1)) > 0)
    }
  })

  test.each([
    ['America/Chicago', '2026-11-02T05:30:00Z', { date: '2026-11-01', weekday: 0, time: '23:30' }], // CST, the day after the change
    ['America/Chicago', '2026-11-01T05:30:00Z', { date: '2026-11-01', weekday: 0, time: '00:30' }], // still CDT
    ['Europe/Berlin', '2026-03-29T01:00:00Z', { date: '2026-03-29', weekday: 0, time: '03:00' }], // the first CEST instant
    ['Asia/Kolkata', '2026-06-30T18:45:30Z', { date: '2026-07-01', weekday: 3, time: '00:15' }], // +05:30, seconds dropped
  ])('localDateTime(%s, %s)', (zone, iso, expected) => {
    expect(localDateTime(zone, new Date(iso))).toEqual(expected)
  })
})
