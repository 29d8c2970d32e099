import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { supportIdWhere } from '@/server/access/scope'
import { AppError } from '@/server/errors'

/**
 * Partner access requests the actor may see. A partner sees its organisation's requests: the code
 * it typed and the status; the customer's name and tier only once approved (before that the partner
 * is owed nothing about the customer, not even whether a Support ID has the code: decision 0018). A customer administrator sees the requests on the Support IDs
 * they administer. Vendor staff have no use for this list.
 */
export async function listPartnerGrants({ actor }: { actor: Actor }) {
  if (actor.orgKind === 'VENDOR') throw new AppError('NOT_FOUND', 'Partner access requests are listed for partners and customer administrators')
  const where = actor.orgKind === 'PARTNER' ? { partnerOrgId: actor.organisationId } : { supportId: supportIdWhere(actor) }
  const rows = await prisma.partnerGrant.findMany({
    where,
    orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      status: true,
      requestedAt: true,
      decidedAt: true,
      note: true,
      requestedCode: true,
      partnerOrg: { select: { name: true } },
      requestedBy: { select: { name: true, email: true } },
      supportId: { select: { code: true, tier: true, organisation: { select: { name: true } } } },
    },
  })
  return rows.map((g) => {
    const shown = g.supportId && (actor.orgKind === 'CUSTOMER' || g.status === 'APPROVED') ? g.supportId : null
    return {
      id: g.id,
      supportIdCode: shown?.code ?? g.requestedCode,
      status: g.status,
      requestedAt: g.requestedAt,
      decidedAt: g.decidedAt,
      note: g.note,
      requestedBy: g.requestedBy,
      partner: g.partnerOrg.name,
      customer: shown?.organisation.name ?? null,
      tier: shown?.tier ?? null,
    }
  })
}
