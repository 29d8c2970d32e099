// "My cases" pages through every case with the total that matches (issue 11): a License
// Administrator with 158 cases sees 100 + 58, never a silent stop at 100.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { listCases } from '@/server/cases/list-cases'
import { createWorld, type World } from '../support/world'
import { expectRefused } from '../support/refused'

const NOW = new Date('2026-11-20T15:00:00Z')
const MIN = 60_000
let w: World

beforeAll(async () => {
  w = await createWorld(NOW)
  const s = w.supportIds.production
  // 158 cases, newest has the highest index; every 4th is Severity 2 and RESOLVED.
  await prisma.case.createMany({
    data: Array.from({ length: 158 }, (_, i) => ({
      supportIdId: s.id,
      organisationId: s.organisationId,
      tier: s.tier,
      regionCode: s.regionCode,
      category: 'TECHNICAL' as const,
      severity: i % 4 === 0 ? 2 : 3,
      status: i % 4 === 0 ? ('RESOLVED' as const) : ('NEW' as const),
      title: `Paging case ${i} ${w.tag}`,
      description: 'A case made for paging',
      preferredLanguage: 'English',
      openedById: w.users.licadmin.id,
      openedAt: new Date(NOW.getTime() - (200 - i) * MIN),
      targetKind: 'DEADLINE' as const,
      targetDueAt: new Date(NOW.getTime() + 60 * MIN),
      targetMinutes: 360,
      targetClock: 'CONTINUOUS' as const,
    })),
  })
})

const list = (input: Record<string, unknown> = {}) => listCases({ actor: w.actors.licadmin, input, now: NOW })

const refused = (input: Record<string, unknown>, message: RegExp) => expectRefused(() => list(input), 'BAD_REQUEST', message)

describe('My cases paging', () => {
  it('gives the first 100 of 158 with the total, then the last 58, newest first, no case twice', async () => {
    const first = await list()
    expect({ total: first.total, page: first.page, pageSize: first.pageSize, pages: first.pages, n: first.cases.length }).toEqual({
      total: 158,
      page: 1,
      pageSize: 100,
      pages: 2,
      n: 100,
    })
    expect(first.cases[0]!.title).toBe(`Paging case 157 ${w.tag}`)
    const last = await list({ page: '2' })
    expect(last.cases).toHaveLength(58)
    expect(last.cases.at(-1)!.title).toBe(`Paging case 0 ${w.tag}`)
    const numbers = new Set([...first.cases, ...last.cases].map((c) => c.number))
    expect(numbers.size).toBe(158)
  })

  it('pages with a smaller page size and keeps the filters in the total', async () => {
    const page = await list({ pageSize: '25', page: '7' })
    expect({ total: page.total, pages: page.pages, n: page.cases.length }).toEqual({ total: 158, pages: 7, n: 8 })
    const resolved = await list({ status: 'RESOLVED', pageSize: '30', page: '2' })
    expect({ total: resolved.total, pages: resolved.pages, n: resolved.cases.length }).toEqual({ total: 40, pages: 2, n: 10 })
    expect(resolved.cases.every((c) => c.status === 'RESOLVED' && c.severity === 2)).toBe(true)
    const sev3 = await list({ severity: '3' })
    expect(sev3.total).toBe(118)
  })

  it('answers a page past the last one with no cases and the same total', async () => {
    const past = await list({ page: '9' })
    expect({ total: past.total, pages: past.pages, n: past.cases.length }).toEqual({ total: 158, pages: 2, n: 0 })
  })

  it('refuses a page or page size that is not a whole number in range, with words', async () => {
    await refused({ page: '0' }, /Page must be a whole number of 1 or more/)
    await refused({ page: 'two' }, /Page must be a whole number of 1 or more/)
    await refused({ page: '1.5' }, /Page must be a whole number of 1 or more/)
    await refused({ pageSize: '101' }, /Page size must be a whole number from 1 to 100/)
    await refused({ pageSize: '0' }, /Page size must be a whole number from 1 to 100/)
    await refused({ pageSize: '100000000000' }, /Page size must be a whole number from 1 to 100/)
  })

  it('counts only what the actor may see', async () => {
    const other = await listCases({ actor: w.actors.otherAdmin, input: {}, now: NOW })
    expect(other.total).toBe(0)
    const partner = await listCases({ actor: w.actors.partner, input: { pageSize: '10' }, now: NOW })
    expect(partner.total).toBe(158) // the approved partner reaches the Production Support ID
  })
})
