import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { CASE_ROLES, LICENSE_ADMIN_ROLES } from '@/server/access/scope'
import { AppError } from '@/server/errors'
import { supportIdStatus } from '@/server/support-ids/list-for-cases'
import type { CustomerRole } from '@/generated/prisma/enums'

/**
 * The organisation page of a customer administrator: each Support ID they hold a role on, with
 * tier, region, maintenance dates, who holds which role, pending invitations and partners.
 * Policy: a Case Administrator cannot see other Case Administrators — on a Support ID where the
 * actor is only a Case Administrator, the role list shows the License Administrators and
 * themselves; invitations are shown to License Administrators only.
 */
export async function getOrganisation({ actor, now }: { actor: Actor; now: Date }) {
  if (actor.orgKind !== 'CUSTOMER') throw new AppError('NOT_FOUND', 'The organisation page is for customer administrators')
  const rows = await prisma.supportId.findMany({
    where: { organisationId: actor.organisationId, roles: { some: { userId: actor.id, role: { in: CASE_ROLES } } } },
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      tier: true,
      siteTimeZone: true,
      maintenanceStart: true,
      maintenanceEnd: true,
      region: { select: { code: true, name: true } },
      roles: {
        where: { role: { in: CASE_ROLES }, user: { organisationId: actor.organisationId } },
        orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
        select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, disabledAt: true } } },
      },
      invitations: {
        where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: 'desc' },
        select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
      },
      partnerGrants: {
        orderBy: [{ requestedAt: 'desc' }],
        select: {
          id: true,
          status: true,
          requestedAt: true,
          decidedAt: true,
          note: true,
          partnerOrg: { select: { name: true } },
          requestedBy: { select: { name: true, email: true } },
          decidedBy: { select: { name: true } },
        },
      },
    },
  })
  return {
    organisation: { id: actor.organisationId, name: actor.organisationName },
    supportIds: rows.map((s) => {
      const myRoles = s.roles.filter((r) => r.user.id === actor.id).map((r) => r.role)
      const isLicenseAdmin = myRoles.some((r) => LICENSE_ADMIN_ROLES.includes(r))
      const visibleRoles = isLicenseAdmin ? s.roles : s.roles.filter((r) => r.role !== 'CASE_ADMIN' || r.user.id === actor.id)
      return {
        code: s.code,
        tier: s.tier,
        region: s.region,
        siteTimeZone: s.siteTimeZone,
        maintenanceStart: s.maintenanceStart,
        maintenanceEnd: s.maintenanceEnd,
        status: supportIdStatus(s.maintenanceEnd, now),
        myRoles,
        canManageCaseAdmins: isLicenseAdmin,
        canDecidePartners: myRoles.length > 0,
        roles: visibleRoles.map((r) => ({
          userId: r.user.id,
          name: r.user.name,
          email: r.user.email,
          role: r.role as CustomerRole,
          since: r.createdAt,
          disabled: Boolean(r.user.disabledAt),
          isMe: r.user.id === actor.id,
        })),
        invitations: isLicenseAdmin
          ? s.invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, sentAt: i.createdAt, expiresAt: i.expiresAt, invitedBy: i.invitedBy.name }))
          : [],
        partners: s.partnerGrants.map((g) => ({
          id: g.id,
          partner: g.partnerOrg.name,
          status: g.status,
          note: g.note,
          requestedBy: g.requestedBy,
          requestedAt: g.requestedAt,
          decidedBy: g.decidedBy?.name ?? null,
          decidedAt: g.decidedAt,
        })),
      }
    }),
  }
}
