import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { CustomerRole } from '@/generated/prisma/enums'
import { isVendor, type Actor } from '@/server/auth/actor'

// The one reviewed place that says which rows an actor may reach. Whatever these filters do not
// match is "not found" to that actor (404, never 403), so ids cannot be probed.

export const CASE_ROLES: CustomerRole[] = ['LICENSE_ADMIN_PRIMARY', 'LICENSE_ADMIN_SECONDARY', 'CASE_ADMIN']
export const LICENSE_ADMIN_ROLES: CustomerRole[] = ['LICENSE_ADMIN_PRIMARY', 'LICENSE_ADMIN_SECONDARY']

/** Support IDs the actor may act for: its own roles, or an approved grant to its partner org. */
export function supportIdWhere(actor: Actor): Prisma.SupportIdWhereInput {
  if (isVendor(actor)) return {}
  if (actor.orgKind === 'PARTNER') {
    return { partnerGrants: { some: { partnerOrgId: actor.organisationId, status: 'APPROVED' } } }
  }
  return { organisationId: actor.organisationId, roles: { some: { userId: actor.id, role: { in: CASE_ROLES } } } }
}

/** Cases the actor may see: every case on the Support IDs it acts for; vendor staff see all. */
export function caseWhere(actor: Actor): Prisma.CaseWhereInput {
  return isVendor(actor) ? {} : { supportId: supportIdWhere(actor) }
}
