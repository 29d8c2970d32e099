/** explainResponseTarget: the walk behind a deadline. */
import { describe, expect, test } from 'vitest'
import { explainResponseTarget, responseTarget } from '@/lib/sla'

describe('explainResponseTarget', () => {
  test('Evaluation S4 opened Fri evening before spring-forward, with a Monday holiday', () => {
    const input = {
      tier: 'EVALUATION' as const,
      severity: 4 as const,
      openedAt: new Date('2026-03-06T23:30:00Z'),
      timeZone: 'America/New_York',
      holidays: ['2026-03-09'],
    }
    const x = explainResponseTarget(input)
    expect(x.result).toEqual(responseTarget(input))
    expect(x.result).toEqual({ kind: 'deadline', dueAt: new Date('2026-03-12T18:00:00Z'), minutes: 1440, clock: 'business' })
    expect(x.tierLabel).toBe('Evaluation')
    expect(x.severityLabel).toBe('Low')
    expect(x.hours).toBe('Mon–Fri 08:00–17:00')
    expect(x.timeZone).toBe('America/New_York')
    expect(x.openedAtLocal).toBe('Fri 2026-03-06 18:30 (UTC-05:00)')
    expect(x.dueAtLocal).toBe('Thu 2026-03-12 14:00 (UTC-04:00)')
    expect(x.openedDuringHours).toBe(false)
    expect(x.periods.map((p) => [p.localStart, p.localEnd, p.minutes, p.cumulativeMinutes])).toEqual([
      ['Tue 2026-03-10 08:00', 'Tue 2026-03-10 17:00', 540, 540],
      ['Wed 2026-03-11 08:00', 'Wed 2026-03-11 17:00', 540, 1080],
      ['Thu 2026-03-12 08:00', 'Thu 2026-03-12 14:00', 360, 1440],
    ])
    expect(x.skippedDays).toEqual([
      { date: '2026-03-07', weekday: 'Sat', reason: 'closed' },
      { date: '2026-03-08', weekday: 'Sun', reason: 'closed' },
      { date: '2026-03-09', weekday: 'Mon', reason: 'holiday' },
    ])
    expect(x.offsetChanges).toEqual([
      { at: new Date('2026-03-08T07:00:00Z'), from: '-05:00', to: '-04:00', localBefore: '2026-03-08 02:00', localAfter: '2026-03-08 03:00', shiftMinutes: 60 },
    ])
    expect(x.steps[0]).toMatch(/^Opened Fri 2026-03-06 18:30 .*outside business hours \(Mon–Fri 08:00–17:00\); target 24 business hours/)
    expect(x.steps.findIndex((s) => s.startsWith('Clocks changed'))).toBeGreaterThan(x.steps.findIndex((s) => s.startsWith('Skipped Sat')))
    expect(x.steps.at(-1)).toMatch(/^Due Thu 2026-03-12 14:00/)
  })

  test('opened on a holiday: the walk starts with the opening, then the skipped holiday (Santiago, midnight DST end)', () => {
    const x = explainResponseTarget({
      tier: 'BASIC',
      severity: 4,
      openedAt: new Date('2026-04-03T22:30:00Z'),
      timeZone: 'America/Santiago',
      holidays: ['2026-04-03'],
    })
    expect(x.steps).toEqual([
      'Opened Fri 2026-04-03 19:30 (UTC-03:00) America/Santiago, outside business hours (Mon–Fri 08:00–20:00); target 24 business hours.',
      'Skipped Fri 2026-04-03: holiday.',
      'Skipped Sat 2026-04-04: closed all day.',
      'Clocks changed at 2026-04-05 00:00 local: UTC-03:00 → UTC-04:00 (wall clock now 23:00, -60 min).',
      'Skipped Sun 2026-04-05: closed all day.',
      'Open Mon 2026-04-06 08:00 – Mon 2026-04-06 20:00: 720 business minutes (total 720 of 1440).',
      'Open Tue 2026-04-07 08:00 – Tue 2026-04-07 20:00: 720 business minutes (total 1440 of 1440).',
      'Due Tue 2026-04-07 20:00 (UTC-04:00) America/Santiago — 24 business hours after opening.',
    ])
  })

  test('Lord Howe: a 30-minute offset change is reported as +30', () => {
    const x = explainResponseTarget({ tier: 'BASIC', severity: 4, openedAt: new Date('2026-10-02T05:30:00Z'), timeZone: 'Australia/Lord_Howe', holidays: [] })
    expect(x.offsetChanges).toHaveLength(1)
    expect(x.offsetChanges[0]).toMatchObject({
      from: '+10:30',
      to: '+11:00',
      localBefore: '2026-10-04 02:00',
      localAfter: '2026-10-04 02:30',
      shiftMinutes: 30,
    })
  })

  test('opened during hours', () => {
    const x = explainResponseTarget({ tier: 'BASIC', severity: 1, openedAt: new Date('2026-01-14T16:00:00Z'), timeZone: 'America/Chicago', holidays: [] })
    expect(x.openedDuringHours).toBe(true)
    expect(x.periods).toHaveLength(1)
    expect(x.periods[0]).toMatchObject({ localStart: 'Wed 2026-01-14 10:00', localEnd: 'Wed 2026-01-14 12:00', minutes: 120 })
    expect(x.skippedDays).toEqual([])
  })

  test('24/7 tiers: one continuous period, offset changes still listed', () => {
    const x = explainResponseTarget({
      tier: 'PRODUCTION',
      severity: 4,
      openedAt: new Date('2026-03-08T05:00:00Z'),
      timeZone: 'America/New_York',
      holidays: ['2026-03-08'],
    })
    expect(x.clock).toBe('continuous')
    expect(x.hours).toBe('24/7/365')
    expect(x.periods).toHaveLength(1)
    expect(x.periods[0]).toMatchObject({ minutes: 480, localStart: 'Sun 2026-03-08 00:00', localEnd: 'Sun 2026-03-08 09:00' })
    expect(x.skippedDays).toEqual([])
    expect(x.offsetChanges).toHaveLength(1)
    expect(x.steps.join('\n')).toMatch(/24\/7 clock/)
  })

  test.each([
    ['FREE_NFR', 2, 'best-effort', /best effort/],
    ['FREE_NFR', 1, 'not-available', /not available/],
    ['EVALUATION', 1, 'not-available', /not available/],
  ] as const)('%s severity %s → %s, with the reason in the steps', (tier, severity, kind, text) => {
    const x = explainResponseTarget({ tier, severity, openedAt: new Date('2026-01-14T16:00:00Z'), timeZone: 'UTC', holidays: [] })
    expect(x.result.kind).toBe(kind)
    expect(x.periods).toEqual([])
    expect(x.dueAtLocal).toBeNull()
    expect(x.steps.join('\n')).toMatch(text)
  })
})
