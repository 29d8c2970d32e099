import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { caseWhere } from '@/server/access/scope'
import { parseInput } from '@/server/errors'
import { ZCaseListQuery } from '@/lib/cases/schemas'
import { slaState } from '@/lib/sla-state'
import { calendarsForSupportIds } from '@/server/support-ids/calendar'
import { toResponseTarget } from '@/lib/sla-state'
import { OPEN_STATUSES } from '@/lib/cases/status'

/**
 * "My cases": every case on the Support IDs the actor acts for, newest first, with where each
 * stands against its response target. Filters by status, severity, Support ID; `q` finds a case
 * by its number or by words of its title and description. Numbered pages of at most 100 with the
 * total that matches (decision 0016): a page past the last one is empty, with the same total.
 */
export async function listCases({ actor, input, now }: { actor: Actor; input?: unknown; now: Date }) {
  const query = parseInput(ZCaseListQuery, input ?? {})
  const filters: Prisma.CaseWhereInput[] = [caseWhere(actor)]
  if (query.status === 'OPEN') filters.push({ status: { in: [...OPEN_STATUSES] } })
  else if (query.status) filters.push({ status: query.status })
  if (query.severity) filters.push({ severity: query.severity })
  if (query.supportId) filters.push({ supportId: { code: query.supportId } })
  if (query.q) {
    const asNumber = /^#?\d{1,9}$/.test(query.q) ? Number(query.q.replace('#', '')) : null
    const words = query.q.split(/\s+/).filter(Boolean).slice(0, 8)
    filters.push({
      OR: [
        ...(asNumber !== null ? [{ number: asNumber }] : []),
        {
          AND: words.map((w) => ({
            OR: [{ title: { contains: w, mode: 'insensitive' as const } }, { description: { contains: w, mode: 'insensitive' as const } }],
          })),
        },
      ],
    })
  }
  const where = { AND: filters }
  const { page, pageSize } = query
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      // number is unique: the order is total, so pages neither repeat nor skip a case.
      orderBy: [{ openedAt: 'desc' }, { number: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        number: true,
        title: true,
        severity: true,
        status: true,
        tier: true,
        category: true,
        openedAt: true,
        supportIdId: true,
        targetKind: true,
        targetDueAt: true,
        targetMinutes: true,
        targetClock: true,
        firstResponseAt: true,
        supportId: { select: { code: true } },
      },
    }),
  ])
  const calendars = await calendarsForSupportIds(
    prisma,
    rows.map((r) => r.supportIdId),
  )
  const cases = rows.map((c) => {
    const sla = slaState({ ...c, calendar: calendars.get(c.supportIdId)! }, now)
    return {
      number: c.number,
      title: c.title,
      severity: c.severity,
      status: c.status,
      tier: c.tier,
      category: c.category,
      supportId: c.supportId.code,
      openedAt: c.openedAt,
      responseTarget: toResponseTarget(c),
      responseStatus: sla.status,
      sla,
    }
  })
  return { cases, total, page, pageSize, pages: Math.ceil(total / pageSize) }
}
export type CaseListPage = Awaited<ReturnType<typeof listCases>>
