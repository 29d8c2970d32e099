/** The policy table (shared/spec/support-policy.md), cell by cell, and its helpers. */
import { describe, expect, test } from 'vitest'
import {
  POLICY,
  SEVERITY_DEFINITIONS,
  TIERS,
  TIER_HOURS,
  describeDuration,
  describeTierHours,
  describeWeeklyHours,
  responseTarget,
  targetFor,
  tierCalendar,
  type Severity,
  type Tier,
} from '@/lib/sla'
import { TIER_LABELS } from '@/lib/cases/labels'

// Opened Wed 2026-01-14 10:00 CST (16:00Z) in America/Chicago, no holidays.
const OPENED = new Date('2026-01-14T16:00:00Z')

type Row = [Tier, Severity, string, ReturnType<typeof targetFor>, string | null]
const D = (minutes: number, clock: 'business' | 'continuous') => ({ kind: 'deadline' as const, minutes, clock })

const CELLS: Row[] = [
  ['PREMIER', 1, '30 min, 24/7', D(30, 'continuous'), '2026-01-14T16:30:00Z'],
  ['PREMIER', 2, '30 min, 24/7', D(30, 'continuous'), '2026-01-14T16:30:00Z'],
  ['PREMIER', 3, '30 min, 24/7', D(30, 'continuous'), '2026-01-14T16:30:00Z'],
  ['PREMIER', 4, '30 min, 24/7', D(30, 'continuous'), '2026-01-14T16:30:00Z'],
  ['PRODUCTION', 1, '1 h, 24/7', D(60, 'continuous'), '2026-01-14T17:00:00Z'],
  ['PRODUCTION', 2, '3 h, 24/7', D(180, 'continuous'), '2026-01-14T19:00:00Z'],
  ['PRODUCTION', 3, '6 h, 24/7', D(360, 'continuous'), '2026-01-14T22:00:00Z'],
  ['PRODUCTION', 4, '8 h, 24/7', D(480, 'continuous'), '2026-01-15T00:00:00Z'],
  ['BASIC', 1, '2 business h → Wed 12:00', D(120, 'business'), '2026-01-14T18:00:00Z'],
  ['BASIC', 2, '8 business h → Wed 18:00', D(480, 'business'), '2026-01-15T00:00:00Z'],
  ['BASIC', 3, '12 business h → Thu 10:00', D(720, 'business'), '2026-01-15T16:00:00Z'],
  ['BASIC', 4, '24 business h → Fri 10:00', D(1440, 'business'), '2026-01-16T16:00:00Z'],
  ['EVALUATION', 1, 'N/A', { kind: 'not-available', reason: expect.stringContaining('not available') as unknown as string }, null],
  ['EVALUATION', 2, '8 business h → Thu 09:00', D(480, 'business'), '2026-01-15T15:00:00Z'],
  ['EVALUATION', 3, '12 business h → Thu 13:00', D(720, 'business'), '2026-01-15T19:00:00Z'],
  ['EVALUATION', 4, '24 business h → Fri 16:00', D(1440, 'business'), '2026-01-16T22:00:00Z'],
  ['FREE_NFR', 1, 'N/A', { kind: 'not-available', reason: expect.stringContaining('not available') as unknown as string }, null],
  ['FREE_NFR', 2, 'best effort', { kind: 'best-effort' }, null],
  ['FREE_NFR', 3, 'best effort', { kind: 'best-effort' }, null],
  ['FREE_NFR', 4, 'best effort', { kind: 'best-effort' }, null],
]

