/** Every bad input throws an SlaError with a stable code and a message that says what is wrong. */
import { describe, expect, test } from 'vitest'
import {
  SlaError,
  addBusinessMinutes,
  businessMinutesBetween,
  describeWeeklyHours,
  explainResponseTarget,
  responseTarget,
  targetFor,
  tierCalendar,
  type BusinessCalendar,
} from '@/lib/sla'

const weekdays = (open: string, close: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }))
const OK: BusinessCalendar = { timeZone: 'America/Chicago', weekly: weekdays('08:00', '17:00'), holidays: [] }
const START = new Date('2026-01-14T16:00:00Z')

function thrown(fn: () => unknown): SlaError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(SlaError)
    expect(e).toBeInstanceOf(Error)
    return e as SlaError
  }
  throw new Error('expected an SlaError, nothing was thrown')
}

const bad = (patch: Partial<Record<keyof BusinessCalendar, unknown>>) => ({ ...OK, ...patch }) as BusinessCalendar

describe('calendar errors (addBusinessMinutes and businessMinutesBetween alike)', () => {
  test.each([
    ['unknown zone', bad({ timeZone: 'Mars/Olympus_Mons' }), 'INVALID_ZONE', /Mars\/Olympus_Mons/],
    ['empty zone', bad({ timeZone: '' }), 'INVALID_ZONE', /IANA/],
    ['zone not a string', bad({ timeZone: 5 }), 'INVALID_ZONE', /IANA/],
    ['fixed offset string is not an IANA zone', bad({ timeZone: '+05:30' }), 'INVALID_ZONE', /\+05:30/],
    ["malformed open '8:00'", bad({ weekly: [{ day: 1, open: '8:00', close: '17:00' }] }), 'INVALID_HOURS', /weekly\[0\]\.open.*"8:00"/],
    ["malformed close '25:00'", bad({ weekly: [{ day: 1, open: '08:00', close: '25:00' }] }), 'INVALID_HOURS', /weekly\[0\]\.close.*"25:00"/],
    ["malformed minutes '12:60'", bad({ weekly: [{ day: 1, open: '12:60', close: '17:00' }] }), 'INVALID_HOURS', /"12:60"/],
    ["open '24:00' is not a time of day", bad({ weekly: [{ day: 1, open: '24:00', close: '24:00' }] }), 'INVALID_HOURS', /open/],
    ["close '24:30'", bad({ weekly: [{ day: 1, open: '08:00', close: '24:30' }] }), 'INVALID_HOURS', /close/],
    ['close equal to open', bad({ weekly: [{ day: 1, open: '08:00', close: '08:00' }] }), 'INVALID_HOURS', /close after it opens/],
    ['close before open (across midnight)', bad({ weekly: [{ day: 5, open: '22:00', close: '02:00' }] }), 'INVALID_HOURS', /cross midnight/],
    [
      'overlapping hours on a day',
      bad({
        weekly: [
          { day: 1, open: '08:00', close: '13:00' },
          { day: 1, open: '12:00', close: '18:00' },
        ],
      }),
      'INVALID_HOURS',
      /overlaps/,
    ],
    [
      'duplicate entry',
      bad({
        weekly: [
          { day: 2, open: '08:00', close: '13:00' },
          { day: 2, open: '08:00', close: '13:00' },
        ],
      }),
      'INVALID_HOURS',
      /overlaps/,
    ],
    ['day out of range', bad({ weekly: [{ day: 7, open: '08:00', close: '17:00' }] }), 'INVALID_HOURS', /day must be an integer/],
    ['day not an integer', bad({ weekly: [{ day: 1.5, open: '08:00', close: '17:00' }] }), 'INVALID_HOURS', /day must be an integer/],
    ['weekly not an array', bad({ weekly: 'Mon–Fri' }), 'INVALID_HOURS', /weekly must be an array/],
    ['weekly entry not an object', bad({ weekly: [null] }), 'INVALID_HOURS', /weekly\[0\]/],
    ["malformed holiday '2026-1-1'", bad({ holidays: ['2026-1-1'] }), 'INVALID_HOLIDAY', /holidays\[0\].*"2026-1-1"/],
    ["impossible holiday '2026-02-30'", bad({ holidays: ['2026-02-30'] }), 'INVALID_HOLIDAY', /not a real calendar date/],
    ["impossible holiday '2026-13-01'", bad({ holidays: ['2026-13-01'] }), 'INVALID_HOLIDAY', /not a real calendar date/],
    ["holiday with a time '2026-12-25T00:00'", bad({ holidays: ['2026-12-25T00:00'] }), 'INVALID_HOLIDAY', /YYYY-MM-DD/],
    ['holiday not a string', bad({ holidays: [20261225] }), 'INVALID_HOLIDAY', /holidays\[0\]/],
    ['holidays not an array', bad({ holidays: '2026-12-25' }), 'INVALID_HOLIDAY', /holidays must be an array/],
    ['calendar null', null as unknown as BusinessCalendar, 'INVALID_CALENDAR', /calendar must be an object/],
    ['calendar undefined', undefined as unknown as BusinessCalendar, 'INVALID_CALENDAR', /calendar must be an object/],
    ['calendar an array', [] as unknown as BusinessCalendar, 'INVALID_CALENDAR', /calendar must be an object/],
  ])('%s → %s', (_name, cal, code, message) => {
    for (const fn of [() => addBusinessMinutes(cal, START, 60), () => businessMinutesBetween(cal, START, new Date(START.getTime() + 1))]) {
      const e = thrown(fn)
      expect(e.code).toBe(code)
      expect(e.message).toMatch(message)
      expect(e.name).toBe('SlaError')
    }
  })
})

