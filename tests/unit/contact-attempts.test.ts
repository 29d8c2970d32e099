import { describe, expect, it } from 'vitest'
import { classifyInstant, contactAttemptStanding, describeStanding, type ContactAttemptLike, type ContactCalendar } from '@/lib/contact-attempts'

// November 2026: Fri 20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25, Thu 26 (Thanksgiving), Fri 27, Mon 30.
// Chicago is UTC−6 in November: 10:00 local = 16:00Z.
const US_HOLIDAYS = ['2026-11-26', '2026-12-25']
const basic: ContactCalendar = { tier: 'BASIC', timeZone: 'America/Chicago', holidays: US_HOLIDAYS }
const evaluation: ContactCalendar = { tier: 'EVALUATION', timeZone: 'America/Chicago', holidays: US_HOLIDAYS }
const production: ContactCalendar = { tier: 'PRODUCTION', timeZone: 'America/Chicago', holidays: US_HOLIDAYS }
const berlinBasic: ContactCalendar = { tier: 'BASIC', timeZone: 'Europe/Berlin', holidays: ['2026-12-25'] }

const noAnswer = (iso: string): ContactAttemptLike => ({ at: new Date(iso), outcome: 'NO_ANSWER' })
const voicemail = (iso: string): ContactAttemptLike => ({ at: new Date(iso), outcome: 'VOICEMAIL' })
const reached = (iso: string): ContactAttemptLike => ({ at: new Date(iso), outcome: 'REACHED' })

describe('contactAttemptStanding', () => {
  it.each([
    {
      name: 'two attempts on the same business day count once',
      calendar: basic,
      attempts: [noAnswer('2026-11-23T16:00:00Z'), voicemail('2026-11-23T21:00:00Z')],
      days: ['2026-11-23'],
      verdicts: ['counted', 'same-day'],
    },
    {
      name: 'a weekend between attempts: Saturday does not count, Friday–Monday–Tuesday do',
      calendar: basic,
      attempts: [noAnswer('2026-11-20T16:00:00Z'), noAnswer('2026-11-21T16:00:00Z'), noAnswer('2026-11-23T16:00:00Z'), noAnswer('2026-11-24T16:00:00Z')],
      days: ['2026-11-20', '2026-11-23', '2026-11-24'],
      verdicts: ['counted', 'not-a-business-day', 'counted', 'counted'],
    },
    {
      name: 'a holiday between attempts (Thanksgiving) does not count',
      calendar: basic,
      attempts: [noAnswer('2026-11-25T16:00:00Z'), noAnswer('2026-11-26T16:00:00Z'), noAnswer('2026-11-27T16:00:00Z')],
      days: ['2026-11-25', '2026-11-27'],
      verdicts: ['counted', 'not-a-business-day', 'counted'],
    },
    {
      name: "the customer's local date decides, not UTC: Monday 19:30 in Chicago is Tuesday in UTC",
      calendar: basic,
      attempts: [noAnswer('2026-11-24T01:30:00Z'), noAnswer('2026-11-24T15:00:00Z')],
      days: ['2026-11-23', '2026-11-24'],
      verdicts: ['counted', 'counted'],
    },
    {
      name: "outside the tier's support hours (Basic 08:00–20:00) an attempt does not count",
      calendar: basic,
      attempts: [noAnswer('2026-11-24T03:00:00Z'), noAnswer('2026-11-23T13:30:00Z')],
      days: [],
      verdicts: ['outside-business-hours', 'outside-business-hours'],
    },
    {
      name: 'Evaluation hours end at 17:00',
      calendar: evaluation,
      attempts: [noAnswer('2026-11-23T22:59:00Z'), noAnswer('2026-11-23T23:00:00Z')],
      days: ['2026-11-23'],
      verdicts: ['counted', 'outside-business-hours'],
    },
    {
      name: '24/7 tiers: any hour of a local weekday counts; weekends and holidays do not',
      calendar: production,
      attempts: [noAnswer('2026-11-24T05:00:00Z'), noAnswer('2026-11-22T16:00:00Z'), noAnswer('2026-11-26T16:00:00Z'), noAnswer('2026-11-28T05:00:00Z')],
      days: ['2026-11-23', '2026-11-27'],
      verdicts: ['counted', 'not-a-business-day', 'not-a-business-day', 'counted'],
    },
    {
      name: 'the same instants in Berlin fall on other local days',
      calendar: berlinBasic,
      attempts: [noAnswer('2026-11-23T22:30:00Z'), noAnswer('2026-11-24T07:30:00Z')],
      days: ['2026-11-24'],
      verdicts: ['outside-business-hours', 'counted'],
    },
  ])('$name', ({ calendar, attempts, days, verdicts }) => {
    const s = contactAttemptStanding({ attempts, calendar })
    expect(s.businessDays).toEqual(days)
    const order = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime())
    expect(s.attempts.map((a) => a.verdict)).toEqual(order.map((a) => verdicts[attempts.indexOf(a)]))
    expect(s.closeWithoutConsentAllowed).toBe(days.length >= 3)
  })

  it('allows closing without consent after three separate business days, whatever the input order', () => {
    const attempts = [noAnswer('2026-11-30T16:00:00Z'), noAnswer('2026-11-25T16:00:00Z'), noAnswer('2026-11-27T16:00:00Z'), noAnswer('2026-11-25T20:00:00Z')]
    const s = contactAttemptStanding({ attempts, calendar: basic })
    expect(s.businessDays).toEqual(['2026-11-25', '2026-11-27', '2026-11-30'])
    expect(s.closeWithoutConsentAllowed).toBe(true)
    expect(describeStanding(s)).toBe('3 of 3 business days')
  })

  it('a reply from the customer starts the count again', () => {
    const attempts = [noAnswer('2026-11-23T16:00:00Z'), noAnswer('2026-11-24T16:00:00Z'), noAnswer('2026-11-25T16:00:00Z')]
    const s = contactAttemptStanding({ attempts, calendar: basic, customerRepliedAt: new Date('2026-11-24T18:00:00Z') })
    expect(s.businessDays).toEqual(['2026-11-25'])
    expect(s.attempts.map((a) => a.verdict)).toEqual(['before-reset', 'before-reset', 'counted'])
    expect(s.countingSince).toEqual(new Date('2026-11-24T18:00:00Z'))
    expect(describeStanding(s)).toBe('1 of 3 business days')
  })

  it('reaching the customer starts the count again too', () => {
    const attempts = [noAnswer('2026-11-20T16:00:00Z'), reached('2026-11-23T16:00:00Z'), noAnswer('2026-11-24T16:00:00Z'), noAnswer('2026-11-25T16:00:00Z')]
    const s = contactAttemptStanding({ attempts, calendar: basic })
    expect(s.attempts.map((a) => a.verdict)).toEqual(['before-reset', 'reached', 'counted', 'counted'])
    expect(describeStanding(s)).toBe('2 of 3 business days')
    expect(s.closeWithoutConsentAllowed).toBe(false)
  })

  it('no attempts: 0 of 3', () => {
    expect(describeStanding(contactAttemptStanding({ attempts: [], calendar: production }))).toBe('0 of 3 business days')
  })
})

