import 'server-only'
import { randomBytes } from 'node:crypto'
import { prisma, type Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { hashToken } from '@/server/auth/token-hash'
import { hashPassword } from '@/server/auth/password'
import { AppError, notFound, parseInput } from '@/server/errors'
import { notify } from '@/server/notifications/notify'
import { appUrl } from '@/server/notifications/app-url'
import { findAdministeredSupportId } from './administered-support-id'
import { safeId } from '@/server/admin/safe-id'
import { conflictOnDuplicate } from '@/server/admin/write-helpers'
import { ZAcceptInvitationInput, ZInvitationToken, ZInviteCaseAdminInput, ZRegisterFromInvitationInput } from '@/lib/organisation/schemas'

export const INVITATION_DAYS = 7

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired'

const stateOf = (inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState =>
  inv.acceptedAt ? 'accepted' : inv.revokedAt ? 'revoked' : inv.expiresAt <= now ? 'expired' : 'pending'

/**
 * A License Administrator invites someone by e-mail to be a Case Administrator of one Support ID.
 * The role is granted when the invitee accepts through the link (registering first if they have no
 * account). The secret link is sent once, by e-mail; only its hash is stored.
 */
export async function inviteCaseAdmin({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const { supportIdCode, email } = parseInput(ZInviteCaseAdminInput, input)
  const token = randomBytes(32).toString('base64url')
  return prisma.$transaction(async (tx) => {
    const s = await findAdministeredSupportId(tx, actor, supportIdCode, 'license', 'assign Case Administrators')
    // An account of another organisation is answered exactly like an address without an account
    // (the invitation is made and mailed), so the answer does not tell whether the address has an
    // account anywhere (decision 0008). Such an invitee cannot use it: accepting needs an account
    // of this organisation, and registering refuses an address that has an account.
    const found = await tx.user.findUnique({ where: { email }, select: { id: true, organisationId: true, disabledAt: true } })
    const existing = found?.organisationId === s.organisationId ? found : null
    if (existing?.disabledAt) throw new AppError('UNPROCESSABLE', `The account of ${email} is disabled`)
    if (existing) {
      const held = await tx.supportIdRole.count({ where: { userId: existing.id, supportIdId: s.id, role: 'CASE_ADMIN' } })
      if (held) throw new AppError('CONFLICT', `${email} is already a Case Administrator of ${s.code}`)
    }
    const pending = await tx.invitation.findFirst({
      where: { email, supportIdId: s.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    })
    if (pending) throw new AppError('CONFLICT', `An invitation for ${email} to ${s.code} is already pending: revoke it to send a new one`)

    const invitation = await tx.invitation.create({
      data: {
        email,
        supportIdId: s.id,
        role: 'CASE_ADMIN',
        tokenHash: hashToken(token),
        invitedById: actor.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    })
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        at: now,
        action: 'invitation.created',
        entityType: 'Invitation',
        entityId: invitation.id,
        data: { email, supportIdCode: s.code, role: 'CASE_ADMIN' },
      },
    })
    await notify(tx, { kind: 'case-admin-invitation', invitationId: invitation.id, link: appUrl(`/invite/${token}`) }, now)
    return { ...invitation, supportIdCode: s.code }
  })
}

/** A License Administrator withdraws an invitation that was not accepted yet. */
export async function revokeInvitation({ actor, invitationId, now }: { actor: Actor; invitationId: string; now: Date }) {
  safeId(invitationId, 'That invitation')
  await prisma.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { id: invitationId },
      select: { id: true, email: true, acceptedAt: true, revokedAt: true, expiresAt: true, supportId: { select: { code: true } } },
    })
    if (!inv) throw notFound('That invitation')
    // Not visible unless the actor administers its Support ID (404 from here otherwise).
    await findAdministeredSupportId(tx, actor, inv.supportId.code, 'license', 'withdraw invitations').catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('That invitation') : e
    })
    const state = stateOf(inv, now)
    if (state !== 'pending') throw new AppError('CONFLICT', `This invitation is already ${state}`)
    const updated = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } })
    if (updated.count === 0) throw new AppError('CONFLICT', 'This invitation was just accepted or withdrawn')
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        at: now,
        action: 'invitation.revoked',
        entityType: 'Invitation',
        entityId: inv.id,
        data: { email: inv.email, supportIdCode: inv.supportId.code },
      },
    })
  })
}

async function findByToken(db: Tx | typeof prisma, token: string) {
  const parsed = ZInvitationToken.safeParse(token)
  const inv = parsed.success
    ? await db.invitation.findUnique({
        where: { tokenHash: hashToken(parsed.data) },
        select: {
          id: true,
          email: true,
          role: true,
          acceptedAt: true,
          revokedAt: true,
          expiresAt: true,
          supportIdId: true,
          supportId: { select: { code: true, organisationId: true, siteTimeZone: true, organisation: { select: { name: true } } } },
          invitedBy: { select: { name: true } },
        },
      })
    : null
  if (!inv) throw new AppError('NOT_FOUND', 'This invitation link is not valid. Ask your License Administrator for a new one.')
  return inv
}

