import 'server-only'
import { cache } from 'react'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getServerSession } from 'next-auth'
import { prisma } from '@/server/db/client'
import { AppError } from '@/server/errors'
import type { User } from '@/generated/prisma/client'
import type { OrgKind, VendorRole } from '@/generated/prisma/enums'
import { authOptions } from './options'
import { hashToken } from './token-hash'
import { noteRequestUser } from '@/server/http/request-log'

/** The authenticated person every service function acts for. Roles on Support IDs are read
 * from the database on each use, never from the session, so a revocation applies at once. */
export type Actor = {
  id: string
  email: string
  name: string
  organisationId: string
  organisationName: string
  orgKind: OrgKind
  vendorRoles: VendorRole[]
  timeZone: string
  locale: string
}

export const isVendor = (actor: Actor) => actor.orgKind === 'VENDOR'
export const hasVendorRole = (actor: Actor, ...roles: VendorRole[]) => isVendor(actor) && roles.some((r) => actor.vendorRoles.includes(r))

const ACTOR_USER = { include: { organisation: { select: { name: true, kind: true } } } } as const
type ActorUser = Pick<User, 'id' | 'email' | 'name' | 'organisationId' | 'vendorRoles' | 'timeZone' | 'locale'> & {
  organisation: { name: string; kind: OrgKind }
}

function toActor(user: ActorUser): Actor {
  noteRequestUser(user.id)
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    orgKind: user.organisation.kind,
    vendorRoles: user.vendorRoles,
    timeZone: user.timeZone,
    locale: user.locale,
  }
}

export async function loadActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, ...ACTOR_USER })
  if (!user || user.disabledAt) return null
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null
  return toActor(user)
}

/** A token's last use is recorded at most this often: reads do not write on every request. */
export const TOKEN_LAST_USE_STEP_MS = 60_000

/**
 * The actor of an `Authorization: Bearer …` header at `now`: null with the reason when the token
 * is unknown, revoked or expired (decision 0009). Only an accepted request counts as its last use,
 * recorded at most once a minute (one conditional write, so concurrent requests with one token do
 * not queue on its row). The token, its user and the organisation come in one query (relationJoins,
 * decision 0022; tests/integration/query-counts.test.ts).
 */
export async function actorForBearer(authorization: string, now: Date): Promise<{ actor: Actor | null; refusal?: string }> {
  const secret = authorization.slice('Bearer '.length).trim()
  if (!secret) return { actor: null, refusal: 'The Authorization header has no token' }
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(secret) }, include: { user: ACTOR_USER } })
  if (!token) return { actor: null, refusal: 'This API token is not valid' }
  if (token.revokedAt) return { actor: null, refusal: 'This API token was revoked: create a new one on your profile page' }
  if (token.expiresAt <= now) {
    return {
      actor: null,
      refusal: `This API token expired on ${token.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: create a new one on your profile page`,
    }
  }
  if (token.user.disabledAt) return { actor: null, refusal: 'This API token is not valid' }
  const stale = new Date(now.getTime() - TOKEN_LAST_USE_STEP_MS)
  if (!token.lastUsedAt || token.lastUsedAt <= stale) {
    await prisma.apiToken.updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] }, data: { lastUsedAt: now } })
  }
  return { actor: toActor(token.user) }
}

/**
 * The signed-in actor from a bearer token or the session cookie; null when there is none. Loaded
 * once per request (React's cache: the layout and the page of one render share it).
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const authorization = (await headers()).get('authorization')
  if (authorization?.startsWith('Bearer ')) return (await actorForBearer(authorization, new Date())).actor
  const session = await getServerSession(authOptions)
  if (!session?.user?.id) return null
  // Every session this portal issues carries the sign-out version; one without it was not made
  // here (or predates the claim) and could never be revoked by signing out (decision 0007).
  if (typeof session.user.sessionVersion !== 'number') return null
  return loadActor(session.user.id, session.user.sessionVersion)
})

/** For server functions and API routes: refuses with 401 when nobody is signed in. */
export async function requireActor(): Promise<Actor> {
  const authorization = (await headers()).get('authorization')
  if (authorization?.startsWith('Bearer ')) {
    // The request's own clock: a token is checked against its expiry on every request.
    const { actor, refusal } = await actorForBearer(authorization, new Date())
    if (!actor) throw new AppError('UNAUTHENTICATED', refusal ?? 'Sign in to continue')
    return actor
  }
  const actor = await currentActor()
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  return actor
}

/** For pages and layouts: redirects to the sign-in page, coming back to this page afterwards. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) {
    const path = (await headers()).get('x-pathname') ?? '/'
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`)
  }
  return actor
}
