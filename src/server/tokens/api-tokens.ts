import 'server-only'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { zText } from '@/lib/text'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { hashToken } from '@/server/auth/token-hash'
import { AppError, notFound, parseInput } from '@/server/errors'

/** The lifetimes a token may be given at creation (decision 0009). */
export const TOKEN_LIFETIME_DAYS = [7, 30, 90, 365] as const
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90
const DAY_MS = 86_400_000

export const ZCreateApiTokenInput = z.object({
  name: zText('Token name', 'Give the token a name').trim().min(1, 'Give the token a name').max(80, 'Keep the name under 80 characters'),
  // A form sends a string, the API a number; nothing else (null, '', 'never') is a lifetime.
  expiresInDays: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)], { error: 'Choose 7, 30, 90 or 365 days' })
    .refine((d) => (TOKEN_LIFETIME_DAYS as readonly number[]).includes(d), 'Choose 7, 30, 90 or 365 days')
    .default(DEFAULT_TOKEN_LIFETIME_DAYS),
})
export type TCreateApiTokenInput = z.infer<typeof ZCreateApiTokenInput>

const MAX_ACTIVE_TOKENS = 20

/** The owner's tokens that are not revoked, newest first, with expiry and last use; expired ones say so. */
export async function listApiTokens({ actor, now }: { actor: Actor; now: Date }) {
  const tokens = await prisma.apiToken.findMany({
    where: { userId: actor.id, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  return tokens.map((t) => ({ ...t, expired: t.expiresAt <= now }))
}

/** Creates a personal API token. The secret is returned once and only its hash is stored. */
export async function createApiToken({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const { name, expiresInDays } = parseInput(ZCreateApiTokenInput, input)
  const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS)
  const secret = `sp_${randomBytes(24).toString('base64url')}`
  return prisma.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } } })
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError('CONFLICT', `You already have ${MAX_ACTIVE_TOKENS} active tokens: revoke one first`)
    }
    const token = await tx.apiToken.create({
      data: { userId: actor.id, name, tokenHash: hashToken(secret), prefix: secret.slice(0, 7), createdAt: now, expiresAt },
      select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
    })
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        at: now,
        action: 'api-token.created',
        entityType: 'ApiToken',
        entityId: token.id,
        data: { name, expiresAt: expiresAt.toISOString() },
      },
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
