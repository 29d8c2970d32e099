import 'server-only'
import type { Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { CASE_ROLES, supportIdWhere } from '@/server/access/scope'
import type { MailRecipient } from './templates'

/** Who the notifications reach: the customer side of a case, a Support ID's administrators, vendor staff. */
export type Recipient = MailRecipient & {
  id: string
  organisationId: string
  disabledAt: Date | null
  organisation: { kind: 'CUSTOMER' | 'PARTNER' | 'VENDOR' }
}

export const USER = {
  id: true,
  email: true,
  name: true,
  timeZone: true,
  organisationId: true,
  disabledAt: true,
  organisation: { select: { kind: true } },
} as const

/** How a person is named to others: vendor staff as "name (Support)". */
export async function personName(tx: Tx, userId: string): Promise<string> {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { name: true, organisation: { select: { kind: true, name: true } } } })
  if (!u) return 'Someone'
  return u.organisation.kind === 'VENDOR' ? `${u.name} (Support)` : u.organisation.kind === 'PARTNER' ? `${u.name} (${u.organisation.name})` : u.name
}

/** The customer side of a case: the Support ID's License and Case Administrators, and the opener
 * while they may still see the case (a removed Case Administrator or a revoked partner hears nothing more). */
export async function caseAudience(tx: Tx, c: { supportIdId: string; organisationId: string; openedBy: Recipient }): Promise<Recipient[]> {
  const opener = c.openedBy
  const everyAdmin = await supportIdAdmins(tx, c.supportIdId, c.organisationId)
  // Administrators may opt out of cases someone else opened (profile page, decision 0012).
  const optedOut = new Set(
    (await tx.notificationSettings.findMany({ where: { userId: { in: everyAdmin.map((a) => a.id) }, othersCases: false }, select: { userId: true } })).map(
      (s) => s.userId,
    ),
  )
  const admins = everyAdmin.filter((a) => a.id === opener.id || !optedOut.has(a.id))
  if (opener.disabledAt) return admins
  const reach: Pick<Actor, 'id' | 'organisationId' | 'orgKind'> = { id: opener.id, organisationId: opener.organisationId, orgKind: opener.organisation.kind }
  if (reach.orgKind === 'VENDOR') return admins
  // NOTE: supportIdWhere reads only id, organisationId and orgKind: the opener's reach, as if they asked now.
  const stillReaches = await tx.supportId.count({ where: { AND: [{ id: c.supportIdId }, supportIdWhere(reach as Actor)] } })
  return stillReaches ? [{ ...opener }, ...admins] : admins
}

/** License and Case Administrators of a Support ID (active accounts of the owning organisation). */
export async function supportIdAdmins(tx: Tx, supportIdId: string, organisationId: string): Promise<Recipient[]> {
  const roles = await tx.supportIdRole.findMany({
    where: { supportIdId, role: { in: CASE_ROLES }, user: { disabledAt: null, organisationId } },
    select: { user: { select: USER } },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
  })
  return roles.map((r) => r.user)
}

export async function vendorUsers(tx: Tx, role: 'MANAGER' | 'ENGINEER'): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { vendorRoles: { has: role }, disabledAt: null, organisation: { kind: 'VENDOR' } },
    select: USER,
    orderBy: { email: 'asc' },
  })
}
