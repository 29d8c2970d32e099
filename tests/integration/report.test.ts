import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { complianceCsv, complianceReport, percentile } from '@/server/reports/compliance'
import { createWorld } from '../support/world'
import { at, makeCase } from '../support/make-case'

// March 2031, a period no other test uses (reports count every case opened in the range).
// Chicago is UTC−6 until DST starts on Sunday 9 March 2031; Berlin is UTC+1.
const now = at('2031-03-14T12:00:00Z')
const range = { from: '2031-03-01', to: '2031-03-15' }
const MIN = 60_000

async function reportWorld() {
  const world = await createWorld(now)
  const responded = async (supportId: 'production' | 'basic' | 'free' | 'other', severity: 1 | 2 | 3, openedIso: string, afterMinutes: number | null) => {
    const openedAt = at(openedIso)
    return makeCase(world, { supportId, severity, openedAt, firstResponseAt: afterMinutes === null ? null : new Date(openedAt.getTime() + afterMinutes * MIN) })
  }
  await responded('production', 1, '2031-03-03T10:00:00Z', 30) // met (1 h target)
  await responded('production', 1, '2031-03-03T11:00:00Z', 90) // breached
  await responded('production', 1, '2031-03-04T10:00:00Z', null) // breached: never answered, past due
  await responded('basic', 2, '2031-03-03T14:00:00Z', 24 * 60) // Mon 08:00 → Tue 08:00 Chicago: 720 business minutes, breached (8 h)
  await responded('basic', 2, '2031-03-03T15:00:00Z', 60) // met, 60 business minutes
  await responded('free', 3, '2031-03-05T10:00:00Z', 120) // best effort: no target, 120 minutes
  await responded('other', 3, '2031-03-14T09:00:00Z', null) // EMEA Basic, Friday 10:00 Berlin: pending (due Monday)
  await responded('production', 1, '2031-02-27T10:00:00Z', 10) // outside the range
  return world
}

describe('the SLA compliance report', () => {
  it('counts per tier, severity and region, with median and 90th-percentile business minutes to first response, and exports CSV', async () => {
    const world = await reportWorld()
    const report = await complianceReport({ actor: world.actors.manager, input: range, now })
    const mine = report.rows
    expect(mine).toEqual([
      {
        tier: 'PRODUCTION',
        severity: 1,
        region: 'US',
        opened: 3,
        withTarget: 3,
        met: 1,
        breached: 2,
        pending: 0,
        noTarget: 0,
        responded: 2,
        compliancePct: 33.3,
        medianMinutes: 60,
        p90Minutes: 84,
      },
      {
        tier: 'BASIC',
        severity: 2,
        region: 'US',
        opened: 2,
        withTarget: 2,
        met: 1,
        breached: 1,
        pending: 0,
        noTarget: 0,
        responded: 2,
        compliancePct: 50,
        medianMinutes: 390,
        p90Minutes: 654,
      },
      {
        tier: 'BASIC',
        severity: 3,
        region: 'EMEA',
        opened: 1,
        withTarget: 1,
        met: 0,
        breached: 0,
        pending: 1,
        noTarget: 0,
        responded: 0,
        compliancePct: null,
        medianMinutes: null,
        p90Minutes: null,
      },
      {
        tier: 'FREE_NFR',
        severity: 3,
        region: 'US',
        opened: 1,
        withTarget: 0,
        met: 0,
        breached: 0,
        pending: 0,
        noTarget: 1,
        responded: 1,
        compliancePct: null,
        medianMinutes: 120,
        p90Minutes: 120,
      },
    ])
    expect(report.totals).toMatchObject({
      opened: 7,
      withTarget: 6,
      met: 2,
      breached: 3,
      pending: 1,
      noTarget: 1,
      responded: 5,
      compliancePct: 40,
      medianMinutes: 90,
    })
    expect(report.byTier.map((t) => [t.tier, t.met, t.breached, t.pending])).toEqual([
      ['PRODUCTION', 1, 2, 0],
      ['BASIC', 1, 1, 1],
      ['FREE_NFR', 0, 0, 0],
    ])
    expect(await prisma.case.count({ where: { organisationId: world.orgs.customer.id } })).toBe(7)

    // The CSV export: one line per group, then the total.
    const lines = complianceCsv(report).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'tier,severity,region,opened,with_target,met,breached,pending,no_target,compliance_pct,responded,median_business_minutes,p90_business_minutes',
    )
    expect(lines[1]).toBe('PRODUCTION,1,US,3,3,1,2,0,0,33.3,2,60,84')
    expect(lines.at(-1)).toBe('TOTAL,,,7,6,2,3,1,1,40,5,90,480')
  })

  it('is for Support Managers, and refuses a reversed or too long period', async () => {
    const world = await createWorld(now)
    await expect(complianceReport({ actor: world.actors.engineer, input: range, now })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(complianceReport({ actor: world.actors.caseadmin, input: range, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(complianceReport({ actor: world.actors.partner, input: range, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(complianceReport({ actor: world.actors.manager, input: { from: '2031-03-15', to: '2031-03-01' }, now })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(complianceReport({ actor: world.actors.manager, input: { from: '2029-01-01', to: '2031-03-01' }, now })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(complianceReport({ actor: world.actors.manager, input: { from: 'yesterday', to: '2031-03-01' }, now })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
  })

  it('interpolates percentiles like percentile_cont', () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile([5], 0.9)).toBe(5)
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25)
    expect(percentile([0, 100], 0.9)).toBe(90)
  })
})
