import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { loadActor } from '@/server/auth/actor'
import { hashToken } from '@/server/auth/token-hash'
import { verifyCredentials } from '@/server/auth/sign-in'
import { createApiToken, listApiTokens, revokeApiToken } from '@/server/tokens/api-tokens'
import { AppError } from '@/server/errors'
import { createWorld, TEST_PASSWORD } from '../support/world'

describe('sign-in', () => {
  it('accepts the right password and refuses a wrong one or an unknown e-mail alike', async () => {
    const { users } = await createWorld()
    const ok = await verifyCredentials({ email: users.caseadmin.email, password: TEST_PASSWORD })
    expect(ok).toMatchObject({ id: users.caseadmin.id, email: users.caseadmin.email })
    expect(await verifyCredentials({ email: users.caseadmin.email, password: 'wrong-password' })).toBeNull()
    expect(await verifyCredentials({ email: `nobody-${users.caseadmin.email}`, password: TEST_PASSWORD })).toBeNull()
  })

  it('refuses a disabled user, and a session issued before sign-out', async () => {
    const { users } = await createWorld()
    expect(await loadActor(users.caseadmin.id, 0)).not.toBeNull()
    await prisma.user.update({ where: { id: users.caseadmin.id }, data: { sessionVersion: { increment: 1 } } })
    expect(await loadActor(users.caseadmin.id, 0)).toBeNull()
    expect(await loadActor(users.caseadmin.id, 1)).not.toBeNull()
    await prisma.user.update({ where: { id: users.user.id }, data: { disabledAt: new Date() } })
    expect(await verifyCredentials({ email: users.user.email, password: TEST_PASSWORD })).toBeNull()
    expect(await loadActor(users.user.id)).toBeNull()
  })
})

describe('personal API tokens', () => {
  const now = new Date('2026-11-20T15:00:00Z')

  it('shows the secret once, stores only its hash, and can be revoked by its owner only', async () => {
    const { actors } = await createWorld()
    const token = await createApiToken({ actor: actors.caseadmin, input: { name: 'CI' }, now })
    expect(token.secret).toMatch(/^sp_[A-Za-z0-9_-]{32}$/)
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })
    expect(stored.tokenHash).toBe(hashToken(token.secret))
    expect(JSON.stringify(stored)).not.toContain(token.secret)
    expect((await listApiTokens({ actor: actors.caseadmin, now })).map((t) => t.name)).toEqual(['CI'])

    await expect(revokeApiToken({ actor: actors.otherAdmin, tokenId: token.id, now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await revokeApiToken({ actor: actors.caseadmin, tokenId: token.id, now })
    expect(await listApiTokens({ actor: actors.caseadmin, now })).toEqual([])
    const audit = await prisma.auditEntry.findMany({ where: { entityId: token.id }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => a.action)).toEqual(['api-token.created', 'api-token.revoked'])
  })

  it('refuses a blank name with a clear message and writes nothing', async () => {
    const { actors } = await createWorld()
    const error = await createApiToken({ actor: actors.caseadmin, input: { name: '   ' }, now }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toBe('Invalid input: name: Give the token a name')
    expect(await prisma.apiToken.count({ where: { userId: actors.caseadmin.id } })).toBe(0)
    expect(await prisma.auditEntry.count({ where: { actorId: actors.caseadmin.id } })).toBe(0)
  })
})