describe('classifyInstant', () => {
  it('Free / NFR (no support hours) uses local weekdays like the 24/7 tiers', () => {
    const free: ContactCalendar = { tier: 'FREE_NFR', timeZone: 'Asia/Tokyo', holidays: [] }
    expect(classifyInstant(new Date('2026-11-22T16:00:00Z'), free)).toEqual({ businessDay: '2026-11-23', verdict: 'ok' })
    expect(classifyInstant(new Date('2026-11-21T16:00:00Z'), free)).toEqual({ businessDay: '2026-11-22', verdict: 'not-a-business-day' })
  })
})

describe('business days across DST changes (the SLA engine decides the local day and hours)', () => {
  // America/Chicago falls back on Sun 2026-11-01 (CDT UTC−5 → CST UTC−6); Europe/Berlin springs forward on Sun 2026-03-29 (CET UTC+1 → CEST UTC+2).
  it.each([
    ['Fri 2026-10-30 08:30 CDT', basic, '2026-10-30T13:30:00Z', { businessDay: '2026-10-30', verdict: 'ok' }],
    ['Mon 2026-11-02 07:45 CST (08:45 at the old offset)', basic, '2026-11-02T13:45:00Z', { businessDay: '2026-11-02', verdict: 'outside-business-hours' }],
    ['Mon 2026-11-02 08:30 CST', basic, '2026-11-02T14:30:00Z', { businessDay: '2026-11-02', verdict: 'ok' }],
    ['Sun 2026-11-01 23:30 CST (Monday at the old offset)', basic, '2026-11-02T05:30:00Z', { businessDay: '2026-11-01', verdict: 'not-a-business-day' }],
    ['Mon 2026-03-30 19:30 CEST', berlinBasic, '2026-03-30T17:30:00Z', { businessDay: '2026-03-30', verdict: 'ok' }],
    [
      'Mon 2026-03-30 20:30 CEST (19:30 at the old offset)',
      berlinBasic,
      '2026-03-30T18:30:00Z',
      { businessDay: '2026-03-30', verdict: 'outside-business-hours' },
    ],
  ])('%s', (_name, calendar, iso, expected) => {
    expect(classifyInstant(new Date(iso), calendar)).toEqual(expected)
  })

  it('three attempts either side of the fall-back count three business days', () => {
    const s = contactAttemptStanding({
      calendar: basic,
      attempts: [noAnswer('2026-10-30T13:30:00Z'), noAnswer('2026-11-02T13:45:00Z'), voicemail('2026-11-02T14:30:00Z'), noAnswer('2026-11-03T14:30:00Z')],
    })
    expect(s.businessDays).toEqual(['2026-10-30', '2026-11-02', '2026-11-03'])
    expect(s.attempts.map((a) => a.verdict)).toEqual(['counted', 'outside-business-hours', 'counted', 'counted'])
    expect(s.closeWithoutConsentAllowed).toBe(true)
  })
})