describe('every cell of the policy table (opened Wed 10:00 America/Chicago)', () => {
  test('20 cells, one per tier × severity', () => {
    expect(CELLS).toHaveLength(20)
    expect(new Set(CELLS.map(([t, s]) => `${t}${s}`)).size).toBe(20)
    expect(TIERS).toHaveLength(5)
  })
  test.each(CELLS)('%s severity %s: %s', (tier, severity, _label, cell, due) => {
    expect(targetFor(tier, severity)).toEqual(cell)
    expect(POLICY[tier][severity]).toEqual(cell)
    const r = responseTarget({ tier, severity, openedAt: OPENED, timeZone: 'America/Chicago', holidays: [] })
    if (cell.kind === 'deadline') {
      expect(r).toEqual({ kind: 'deadline', dueAt: new Date(due!), minutes: cell.minutes, clock: cell.clock })
    } else {
      expect(r).toEqual(cell)
    }
  })
})

describe('responseTarget', () => {
  test('business targets skip the given holidays; 24/7 targets ignore them', () => {
    const holidays = ['2026-01-14', '2026-01-15']
    expect(responseTarget({ tier: 'BASIC', severity: 1, openedAt: OPENED, timeZone: 'America/Chicago', holidays })).toEqual({
      kind: 'deadline',
      dueAt: new Date('2026-01-16T16:00:00Z'), // Fri 10:00 CST
      minutes: 120,
      clock: 'business',
    })
    expect(responseTarget({ tier: 'PRODUCTION', severity: 1, openedAt: OPENED, timeZone: 'America/Chicago', holidays })).toEqual({
      kind: 'deadline',
      dueAt: new Date('2026-01-14T17:00:00Z'),
      minutes: 60,
      clock: 'continuous',
    })
  })
  test('the same holidays array reused: a push is seen (memo keyed by length)', () => {
    const holidays: string[] = []
    const input = { tier: 'BASIC' as const, severity: 1 as const, openedAt: OPENED, timeZone: 'America/Chicago', holidays }
    expect((responseTarget(input) as { dueAt: Date }).dueAt.toISOString()).toBe('2026-01-14T18:00:00.000Z')
    holidays.push('2026-01-14')
    expect((responseTarget(input) as { dueAt: Date }).dueAt.toISOString()).toBe('2026-01-15T16:00:00.000Z')
  })
  test('Premier over a DST change counts real minutes', () => {
    // 2026-03-08 01:45 EST + 30 min = 03:15 EDT = 07:15Z
    const r = responseTarget({ tier: 'PREMIER', severity: 4, openedAt: new Date('2026-03-08T06:45:00Z'), timeZone: 'America/New_York', holidays: [] })
    expect(r).toEqual({ kind: 'deadline', dueAt: new Date('2026-03-08T07:15:00Z'), minutes: 30, clock: 'continuous' })
  })
})

describe('tier hours, calendars and labels', () => {
  test('tierCalendar: business calendars for Basic and Evaluation, null for the 24/7 and best-effort tiers', () => {
    expect(tierCalendar('BASIC', 'America/Chicago', ['2026-12-25'])).toEqual({
      timeZone: 'America/Chicago',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '20:00' })),
      holidays: ['2026-12-25'],
    })
    expect(tierCalendar('EVALUATION', 'Europe/Berlin', [])!.weekly.every((w) => w.open === '08:00' && w.close === '17:00')).toBe(true)
    expect(tierCalendar('PRODUCTION', 'UTC', [])).toBeNull()
    expect(tierCalendar('PREMIER', 'UTC', [])).toBeNull()
    expect(tierCalendar('FREE_NFR', 'UTC', [])).toBeNull()
  })
  test('tierCalendar returns a frozen copy (the caller may keep mutating its own array)', () => {
    const holidays = ['2026-12-25']
    const c = tierCalendar('BASIC', 'UTC', holidays)!
    holidays.push('2026-12-26')
    expect(c.holidays).toEqual(['2026-12-25'])
    expect(Object.isFrozen(c)).toBe(true)
    expect(Object.isFrozen(c.holidays)).toBe(true)
  })
  test.each([
    ['PREMIER', 'Premier', '24/7/365', 'continuous'],
    ['PRODUCTION', 'Production', '24/7/365', 'continuous'],
    ['BASIC', 'Basic', 'Mon–Fri 08:00–20:00', 'business'],
    ['EVALUATION', 'Evaluation', 'Mon–Fri 08:00–17:00', 'business'],
    ['FREE_NFR', 'Free / NFR', '—', 'none'],
  ] as const)('%s: label %s, hours %s', (tier, label, hours, kind) => {
    expect(TIER_LABELS[tier]).toBe(label)
    expect(describeTierHours(tier)).toBe(hours)
    expect(TIER_HOURS[tier].kind).toBe(kind)
  })
  test.each([
    [1, 'Critical', 'production system is down'],
    [2, 'High', 'respond slowly'],
    [3, 'Medium', 'workaround exists'],
    [4, 'Low', 'How-to questions'],
  ] as const)('severity %s is %s', (severity, label, meaning) => {
    const d = SEVERITY_DEFINITIONS[severity]
    expect(d.severity).toBe(severity)
    expect(d.label).toBe(label)
    expect(d.meaning).toContain(meaning)
    expect(d.examples.length).toBeGreaterThan(0)
  })
  test('the policy data is frozen', () => {
    expect(Object.isFrozen(POLICY)).toBe(true)
    expect(Object.isFrozen(POLICY.BASIC)).toBe(true)
    expect(Object.isFrozen(POLICY.BASIC[1])).toBe(true)
  })
})

