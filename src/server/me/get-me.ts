import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { supportIdWhere } from '@/server/access/scope'

export async function getMe({ actor }: { actor: Actor }) {
  const [roles, grants] = await Promise.all([
    prisma.supportIdRole.findMany({
      where: { userId: actor.id },
      select: { role: true, supportId: { select: { code: true } } },
      orderBy: [{ supportId: { code: 'asc' } }, { role: 'asc' }],
    }),
    actor.orgKind === 'PARTNER'
      ? prisma.supportId.findMany({ where: supportIdWhere(actor), select: { code: true }, orderBy: { code: 'asc' } })
      : Promise.resolve([]),
  ])
  return {
    user: { id: actor.id, email: actor.email, name: actor.name, timeZone: actor.timeZone, locale: actor.locale },
    organisation: { id: actor.organisationId, name: actor.organisationName, kind: actor.orgKind },
    roles: {
      vendor: actor.vendorRoles,
      supportIds: roles.map((r) => ({ supportId: r.supportId.code, role: r.role })),
      partnerSupportIds: grants.map((g) => g.code),
    },
  }
}
