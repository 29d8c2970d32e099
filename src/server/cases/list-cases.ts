import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { caseWhere } from '@/server/access/scope'
import { responseStatus } from '@/lib/response-status'

/** The cases the actor may see, newest first. */
export async function listCases({ actor, now, take = 50 }: { actor: Actor; now: Date; take?: number }) {
  const rows = await prisma.case.findMany({
    where: caseWhere(actor),
    orderBy: { openedAt: 'desc' },
    take,
    select: {
      number: true, title: true, severity: true, status: true, tier: true, openedAt: true,
      targetKind: true, targetDueAt: true, firstResponseAt: true,
      supportId: { select: { code: true } },
    },
  })
  return rows.map((c) => ({ ...c, supportId: c.supportId.code, responseStatus: responseStatus(c, now) }))
}
