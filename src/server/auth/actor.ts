import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getServerSession } from 'next-auth'
import { prisma } from '@/server/db/client'
import { AppError } from '@/server/errors'
import type { OrgKind, VendorRole } from '@/generated/prisma/enums'
import { authOptions } from './options'
import { hashToken } from './token-hash'

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
export const hasVendorRole = (actor: Actor, ...roles: VendorRole[]) =>
  isVendor(actor) && roles.some((r) => actor.vendorRoles.includes(r))

export async function loadActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { organisation: { select: { name: true, kind: true } } },
  })
  if (!user || user.disabledAt) return null
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null
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

async function actorFromBearer(authorization: string): Promise<Actor | null> {
  const secret = authorization.slice('Bearer '.length).trim()
  if (!secret) return null
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(secret) } })
  if (!token || token.revokedAt) return null
  await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } })
  return loadActor(token.userId)
}

/** The signed-in actor from a bearer token or the session cookie; null when there is none. */
export async function currentActor(): Promise<Actor | null> {
  const authorization = (await headers()).get('authorization')
  if (authorization?.startsWith('Bearer ')) return actorFromBearer(authorization)
  const session = await getServerSession(authOptions)
  if (!session?.user?.id) return null
  return loadActor(session.user.id, session.user.sessionVersion)
}

/** For server functions and API routes: refuses with 401 when nobody is signed in. */
export async function requireActor(): Promise<Actor> {
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
