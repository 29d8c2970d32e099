import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { responseStatus } from '@/lib/response-status'

/** Open cases, what needs action first: pending response deadlines soonest first (breached ones
 * are the earliest), then the rest. */
export async function findQueue({ actor, now, take = 50 }: { actor: Actor; now: Date; take?: number }) {
  requireVendor(actor)
  const rows = await prisma.case.findMany({
    where: { status: { in: ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'] } },
    orderBy: [{ responseDueAt: { sort: 'asc', nulls: 'last' } }, { openedAt: 'asc' }],
    take,
    select: {
      number: true, title: true, severity: true, status: true, tier: true, regionCode: true, preferredLanguage: true,
      targetKind: true, targetDueAt: true, firstResponseAt: true,
      organisation: { select: { name: true } },
      assignee: { select: { name: true } },
    },
  })
  return rows.map((c) => ({ ...c, responseStatus: responseStatus(c, now) }))
}