describe('describeWeeklyHours and describeDuration', () => {
  const w = (entries: [number, string, string][]) => entries.map(([day, open, close]) => ({ day: day as 0, open, close }))
  test.each([
    [
      'Mon–Fri',
      w([
        [1, '08:00', '20:00'],
        [2, '08:00', '20:00'],
        [3, '08:00', '20:00'],
        [4, '08:00', '20:00'],
        [5, '08:00', '20:00'],
      ]),
      'Mon–Fri 08:00–20:00',
    ],
    [
      'unordered input',
      w([
        [5, '08:00', '17:00'],
        [1, '08:00', '17:00'],
        [3, '08:00', '17:00'],
        [2, '08:00', '17:00'],
        [4, '08:00', '17:00'],
      ]),
      'Mon–Fri 08:00–17:00',
    ],
    [
      'lunch break and a short Friday',
      w([
        [1, '09:00', '12:00'],
        [1, '13:00', '17:00'],
        [2, '09:00', '12:00'],
        [2, '13:00', '17:00'],
        [5, '09:00', '15:00'],
      ]),
      'Mon–Tue 09:00–12:00, 13:00–17:00; Fri 09:00–15:00',
    ],
    [
      'non-consecutive days sharing hours',
      w([
        [1, '09:00', '17:00'],
        [3, '09:00', '17:00'],
        [5, '09:00', '17:00'],
      ]),
      'Mon, Wed, Fri 09:00–17:00',
    ],
    [
      'weekend with Sunday last',
      w([
        [6, '10:00', '14:00'],
        [0, '10:00', '14:00'],
      ]),
      'Sat–Sun 10:00–14:00',
    ],
    [
      'touching entries merged',
      w([
        [1, '08:00', '12:00'],
        [1, '12:00', '24:00'],
      ]),
      'Mon 08:00–24:00',
    ],
    ['every day all day', w([0, 1, 2, 3, 4, 5, 6].map((d) => [d, '00:00', '24:00'])), '24/7'],
    ['no hours', [], 'Closed'],
  ])('%s', (_name, weekly, text) => {
    expect(describeWeeklyHours(weekly)).toBe(text)
  })
  test.each([
    [30, 'continuous', '30 minutes'],
    [60, 'continuous', '1 hour'],
    [180, 'continuous', '3 hours'],
    [120, 'business', '2 business hours'],
    [480, 'business', '8 business hours'],
    [90, 'business', '90 business minutes'],
  ] as const)('%s %s minutes → %s', (minutes, clock, text) => {
    expect(describeDuration(minutes, clock)).toBe(text)
  })
})
