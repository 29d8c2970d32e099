import 'server-only'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { zText } from '@/lib/text'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { hashToken } from '@/server/auth/token-hash'
import { AppError, notFound, parseInput } from '@/server/errors'

export const ZCreateApiTokenInput = z.object({
  name: zText('Token name', 'Give the token a name').trim().min(1, 'Give the token a name').max(80, 'Keep the name under 80 characters'),
})
export type TCreateApiTokenInput = z.infer<typeof ZCreateApiTokenInput>

const MAX_ACTIVE_TOKENS = 20

export async function listApiTokens({ actor }: { actor: Actor }) {
  return prisma.apiToken.findMany({
    where: { userId: actor.id, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: 'desc' },
  })
}

/** Creates a personal API token. The secret is returned once and only its hash is stored. */
export async function createApiToken({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const { name } = parseInput(ZCreateApiTokenInput, input)
  const secret = `sp_${randomBytes(24).toString('base64url')}`
  return prisma.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } })
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError('CONFLICT', `You already have ${MAX_ACTIVE_TOKENS} active tokens: revoke one first`)
    }
    const token = await tx.apiToken.create({
      data: { userId: actor.id, name, tokenHash: hashToken(secret), prefix: secret.slice(0, 7), createdAt: now },
      select: { id: true, name: true, prefix: true, createdAt: true },
    })
    await tx.auditEntry.create({
      data: { actorId: actor.id, at: now, action: 'api-token.created', entityType: 'ApiToken', entityId: token.id, data: { name } },
    })
    return { ...token, secret }
  })
}

export async function revokeApiToken({ actor, tokenId, now }: { actor: Actor; tokenId: string; now: Date }) {
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: actor.id, revokedAt: null },
      data: { revokedAt: now },
    })
    if (revoked.count === 0) throw notFound('That token')
    await tx.auditEntry.create({
      data: { actorId: actor.id, at: now, action: 'api-token.revoked', entityType: 'ApiToken', entityId: tokenId },
    })
  })
}
