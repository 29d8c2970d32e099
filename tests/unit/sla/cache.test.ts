/** Cache behaviour: bounded, transparent, and safe against changed calendars. */
import { afterAll, describe, expect, test } from 'vitest'
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from '@/lib/sla'
import { SLA_CACHE_DEFAULT_BUDGET_BYTES, clearSlaCaches, setSlaCacheBudget, slaCacheStats } from '@/lib/sla/diagnostics'

const weekdays = (open: string, close: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open, close }))

afterAll(() => setSlaCacheBudget(SLA_CACHE_DEFAULT_BUDGET_BYTES))

describe('caches', () => {
  test('the table budget is respected and evicted tables are rebuilt with identical results', () => {
    clearSlaCaches()
    const cal: BusinessCalendar = { timeZone: 'Europe/Berlin', weekly: weekdays('08:00', '20:00'), holidays: [] }
    const starts = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(1980 + i, 5, 15, 9)))
    const before = starts.map((s) => addBusinessMinutes(cal, s, 1440).getTime())
    expect(slaCacheStats().tables).toBe(60)
    setSlaCacheBudget(40_000) // about 5 Mon–Fri year tables
    const stats = slaCacheStats()
    expect(stats.tableBytes).toBeLessThanOrEqual(40_000)
    expect(stats.tablesEvicted).toBeGreaterThan(0)
    const after = starts.map((s) => addBusinessMinutes(cal, s, 1440).getTime())
    expect(after).toEqual(before)
    expect(slaCacheStats().tableBytes).toBeLessThanOrEqual(40_000)
  })

  test('equal calendars given as different objects share one compiled calendar', () => {
    clearSlaCaches()
    setSlaCacheBudget(SLA_CACHE_DEFAULT_BUDGET_BYTES)
    for (let i = 0; i < 100; i++) {
      const cal: BusinessCalendar = { timeZone: 'America/Chicago', weekly: weekdays('08:00', '17:00'), holidays: ['2026-12-25', '2026-01-01'] }
      addBusinessMinutes(cal, new Date('2026-06-01T12:00:00Z'), 60)
    }
    // Holiday order and zone alias spelling do not matter either.
    addBusinessMinutes(
      { timeZone: 'america/chicago', weekly: weekdays('08:00', '17:00'), holidays: ['2026-01-01', '2026-12-25', '2026-01-01'] },
      new Date('2026-06-01T12:00:00Z'),
      60,
    )
    expect(slaCacheStats().calendars).toBe(1)
    expect(slaCacheStats().tables).toBe(1)
  })

  test('fresh calendar objects with different content never share a result (content snapshots)', () => {
    const start = new Date('2026-01-14T16:00:00Z') // Wed 16:00 UTC
    const due = (holidays: string[], timeZone = 'UTC', close = '17:00') =>
      addBusinessMinutes({ timeZone, weekly: weekdays('08:00', close), holidays: [...holidays] }, start, 120).toISOString()
    for (let round = 0; round < 3; round++) {
      expect(due([])).toBe('2026-01-15T09:00:00.000Z')
      expect(due(['2026-01-15'])).toBe('2026-01-16T09:00:00.000Z')
      expect(due(['2026-01-15', '2026-01-16'])).toBe('2026-01-19T09:00:00.000Z')
      expect(due(['2026-01-16'])).toBe('2026-01-15T09:00:00.000Z')
      expect(due([], 'UTC', '18:00')).toBe('2026-01-14T18:00:00.000Z')
      expect(due([], 'Etc/GMT+1')).toBe('2026-01-14T18:00:00.000Z') // UTC−1: Wed 15:00 local + 2 h = 17:00 local
    }
  })

  test('a calendar object changed in place is recompiled (holidays pushed, zone or hours replaced)', () => {
    const cal: BusinessCalendar = { timeZone: 'UTC', weekly: weekdays('08:00', '17:00'), holidays: [] }
    const start = new Date('2026-01-14T16:00:00Z') // Wed 16:00 UTC
    expect(addBusinessMinutes(cal, start, 120).toISOString()).toBe('2026-01-15T09:00:00.000Z')
    cal.holidays.push('2026-01-15')
    expect(addBusinessMinutes(cal, start, 120).toISOString()).toBe('2026-01-16T09:00:00.000Z')
    cal.timeZone = 'Asia/Kolkata'
    expect(addBusinessMinutes(cal, start, 120).toISOString()).toBe('2026-01-16T04:30:00.000Z') // Fri 10:00 IST
    cal.weekly = weekdays('09:00', '17:00')
    expect(businessMinutesBetween(cal, new Date('2026-01-12T00:00:00Z'), new Date('2026-01-13T00:00:00Z'))).toBe(480) // Mon 09:00–17:00 IST (was 540 with 08:00)
  })
})
