import 'server-only'
import { prisma, type Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { supportIdWhere } from '@/server/access/scope'
import { AppError, notFound, parseInput } from '@/server/errors'
import { notify } from '@/server/notifications/notify'
import type { GrantStatus } from '@/generated/prisma/enums'
import { ZDecidePartnerGrantInput } from '@/lib/partners/schemas'
import { safeId } from '@/server/admin/safe-id'

type Decision = 'approve' | 'decline' | 'revoke'
const TRANSITIONS: Record<Decision, { from: GrantStatus; to: GrantStatus; refused: (status: GrantStatus) => string }> = {
  approve: { from: 'PENDING', to: 'APPROVED', refused: (s) => `This request is not pending: it is ${s.toLowerCase()}` },
  decline: { from: 'PENDING', to: 'DECLINED', refused: (s) => `This request is not pending: it is ${s.toLowerCase()}` },
  revoke: { from: 'APPROVED', to: 'REVOKED', refused: (s) => `Only approved access can be revoked: this one is ${s.toLowerCase()}` },
}

/**
 * A partner grant the actor may decide on: any License or Case Administrator of its Support ID.
 * A grant on a Support ID the actor does not administer is not found (404), except to the partner
 * who asked for it and to vendor staff, who may see it but not decide (403). A request for a code
 * no Support ID has is nobody's to decide: not found for customers, and for the partner the same
 * refusal as a real one, naming the code it typed (decision 0018).
 */
async function findDecidableGrant(tx: Tx, actor: Actor, grantId: string) {
  const grant = await tx.partnerGrant.findUnique({
    where: { id: grantId },
    select: {
      id: true,
      status: true,
      partnerOrgId: true,
      supportIdId: true,
      requestedCode: true,
      partnerOrg: { select: { name: true } },
      supportId: { select: { code: true } },
    },
  })
  if (!grant) throw notFound('That access request')
  if (actor.orgKind === 'CUSTOMER') {
    const { supportId } = grant
    if (!supportId || !grant.supportIdId) throw notFound('That access request')
    const administers = await tx.supportId.count({ where: { AND: [{ id: grant.supportIdId }, supportIdWhere(actor)] } })
    if (!administers) throw notFound('That access request')
    return { ...grant, supportId }
  }
  if (actor.orgKind === 'VENDOR' || grant.partnerOrgId === actor.organisationId) {
    throw new AppError('FORBIDDEN', `Only a License or Case Administrator of ${grant.requestedCode} may decide on partner access`)
  }
  throw notFound('That access request')
}

async function decide({ actor, input, now }: { actor: Actor; input: unknown; now: Date }, decision: Decision) {
  const grantId = safeId(parseInput(ZDecidePartnerGrantInput, input).grantId, 'That access request')
  const t = TRANSITIONS[decision]
  return prisma.$transaction(async (tx) => {
    const grant = await findDecidableGrant(tx, actor, grantId)
    if (grant.status !== t.from) throw new AppError('CONFLICT', t.refused(grant.status))
    // Guarded on the status read above: two administrators deciding at once cannot both win.
    const updated = await tx.partnerGrant.updateMany({ where: { id: grant.id, status: t.from }, data: { status: t.to, decidedById: actor.id, decidedAt: now } })
    if (updated.count === 0) throw new AppError('CONFLICT', 'Someone else decided on this request just now: reload the page')
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        at: now,
        action: `partner-grant.${t.to.toLowerCase()}`,
        entityType: 'PartnerGrant',
        entityId: grant.id,
        data: { supportIdCode: grant.supportId.code, partnerOrg: grant.partnerOrg.name, from: t.from, to: t.to },
      },
    })
    await notify(tx, { kind: 'partner-decision', grantId: grant.id }, now)
    return { id: grant.id, supportIdCode: grant.supportId.code, partner: grant.partnerOrg.name, status: t.to, decidedAt: now }
  })
}

/** Approve a pending request: the partner may open cases on the Support ID from its next request on. */
export const approvePartnerGrant = (args: { actor: Actor; input: unknown; now: Date }) => decide(args, 'approve')
/** Decline a pending request. */
export const declinePartnerGrant = (args: { actor: Actor; input: unknown; now: Date }) => decide(args, 'decline')
/** Revoke approved access: refused from the partner's very next request (grants are read on every request, never cached). */
export const revokePartnerGrant = (args: { actor: Actor; input: unknown; now: Date }) => decide(args, 'revoke')