/** What the invitation page shows to whoever holds the link (the link is the credential). */
export async function getInvitation({ token, now }: { token: string; now: Date }) {
  const inv = await findByToken(prisma, token)
  const account = await prisma.user.findUnique({ where: { email: inv.email }, select: { id: true } })
  return {
    email: inv.email,
    role: inv.role,
    supportIdCode: inv.supportId.code,
    organisation: inv.supportId.organisation.name,
    invitedBy: inv.invitedBy.name,
    expiresAt: inv.expiresAt,
    state: stateOf(inv, now),
    accountExists: Boolean(account),
  }
}

type FoundInvitation = Awaited<ReturnType<typeof findByToken>>

function assertPending(inv: FoundInvitation, now: Date) {
  const state = stateOf(inv, now)
  if (state === 'accepted') throw new AppError('CONFLICT', 'This invitation was already accepted')
  if (state === 'revoked') throw new AppError('CONFLICT', 'This invitation was withdrawn by your License Administrator')
  if (state === 'expired') throw new AppError('UNPROCESSABLE', 'This invitation has expired. Ask your License Administrator for a new one.')
}

/** Marks the invitation used, guarded on its state: of several requests at once, one wins (the row
 * lock makes the others wait, then find it taken) and the rest get a 409. */
async function claimInvitation(tx: Tx, inv: FoundInvitation, now: Date) {
  const claimed = await tx.invitation.updateMany({
    where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  })
  if (claimed.count === 0) throw new AppError('CONFLICT', 'This invitation was just accepted or withdrawn')
}

async function grantFromInvitation(tx: Tx, inv: FoundInvitation, userId: string, now: Date, claimed = false) {
  if (!claimed) await claimInvitation(tx, inv, now)
  const role = await tx.supportIdRole.upsert({
    where: { userId_supportIdId_role: { userId, supportIdId: inv.supportIdId, role: inv.role } },
    update: {},
    create: { userId, supportIdId: inv.supportIdId, role: inv.role, createdAt: now },
    select: { id: true },
  })
  await tx.auditEntry.createMany({
    data: [
      {
        actorId: userId,
        at: now,
        action: 'invitation.accepted',
        entityType: 'Invitation',
        entityId: inv.id,
        data: { email: inv.email, supportIdCode: inv.supportId.code },
      },
      {
        actorId: userId,
        at: now,
        action: 'support-id-role.assigned',
        entityType: 'SupportIdRole',
        entityId: role.id,
        data: { userId, supportIdCode: inv.supportId.code, role: inv.role, invitationId: inv.id },
      },
    ],
  })
}

/** The signed-in invitee accepts: the account's e-mail must be the invited one. */
export async function acceptInvitation({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const { token } = parseInput(ZAcceptInvitationInput, input)
  return prisma.$transaction(async (tx) => {
    const inv = await findByToken(tx, token)
    if (actor.email.toLowerCase() !== inv.email) {
      throw new AppError('FORBIDDEN', `This invitation is for ${inv.email}. Sign out and sign in with that account to accept it.`)
    }
    if (actor.organisationId !== inv.supportId.organisationId) {
      throw new AppError('FORBIDDEN', 'This invitation is for a person of another organisation')
    }
    assertPending(inv, now)
    await grantFromInvitation(tx, inv, actor.id, now)
    return { supportIdCode: inv.supportId.code, role: inv.role }
  })
}

/** An invitee without an account registers through the link: the account is made in the inviting
 * organisation with the invited e-mail, and the role is granted at once. */
export async function registerFromInvitation({ input, now }: { input: unknown; now: Date }) {
  const data = parseInput(ZRegisterFromInvitationInput, input)
  const inv = await findByToken(prisma, data.token)
  assertPending(inv, now)
  const passwordHash = await hashPassword(data.password)
  const accountExists = () => new AppError('CONFLICT', `An account for ${inv.email} already exists: sign in to accept the invitation`)
  return prisma.$transaction(async (tx) => {
    // Claim the invitation first: parallel registrations on one link queue on its row and all but
    // the first are refused (409) before they try to create the same account.
    await claimInvitation(tx, inv, now)
    const exists = await tx.user.count({ where: { email: inv.email } })
    if (exists) throw accountExists()
    const user = await tx.user
      .create({
        data: {
          email: inv.email,
          name: data.name,
          passwordHash,
          organisationId: inv.supportId.organisationId,
          timeZone: inv.supportId.siteTimeZone,
          createdAt: now,
        },
        select: { id: true, email: true },
      })
      .catch(conflictOnDuplicate(accountExists().message))
    await tx.auditEntry.create({
      data: { actorId: user.id, at: now, action: 'user.registered', entityType: 'User', entityId: user.id, data: { email: user.email, invitationId: inv.id } },
    })
    await grantFromInvitation(tx, inv, user.id, now, true)
    return { email: user.email, supportIdCode: inv.supportId.code }
  })
}
