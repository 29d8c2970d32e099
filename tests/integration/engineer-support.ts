// Cases for the vendor-side tests (queue, engineer, escalations, reports), made directly at fixed
// instants with the same target computation the case flow uses.
import { prisma } from '@/server/db/client'
import { computeCaseTarget } from '@/server/cases/case-target'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import type { Severity } from '@/lib/sla'
import type { World } from '../support/world'

type SupportKey = keyof World['supportIds']

export async function makeCase(
  world: World,
  o: {
    supportId?: SupportKey
    severity?: Severity
    openedAt: Date
    status?: 'NEW' | 'IN_PROGRESS' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED'
    firstResponseAt?: Date | null
    assigneeId?: string | null
    title?: string
    preferredLanguage?: string
    productVersionId?: string | null
    category?: 'TECHNICAL' | 'LICENSING' | 'FEEDBACK'
  },
) {
  const s = world.supportIds[o.supportId ?? 'basic']
  const severity = o.severity ?? 3
  const category = o.category ?? 'TECHNICAL'
  const calendar = await calendarForSupportId(prisma, s.id)
  const target = computeCaseTarget({ tier: s.tier, severity, category, openedAt: o.openedAt, calendar })
  const firstResponseAt = o.firstResponseAt ?? null
  const c = await prisma.case.create({
    data: {
      supportIdId: s.id,
      organisationId: s.organisationId,
      tier: s.tier,
      regionCode: s.regionCode,
      category,
      severity,
      status: o.status ?? (firstResponseAt ? 'IN_PROGRESS' : 'NEW'),
      title: o.title ?? `Case ${world.tag}`,
      description: 'A problem to work on.',
      preferredLanguage: o.preferredLanguage ?? 'English',
      productVersionId: o.productVersionId === undefined ? world.version('CURRENT').id : o.productVersionId,
      openedById: world.users.caseadmin.id,
      openedAt: o.openedAt,
      ...target,
      firstResponseAt,
      responseDueAt: firstResponseAt ? null : target.targetDueAt,
      assigneeId: o.assigneeId ?? null,
      lastCustomerActivityAt: o.openedAt,
    },
    select: { id: true, number: true, version: true, targetDueAt: true, openedAt: true },
  })
  await prisma.caseEvent.create({ data: { caseId: c.id, actorId: world.users.caseadmin.id, at: o.openedAt, type: 'case.opened' } })
  return c
}

export const at = (iso: string) => new Date(iso)
