// API tokens expire (issue 10, decision 0009): an expiry chosen at creation (7, 30, 90 or 365
// days; 90 by default), checked on every request that carries the token, and listed with the
// last use so the owner sees what is about to lapse.
import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { actorForBearer } from '@/server/auth/actor'
import { createApiToken, listApiTokens } from '@/server/tokens/api-tokens'
import { createWorld } from '../support/world'

const now = new Date('2026-11-20T15:00:00Z')
const DAY = 86_400_000
const later = (days: number) => new Date(now.getTime() + days * DAY)

describe('API token expiry', () => {
  it('defaults to 90 days and is refused from the moment it expires, with a reason', async () => {
    const { actors } = await createWorld()
    const token = await createApiToken({ actor: actors.caseadmin, input: { name: 'CI' }, now })
    expect(token.expiresAt).toEqual(later(90))
    expect(await actorForBearer(`Bearer ${token.secret}`, later(89))).toMatchObject({ actor: { id: actors.caseadmin.id } })
    expect(await actorForBearer(`Bearer ${token.secret}`, later(90))).toEqual({
      actor: null,
      refusal: expect.stringMatching(/^This API token expired on 2027-02-18/),
    })
    expect(await actorForBearer(`Bearer ${token.secret}`, later(400))).toMatchObject({ actor: null })
    // The last use is the last accepted request, not the refused one.
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { lastUsedAt: true } })
    expect(row.lastUsedAt).toEqual(later(89))
  })

  it('takes 7, 30, 90 or 365 days and refuses anything else with the choices, writing nothing', async () => {
    const { actors } = await createWorld()
    for (const days of [7, 30, 90, 365]) {
      const t = await createApiToken({ actor: actors.caseadmin, input: { name: `T${days}`, expiresInDays: String(days) }, now })
      expect(t.expiresAt).toEqual(later(days))
    }
    for (const bad of [0, 1, 91, 3650, -7, 'never', null]) {
      await expect(createApiToken({ actor: actors.caseadmin, input: { name: 'bad', expiresInDays: bad }, now })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/expiresInDays: Choose 7, 30, 90 or 365 days/),
      })
    }
    expect(await prisma.apiToken.count({ where: { userId: actors.caseadmin.id } })).toBe(4)
  })

  it('lists the owner’s tokens with expiry, last use and whether they have expired; expired ones do not count towards the limit', async () => {
    const { actors } = await createWorld()
    const week = await createApiToken({ actor: actors.caseadmin, input: { name: 'week', expiresInDays: 7 }, now })
    await createApiToken({ actor: actors.caseadmin, input: { name: 'year', expiresInDays: 365 }, now })
    await actorForBearer(`Bearer ${week.secret}`, later(1))
    const list = await listApiTokens({ actor: actors.caseadmin, now: later(8) })
    expect(list.map((t) => [t.name, t.expired, t.expiresAt, t.lastUsedAt])).toEqual([
      ['year', false, later(365), null],
      ['week', true, later(7), later(1)],
    ])
    expect(await listApiTokens({ actor: actors.otherAdmin, now })).toEqual([])
  })

  it('a revoked token or an unknown secret is refused like before', async () => {
    const { actors } = await createWorld()
    const token = await createApiToken({ actor: actors.caseadmin, input: { name: 'CI' }, now })
    await prisma.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } })
    expect(await actorForBearer(`Bearer ${token.secret}`, later(1))).toMatchObject({ actor: null, refusal: expect.stringMatching(/revoked/) })
    expect(await actorForBearer('Bearer sp_unknown', later(1))).toMatchObject({ actor: null })
  })

  it('records the last use at most once a minute, so reads do not write on every request (issue 13)', async () => {
    const { actors } = await createWorld()
    const token = await createApiToken({ actor: actors.caseadmin, input: { name: 'CI' }, now })
    const lastUse = async () => (await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { lastUsedAt: true } })).lastUsedAt
    const at = (ms: number) => new Date(now.getTime() + ms)
    await actorForBearer(`Bearer ${token.secret}`, at(0))
    expect(await lastUse()).toEqual(at(0))
    // Ten concurrent requests within the minute: still the first use, no write.
    await Promise.all(Array.from({ length: 10 }, (_, i) => actorForBearer(`Bearer ${token.secret}`, at(1_000 + i))))
    expect(await lastUse()).toEqual(at(0))
    await actorForBearer(`Bearer ${token.secret}`, at(60_000))
    expect(await lastUse()).toEqual(at(60_000))
  })

  it("a disabled user's token is refused", async () => {
    const { actors } = await createWorld()
    const token = await createApiToken({ actor: actors.caseadmin, input: { name: 'CI' }, now })
    await prisma.user.update({ where: { id: actors.caseadmin.id }, data: { disabledAt: now } })
    expect(await actorForBearer(`Bearer ${token.secret}`, later(1))).toEqual({ actor: null, refusal: 'This API token is not valid' })
  })
})
