import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { AppError, parseInput } from '@/server/errors'
import { notify } from '@/server/notifications/notify'
import { ZRequestPartnerAccessInput } from './schemas'

/**
 * A partner user asks for access to a customer's Support ID by its code. The request is pending
 * until a License or Case Administrator of that Support ID decides; a declined or revoked partner
 * may ask again. The administrators are told by e-mail.
 */
export async function requestPartnerAccess({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const { supportIdCode, note } = parseInput(ZRequestPartnerAccessInput, input)
  if (actor.orgKind !== 'PARTNER') {
    throw new AppError('FORBIDDEN', 'Only users of a support partner organisation may request access to a customer\'s Support ID')
  }
  return prisma.$transaction(async (tx) => {
    const s = await tx.supportId.findFirst({ where: { code: { equals: supportIdCode, mode: 'insensitive' } }, select: { id: true, code: true } })
    if (!s) throw new AppError('NOT_FOUND', `Support ID ${supportIdCode} was not found: check the code with the customer`)
    const existing = await tx.partnerGrant.findUnique({
      where: { partnerOrgId_supportIdId: { partnerOrgId: actor.organisationId, supportIdId: s.id } },
      select: { id: true, status: true },
    })
    if (existing?.status === 'PENDING') throw new AppError('CONFLICT', `Your organisation's request for ${s.code} is already pending`)
    if (existing?.status === 'APPROVED') throw new AppError('CONFLICT', `Your organisation already has access to ${s.code}`)
    const fields = { status: 'PENDING' as const, requestedById: actor.id, requestedAt: now, decidedById: null, decidedAt: null, note: note ?? null }
    const grant = existing
      ? await tx.partnerGrant.update({ where: { id: existing.id }, data: fields, select: { id: true, status: true, requestedAt: true } })
      : await tx.partnerGrant.create({ data: { ...fields, partnerOrgId: actor.organisationId, supportIdId: s.id }, select: { id: true, status: true, requestedAt: true } })
    await tx.auditEntry.create({
      data: {
        actorId: actor.id, at: now, action: 'partner-grant.requested', entityType: 'PartnerGrant', entityId: grant.id,
        data: { supportIdCode: s.code, partnerOrgId: actor.organisationId, previousStatus: existing?.status ?? null, note: note ?? null },
      },
    })
    await notify(tx, { kind: 'partner-request', grantId: grant.id }, now)
    return { id: grant.id, supportIdCode: s.code, status: grant.status, requestedAt: grant.requestedAt }
  })
}
