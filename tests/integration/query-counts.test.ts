// Database statements per request (issue 13): what the hot paths cost in round trips, and that the
// cost does not grow with the number of rows shown (no per-row follow-up queries). Relations load
// in the query that asks for them (relationJoins, decision 0022). Counted with the Prisma client's
// query event, as the request log counts them; the bounds are today's figures.
import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { actorForBearer } from '@/server/auth/actor'
import { createApiToken } from '@/server/tokens/api-tokens'
import { findQueue } from '@/server/queue/find-queue'
import { getCase } from '@/server/cases/get-case'
import { listCases } from '@/server/cases/list-cases'
import { makeCaseWithDeadline } from '../support/make-case'
import { createWorld } from '../support/world'

let statements = 0
prisma.$on('query', () => void statements++)
async function count<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  statements = 0
  const result = await fn()
  return { result, queries: statements }
}

describe('queries per request', () => {
  it('a bearer token, its user and organisation: one query (the last use is written at most once a minute)', async () => {
    const world = await createWorld()
    const token = await createApiToken({ actor: world.actors.caseadmin, input: { name: 'count' }, now: world.now })
    await actorForBearer(`Bearer ${token.secret}`, world.now)
    const { result, queries } = await count(() => actorForBearer(`Bearer ${token.secret}`, new Date(world.now.getTime() + 1_000)))
    expect(result.actor?.id).toBe(world.actors.caseadmin.id)
    expect(queries).toBe(1)
  })

  it("the engineers' queue page costs the same for 3 rows as for 15", async () => {
    const world = await createWorld()
    for (let i = 0; i < 3; i++) await makeCaseWithDeadline(world, { assignee: 'engineer', dueInMinutes: 60 + i })
    const few = await count(() => findQueue({ actor: world.actors.engineer, input: { assignee: 'mine' }, now: world.now }))
    for (let i = 0; i < 12; i++) await makeCaseWithDeadline(world, { assignee: 'engineer', supportId: i % 2 ? 'production' : 'basic', dueInMinutes: 90 + i })
    const many = await count(() => findQueue({ actor: world.actors.engineer, input: { assignee: 'mine' }, now: world.now }))
    expect(few.result.cases).toHaveLength(3)
    expect(many.result.cases).toHaveLength(15)
    expect(many.queries).toBe(few.queries)
    expect(many.queries).toBeLessThanOrEqual(5)
  })

  it("a customer's case list and case page do not grow with their rows", async () => {
    const world = await createWorld()
    const first = await makeCaseWithDeadline(world)
    const few = await count(() => listCases({ actor: world.actors.caseadmin, input: {}, now: world.now }))
    for (let i = 0; i < 10; i++) await makeCaseWithDeadline(world, { supportId: i % 2 ? 'production' : 'basic' })
    const many = await count(() => listCases({ actor: world.actors.caseadmin, input: {}, now: world.now }))
    expect(many.queries).toBe(few.queries)
    expect(many.queries).toBeLessThanOrEqual(6)
    const page = await count(() => getCase({ actor: world.actors.caseadmin, number: first.number, now: world.now }))
    expect(page.result.number).toBe(first.number)
    expect(page.queries).toBeLessThanOrEqual(6)
  })
})
