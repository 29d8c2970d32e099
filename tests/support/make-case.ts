// Case rows made directly, for tests that need a case in a given state rather than the case-opening
// flow itself. Two factories, one for each kind of test:
// - makeCase: at a fixed instant, with the response target the case flow would compute for it
//   (the SLA engine on the Support ID's calendar) and its opening event: the vendor-side tests.
// - makeCaseWithDeadline: with a deadline pinned by the test (dueAt / dueInMinutes), for the mail,
//   scheduler and upload tests that need "due in 20 minutes" whatever the calendar says.
import { prisma } from '@/server/db/client'
import { computeCaseTarget } from '@/server/cases/case-target'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import type { Severity } from '@/lib/sla'
import type { World } from './world'

type SupportKey = keyof World['supportIds']
type UserKey = keyof World['users']
type Status = 'NEW' | 'IN_PROGRESS' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED'

/** The columns every made case takes from its Support ID and opener. */
function caseOwner(world: World, supportId: SupportKey, openedBy: UserKey) {
  const s = world.supportIds[supportId]
  return { supportIdId: s.id, organisationId: s.organisationId, tier: s.tier, regionCode: s.regionCode, openedById: world.users[openedBy].id }
}

export const at = (iso: string) => new Date(iso)

export async function makeCase(
  world: World,
  o: {
    supportId?: SupportKey
    severity?: Severity
    openedAt: Date
    status?: Status
    firstResponseAt?: Date | null
    assigneeId?: string | null
    title?: string
    preferredLanguage?: string
    productVersionId?: string | null
    category?: 'TECHNICAL' | 'LICENSING' | 'FEEDBACK'
  },
) {
  const owner = caseOwner(world, o.supportId ?? 'basic', 'caseadmin')
  const severity = o.severity ?? 3
  const category = o.category ?? 'TECHNICAL'
  const calendar = await calendarForSupportId(prisma, owner.supportIdId)
  const target = computeCaseTarget({ tier: owner.tier, severity, category, openedAt: o.openedAt, calendar })
  const firstResponseAt = o.firstResponseAt ?? null
  const c = await prisma.case.create({
    data: {
      ...owner,
      category,
      severity,
      status: o.status ?? (firstResponseAt ? 'IN_PROGRESS' : 'NEW'),
      title: o.title ?? `Case ${world.tag}`,
      description: 'A problem to work on.',
      preferredLanguage: o.preferredLanguage ?? 'English',
      productVersionId: o.productVersionId === undefined ? world.version('CURRENT').id : o.productVersionId,
      openedAt: o.openedAt,
      ...target,
      firstResponseAt,
      responseDueAt: firstResponseAt ? null : target.targetDueAt,
      assigneeId: o.assigneeId ?? null,
      lastCustomerActivityAt: o.openedAt,
    },
    select: { id: true, number: true, version: true, targetDueAt: true, openedAt: true },
  })
  await prisma.caseEvent.create({ data: { caseId: c.id, actorId: owner.openedById, at: o.openedAt, type: 'case.opened' } })
  return c
}

export async function makeCaseWithDeadline(
  world: World,
  opts: {
    supportId?: SupportKey
    openedBy?: UserKey
    assignee?: UserKey | null
    dueAt?: Date
    dueInMinutes?: number
    clock?: 'BUSINESS' | 'CONTINUOUS'
    status?: Status
    openedAt?: Date
  } = {},
) {
  const dueAt = opts.dueAt ?? new Date(world.now.getTime() + (opts.dueInMinutes ?? 180) * 60_000)
  return prisma.case.create({
    data: {
      ...caseOwner(world, opts.supportId ?? 'production', opts.openedBy ?? 'caseadmin'),
      category: 'TECHNICAL',
      severity: 2,
      status: opts.status ?? 'NEW',
      title: `Backups fail ${world.tag}`,
      description: 'Nightly job fails',
      preferredLanguage: 'English',
      openedAt: opts.openedAt ?? world.now,
      targetKind: 'DEADLINE',
      targetDueAt: dueAt,
      targetMinutes: 180,
      targetClock: opts.clock ?? 'CONTINUOUS',
      responseDueAt: dueAt,
      assigneeId: opts.assignee ? world.users[opts.assignee].id : null,
    },
  })
}