describe('argument errors', () => {
  test.each([
    ['negative minutes', () => addBusinessMinutes(OK, START, -5), 'INVALID_MINUTES', /-5/],
    ['NaN minutes', () => addBusinessMinutes(OK, START, NaN), 'INVALID_MINUTES', /NaN/],
    ['Infinity minutes', () => addBusinessMinutes(OK, START, Infinity), 'INVALID_MINUTES', /Infinity/],
    ['minutes as a string', () => addBusinessMinutes(OK, START, '60' as unknown as number), 'INVALID_MINUTES', /"60"/],
    ['invalid Date start', () => addBusinessMinutes(OK, new Date('nope'), 5), 'INVALID_DATE', /start is an invalid Date/],
    ['start not a Date', () => addBusinessMinutes(OK, '2026-01-01' as unknown as Date, 5), 'INVALID_DATE', /start must be a Date/],
    ['start a timestamp number', () => addBusinessMinutes(OK, 0 as unknown as Date, 5), 'INVALID_DATE', /start must be a Date/],
    ['invalid Date from', () => businessMinutesBetween(OK, new Date(NaN), START), 'INVALID_DATE', /from is an invalid Date/],
    ['invalid Date to', () => businessMinutesBetween(OK, START, new Date(NaN)), 'INVALID_DATE', /to is an invalid Date/],
    ['start before 1970', () => addBusinessMinutes(OK, new Date('1969-12-31T23:59:59Z'), 5), 'OUT_OF_RANGE', /1969-12-31T23:59:59/],
    ['start after 2100', () => addBusinessMinutes(OK, new Date('2101-01-01T00:00:00.001Z'), 5), 'OUT_OF_RANGE', /supported range/],
    [
      'a target ending after 2100 throws instead of looping',
      () => addBusinessMinutes(OK, new Date('2100-12-31T00:00:00Z'), 10_000),
      'OUT_OF_RANGE',
      /after 2100-12-31/,
    ],
    ['a huge target throws (walks at most to 2100)', () => addBusinessMinutes(OK, START, 1e12), 'OUT_OF_RANGE', /after 2100-12-31/],
    [
      '24/7: a target ending after 2100 throws',
      () =>
        addBusinessMinutes(
          { timeZone: 'UTC', weekly: ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, open: '00:00', close: '24:00' })), holidays: [] },
          new Date('2100-12-31T23:00:00Z'),
          120,
        ),
      'OUT_OF_RANGE',
      /after 2100-12-31/,
    ],
    [
      'a week with no open time and a positive target',
      () => addBusinessMinutes({ timeZone: 'UTC', weekly: [], holidays: [] }, START, 1),
      'NO_OPEN_TIME',
      /no open hours/,
    ],
  ])('%s → %s', (_name, fn, code, message) => {
    const e = thrown(fn)
    expect(e.code).toBe(code)
    expect(e.message).toMatch(message)
  })

  test('a week with no open time: 0 minutes returns start and between is 0 (never loops)', () => {
    const none: BusinessCalendar = { timeZone: 'UTC', weekly: [], holidays: [] }
    expect(addBusinessMinutes(none, START, 0).getTime()).toBe(START.getTime())
    expect(businessMinutesBetween(none, new Date('1970-01-01T00:00:00Z'), new Date('2101-01-01T00:00:00Z'))).toBe(0)
  })
  test('a calendar whose only open day is always a holiday runs to 2100 and throws, quickly', () => {
    const mondays: string[] = []
    for (let t = Date.UTC(2026, 0, 5); t < Date.UTC(2028, 0, 1); t += 7 * 86_400_000) mondays.push(new Date(t).toISOString().slice(0, 10))
    const cal: BusinessCalendar = { timeZone: 'UTC', weekly: [{ day: 1, open: '09:00', close: '10:00' }], holidays: mondays }
    expect(addBusinessMinutes(cal, START, 60).toISOString()).toBe('2028-01-03T10:00:00.000Z')
    const started = performance.now()
    expect(thrown(() => addBusinessMinutes(cal, START, 60 * 52 * 100)).code).toBe('OUT_OF_RANGE')
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})

