// A double submit opens one case (issue 10, decision 0009): the same idempotency key from the same
// person answers with the case the first request opened, even when ten arrive at once; the same key
// with a different body is refused; without a key nothing changes.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { openCase, openCaseOnce } from '@/server/cases/open-case'
import { createWorld, type World } from '../support/world'

const NOW = new Date('2026-11-20T15:00:00Z')
let w: World
beforeAll(async () => {
  w = await createWorld(NOW)
})

const input = (over: Record<string, unknown> = {}) => ({
  supportId: w.supportIds.basic.code,
  productVersionId: w.version('CURRENT').id,
  category: 'TECHNICAL',
  severity: 3,
  title: `Burst ${randomUUID()}`,
  description: 'The nightly job fails with insufficient space on the repository.',
  preferredLanguage: 'English',
  ...over,
})
const casesTitled = (title: string) => prisma.case.count({ where: { title } })

describe('opening a case with an idempotency key', () => {
  it('ten identical submissions at once open one case, and every one answers with it', async () => {
    const body = input()
    const key = randomUUID()
    const results = await Promise.all(Array.from({ length: 10 }, () => openCaseOnce({ actor: w.actors.caseadmin, input: body, idempotencyKey: key, now: NOW })))
    expect(await casesTitled(body.title)).toBe(1)
    const numbers = new Set(results.map((r) => r.result.number))
    expect(numbers.size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    // The replay is the first answer (as JSON), not a second case's.
    const first = results.find((r) => !r.replayed)!
    for (const r of results) expect(JSON.parse(JSON.stringify(r.result))).toEqual(JSON.parse(JSON.stringify(first.result)))
    const c = await prisma.case.findFirstOrThrow({ where: { title: body.title }, select: { id: true } })
    expect(await prisma.caseEvent.count({ where: { caseId: c.id, type: 'case.opened' } })).toBe(1)
  })

  it('the same key with a different body is refused (422) and opens nothing', async () => {
    const key = randomUUID()
    const body = input()
    await openCase({ actor: w.actors.caseadmin, input: body, idempotencyKey: key, now: NOW })
    const other = { ...body, title: `${body.title} (changed)` }
    await expect(openCase({ actor: w.actors.caseadmin, input: other, idempotencyKey: key, now: NOW })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringMatching(/already used for a different case/),
    })
    expect(await casesTitled(other.title)).toBe(0)
  })

  it('keys are per person: another administrator’s same key opens their own case', async () => {
    const key = randomUUID()
    const body = input()
    const a = await openCaseOnce({ actor: w.actors.caseadmin, input: body, idempotencyKey: key, now: NOW })
    const b = await openCaseOnce({ actor: w.actors.licadmin, input: body, idempotencyKey: key, now: NOW })
    expect(b.replayed).toBe(false)
    expect(b.result.number).not.toBe(a.result.number)
  })

  it('refuses a malformed key with a clear message; a refused request leaves its key free', async () => {
    await expect(openCase({ actor: w.actors.caseadmin, input: input(), idempotencyKey: 'short', now: NOW })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/Idempotency-Key/),
    })
    const key = randomUUID()
    await expect(
      openCase({ actor: w.actors.caseadmin, input: input({ severity: 1, supportId: w.supportIds.evaluation.code }), idempotencyKey: key, now: NOW }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE' })
    const ok = input()
    await openCase({ actor: w.actors.caseadmin, input: ok, idempotencyKey: key, now: NOW })
    expect(await casesTitled(ok.title)).toBe(1)
  })

  it('without a key, two submissions are two cases (as before)', async () => {
    const body = input()
    await openCase({ actor: w.actors.caseadmin, input: body, now: NOW })
    await openCase({ actor: w.actors.caseadmin, input: body, now: NOW })
    expect(await casesTitled(body.title)).toBe(2)
  })
})
