import 'server-only'
import type { prisma, Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { CASE_ROLES, LICENSE_ADMIN_ROLES, supportIdWhere } from '@/server/access/scope'
import { AppError, notFound } from '@/server/errors'
import type { CustomerRole } from '@/generated/prisma/enums'

export type AdministeredSupportId = { id: string; code: string; organisationId: string; myRoles: CustomerRole[]; isLicenseAdmin: boolean }

/**
 * A Support ID the actor administers, by code. Customer administration is the customer's own:
 * a Support ID of another organisation, or one the actor holds no role on, is not found (404);
 * vendor staff and partners who can reach it are refused (403); `need: 'license'` also refuses a
 * Case Administrator (403) for what only a License Administrator may do.
 */
export async function findAdministeredSupportId(
  db: Tx | typeof prisma,
  actor: Actor,
  code: string,
  need: 'case' | 'license',
  doing: string,
): Promise<AdministeredSupportId> {
  if (actor.orgKind !== 'CUSTOMER') {
    const reachable = await db.supportId.count({ where: { AND: [{ code }, supportIdWhere(actor)] } })
    if (!reachable) throw notFound(`Support ID ${code}`)
    throw new AppError(
      'FORBIDDEN',
      actor.orgKind === 'VENDOR'
        ? `Only the customer's administrators may ${doing}`
        : `A support partner may open and manage cases on ${code}, but only the customer's administrators may ${doing}`,
    )
  }
  const s = await db.supportId.findFirst({
    where: { code, organisationId: actor.organisationId },
    select: { id: true, code: true, organisationId: true, roles: { where: { userId: actor.id, role: { in: CASE_ROLES } }, select: { role: true } } },
  })
  if (!s || s.roles.length === 0) throw notFound(`Support ID ${code}`)
  const myRoles = s.roles.map((r) => r.role)
  const isLicenseAdmin = myRoles.some((r) => LICENSE_ADMIN_ROLES.includes(r))
  if (need === 'license' && !isLicenseAdmin) throw new AppError('FORBIDDEN', `Only a License Administrator of ${code} may ${doing}`)
  return { id: s.id, code: s.code, organisationId: s.organisationId, myRoles, isLicenseAdmin }
}
