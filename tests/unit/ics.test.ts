import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { IcsError, parseIcsHolidays } from '@/server/admin/ics'

const fixture = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/ics/vault-closures-2027.ics'), 'utf8')
const cal = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n')
const event = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'].join('\r\n')

const originalTz = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTz
})

describe('parseIcsHolidays (node-ical)', () => {
  it('reads a real export: single, multi-day and yearly all-day events; skips timed and cancelled ones', () => {
    const { holidays, skipped } = parseIcsHolidays(fixture, { fromYear: 2027, toYear: 2028 })
    expect(holidays).toEqual([
      { date: '2027-03-12', name: "Founders' Day" },
      { date: '2027-08-09', name: 'Summer shutdown' },
      { date: '2027-08-10', name: 'Summer shutdown' },
      { date: '2027-08-11', name: 'Summer shutdown' },
      { date: '2027-12-24', name: 'Christmas Eve' },
      { date: '2028-12-24', name: 'Christmas Eve' },
    ])
    expect(skipped).toEqual([
      { summary: 'Year-end party (office open in the morning)', reason: 'not an all-day event (it has a time of day)' },
      { summary: 'Bridge day (cancelled)', reason: 'cancelled' },
    ])
  })

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'gives the same dates whatever the server zone (%s)',
    (tz) => {
      process.env.TZ = tz
      expect(parseIcsHolidays(fixture, { fromYear: 2026, toYear: 2027 }).holidays.map((h) => h.date)).toEqual([
        '2026-12-24',
        '2027-03-12',
        '2027-08-09',
        '2027-08-10',
        '2027-08-11',
        '2027-12-24',
      ])
    },
  )

  it.each([
    [
      'a DTEND equal to DTSTART is one day',
      [event('a', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270101', 'SUMMARY:New Year')],
      [['2027-01-01', 'New Year']],
    ],
    ['no DTEND is one day', [event('a', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:New Year')], [['2027-01-01', 'New Year']]],
    [
      'a span across the year end is cut to the chosen years',
      [event('a', 'DTSTART;VALUE=DATE:20261230', 'DTEND;VALUE=DATE:20270103', 'SUMMARY:Break')],
      [
        ['2027-01-01', 'Break'],
        ['2027-01-02', 'Break'],
      ],
    ],
    [
      'two events on one day become one holiday',
      [event('a', 'DTSTART;VALUE=DATE:20270501', 'SUMMARY:Labour Day'), event('b', 'DTSTART;VALUE=DATE:20270501', 'SUMMARY:Company day')],
      [['2027-05-01', 'Labour Day / Company day']],
    ],
    [
      'EXDATE removes an occurrence',
      [event('a', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY', 'EXDATE;VALUE=DATE:20270101', 'SUMMARY:New Year')],
      [['2028-01-01', 'New Year']],
    ],
    [
      'a RECURRENCE-ID override renames one occurrence',
      [
        event('a', 'DTSTART;VALUE=DATE:20270704', 'RRULE:FREQ=YEARLY;COUNT=2', 'SUMMARY:Independence Day'),
        event('a', 'RECURRENCE-ID;VALUE=DATE:20280704', 'DTSTART;VALUE=DATE:20280704', 'SUMMARY:Independence Day (observed)'),
      ],
      [
        ['2027-07-04', 'Independence Day'],
        ['2028-07-04', 'Independence Day (observed)'],
      ],
    ],
    ['a blank summary is "Holiday"', [event('a', 'DTSTART;VALUE=DATE:20270601', 'SUMMARY:  ')], [['2027-06-01', 'Holiday']]],
  ])('%s', (_name, events, expected) => {
    expect(parseIcsHolidays(cal(...events), { fromYear: 2027, toYear: 2028 }).holidays.map((h) => [h.date, h.name])).toEqual(expected)
  })

  it('says what it skipped and why', () => {
    const { holidays, skipped } = parseIcsHolidays(
      cal(event('a', 'DTSTART;VALUE=DATE:20200101', 'SUMMARY:Old'), event('b', 'DTSTART:20270101T090000Z', 'SUMMARY:Meeting')),
      { fromYear: 2027, toYear: 2027 },
    )
    expect(holidays).toEqual([])
    expect(skipped).toEqual([
      { summary: 'Old', reason: 'outside 2027–2027' },
      { summary: 'Meeting', reason: 'not an all-day event (it has a time of day)' },
    ])
  })

  it('refuses what is not an iCalendar file, or has no events', () => {
    expect(() => parseIcsHolidays('date,name\n2027-01-01,New Year', { fromYear: 2027, toYear: 2027 })).toThrow(IcsError)
    expect(() => parseIcsHolidays('date,name\n2027-01-01,New Year', { fromYear: 2027, toYear: 2027 })).toThrow(/not an iCalendar file/)
    expect(() => parseIcsHolidays(cal(), { fromYear: 2027, toYear: 2027 })).toThrow(/no events/)
  })
})
