import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { supportIdWhere } from '@/server/access/scope'
import { calendarsForSupportIds } from './calendar'

export type SupportIdStatus = 'ACTIVE' | 'EXPIRED'

/** Maintenance ends at the end of its last day: expired once that date is past in UTC. */
export function supportIdStatus(maintenanceEnd: Date, now: Date): SupportIdStatus {
  return maintenanceEnd.getTime() + 86_400_000 <= now.getTime() ? 'EXPIRED' : 'ACTIVE'
}

/**
 * The Support IDs the actor may open cases for, with everything the case form needs: tier,
 * region (languages, phone lines), maintenance status, the calendar the SLA engine uses for
 * them, and the products and versions they cover.
 */
export async function listSupportIdsForCases({ actor, now }: { actor: Actor; now: Date }) {
  const rows = await prisma.supportId.findMany({
    where: supportIdWhere(actor),
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      tier: true,
      maintenanceStart: true,
      maintenanceEnd: true,
      siteTimeZone: true,
      organisation: { select: { name: true } },
      region: {
        select: { code: true, name: true, languages: true, phoneLines: { select: { country: true, number: true, hours: true }, orderBy: { country: 'asc' } } },
      },
      products: {
        select: { product: { select: { id: true, name: true, versions: { select: { id: true, name: true, phase: true }, orderBy: { name: 'desc' } } } } },
        orderBy: { product: { name: 'asc' } },
      },
    },
  })
  const calendars = await calendarsForSupportIds(
    prisma,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    code: r.code,
    organisation: r.organisation.name,
    tier: r.tier,
    region: { code: r.region.code, name: r.region.name, languages: r.region.languages },
    phoneLines: r.region.phoneLines,
    status: supportIdStatus(r.maintenanceEnd, now),
    maintenanceStart: r.maintenanceStart.toISOString().slice(0, 10),
    maintenanceEnd: r.maintenanceEnd.toISOString().slice(0, 10),
    calendar: calendars.get(r.id)!,
    // A product with no version yet cannot be chosen for a case.
    products: r.products.map((p) => p.product).filter((p) => p.versions.length > 0),
  }))
}

export type SupportIdForCases = Awaited<ReturnType<typeof listSupportIdsForCases>>[number]

/**
 * Why a signed-in user may not open cases, and who in their organisation can help: for the
 * customer user without case rights and the partner whose request is not approved.
 */
export async function explainCaseRights({ actor }: { actor: Actor }) {
  if (actor.orgKind === 'VENDOR') return { kind: 'vendor' as const }
  if (actor.orgKind === 'PARTNER') {
    const grants = await prisma.partnerGrant.findMany({
      where: { partnerOrgId: actor.organisationId, status: { in: ['PENDING', 'DECLINED', 'REVOKED'] } },
      select: { status: true, requestedCode: true },
      orderBy: { requestedAt: 'desc' },
    })
    // The code as typed and the status only: the customer's name is shown once approved, as on
    // /partner (a pending request must not tell whose a code is, or whether it is anyone's: decision 0018).
    return { kind: 'partner' as const, grants: grants.map((g) => ({ status: g.status, supportId: g.requestedCode })) }
  }
  const admins = await prisma.user.findMany({
    where: {
      organisationId: actor.organisationId,
      disabledAt: null,
      roles: { some: { role: { in: ['LICENSE_ADMIN_PRIMARY', 'LICENSE_ADMIN_SECONDARY'] } } },
    },
    select: { name: true, email: true },
    orderBy: { name: 'asc' },
  })
  return { kind: 'customer' as const, licenseAdministrators: admins }
}