describe('policy errors', () => {
  const input = { tier: 'BASIC', severity: 1, openedAt: START, timeZone: 'America/Chicago', holidays: [] as string[] }
  test.each([
    ['unknown tier', { ...input, tier: 'GOLD' }, 'UNKNOWN_TIER', /"GOLD".*PREMIER, PRODUCTION, BASIC, EVALUATION, FREE_NFR/],
    ['tier in lower case', { ...input, tier: 'basic' }, 'UNKNOWN_TIER', /"basic"/],
    ['severity 0', { ...input, severity: 0 }, 'UNKNOWN_SEVERITY', /0.*1, 2, 3 or 4/],
    ['severity 5', { ...input, severity: 5 }, 'UNKNOWN_SEVERITY', /5/],
    ["severity '1' (string)", { ...input, severity: '1' }, 'UNKNOWN_SEVERITY', /"1"/],
    ['invalid openedAt', { ...input, openedAt: new Date(NaN) }, 'INVALID_DATE', /openedAt/],
    ['unknown zone', { ...input, timeZone: 'Nowhere/City' }, 'INVALID_ZONE', /Nowhere\/City/],
    ['malformed holiday', { ...input, holidays: ['25/12/2026'] }, 'INVALID_HOLIDAY', /25\/12\/2026/],
    ['malformed holiday on a 24/7 tier is still refused', { ...input, tier: 'PREMIER', holidays: ['2026-02-30'] }, 'INVALID_HOLIDAY', /2026-02-30/],
    ['input not an object', null, 'INVALID_INPUT', /input must be an object/],
  ])('%s → %s', (_name, value, code, message) => {
    for (const fn of [responseTarget, explainResponseTarget]) {
      const e = thrown(() => fn(value as Parameters<typeof responseTarget>[0]))
      expect(e.code).toBe(code)
      expect(e.message).toMatch(message)
    }
  })
  test.each([
    ['targetFor unknown tier', () => targetFor('GOLD' as 'BASIC', 1), 'UNKNOWN_TIER'],
    ['targetFor unknown severity', () => targetFor('BASIC', 9 as 1), 'UNKNOWN_SEVERITY'],
    ['tierCalendar unknown tier', () => tierCalendar('GOLD' as 'BASIC', 'UTC', []), 'UNKNOWN_TIER'],
    ['tierCalendar unknown zone', () => tierCalendar('BASIC', 'Atlantis/Capital', []), 'INVALID_ZONE'],
    ['tierCalendar malformed holiday', () => tierCalendar('EVALUATION', 'UTC', ['2026-02-29']), 'INVALID_HOLIDAY'],
    ['describeWeeklyHours malformed', () => describeWeeklyHours([{ day: 1, open: '9', close: '17:00' }]), 'INVALID_HOURS'],
  ])('%s → %s', (_name, fn, code) => {
    expect(thrown(fn).code).toBe(code)
  })
})
