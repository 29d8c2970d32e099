import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { AppError, parseInput } from '@/server/errors'
import { conflictOnDuplicate } from '@/server/admin/write-helpers'
import { ZRequestPartnerAccessInput } from '@/lib/partners/schemas'

/**
 * A partner user asks for access to a customer's Support ID by its code. The request is pending
 * until a License or Case Administrator of that Support ID decides; a declined or revoked partner
 * may ask again. The administrators are told by e-mail and in the portal (by the background
 * worker: announce-requests.ts).
 *
 * The answer never tells whether a Support ID has the code (issue 10, decision 0018): every
 * request is recorded under the code as typed (trimmed, upper-cased) with the Support ID it names,
 * or none. The partner gets the same status, body and message either way, sees the same row in its
 * list, and the request does the same database work (one look-up of the code, one of the request,
 * one write, one audit entry; telling the administrators is left to the worker). A request for a
 * code no Support ID has stays pending for ever and reaches no one.
 */
export async function requestPartnerAccess({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const { supportIdCode, note } = parseInput(ZRequestPartnerAccessInput, input)
  if (actor.orgKind !== 'PARTNER') {
    throw new AppError('FORBIDDEN', "Only users of a support partner organisation may request access to a customer's Support ID")
  }
  const code = supportIdCode.toUpperCase()
  const pendingMessage = `Your organisation's request for ${code} is already pending`
  return prisma.$transaction(async (tx) => {
    // Two probes of the unique index on the code, whatever it is: Support ID codes are issued in
    // capitals (AC-PROD-1002), and one stored otherwise is found when typed exactly. Never a
    // case-insensitive match: that is a scan, stopping early at a real code and not at an unknown one.
    const s = await tx.supportId.findFirst({ where: { code: { in: [code, supportIdCode] } }, orderBy: { code: 'asc' }, select: { id: true } })
    const existing = await tx.partnerGrant.findUnique({
      where: { partnerOrgId_requestedCode: { partnerOrgId: actor.organisationId, requestedCode: code } },
      select: { id: true, status: true },
    })
    if (existing?.status === 'PENDING') throw new AppError('CONFLICT', pendingMessage)
    // Only a real Support ID's administrators can approve: the partner already knows this one exists.
    if (existing?.status === 'APPROVED') throw new AppError('CONFLICT', `Your organisation already has access to ${code}`)
    const fields = {
      status: 'PENDING' as const,
      requestedById: actor.id,
      requestedAt: now,
      decidedById: null,
      decidedAt: null,
      note: note ?? null,
      announcePending: true,
    }
    const select = { id: true, status: true, requestedAt: true } as const
    const grant = existing
      ? await tx.partnerGrant.update({ where: { id: existing.id }, data: fields, select })
      : await tx.partnerGrant
          .create({ data: { ...fields, partnerOrgId: actor.organisationId, requestedCode: code, supportIdId: s?.id ?? null }, select })
          .catch(conflictOnDuplicate(pendingMessage))
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        at: now,
        action: 'partner-grant.requested',
        entityType: 'PartnerGrant',
        entityId: grant.id,
        data: {
          supportIdCode: code,
          supportIdId: s?.id ?? null,
          partnerOrgId: actor.organisationId,
          previousStatus: existing?.status ?? null,
          note: note ?? null,
        },
      },
    })
    return { id: grant.id, supportIdCode: code, status: grant.status, requestedAt: grant.requestedAt }
  })
}
