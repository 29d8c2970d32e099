// A case row made directly (for notification and scheduler tests that need a case in a given
// state, not the case-opening flow itself).
import { prisma } from '@/server/db/client'
import type { World } from './world'

export async function makeCase(
  world: World,
  opts: {
    supportId?: keyof World['supportIds']
    openedBy?: keyof World['users']
    assignee?: keyof World['users'] | null
    dueAt?: Date
    dueInMinutes?: number
    clock?: 'BUSINESS' | 'CONTINUOUS'
    status?: 'NEW' | 'IN_PROGRESS' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED'
    openedAt?: Date
  } = {},
) {
  const s = world.supportIds[opts.supportId ?? 'production']
  const openedBy = world.users[opts.openedBy ?? 'caseadmin']
  const dueAt = opts.dueAt ?? new Date(world.now.getTime() + (opts.dueInMinutes ?? 180) * 60_000)
  return prisma.case.create({
    data: {
      supportIdId: s.id,
      organisationId: s.organisationId,
      tier: s.tier,
      regionCode: s.regionCode,
      category: 'TECHNICAL',
      severity: 2,
      status: opts.status ?? 'NEW',
      title: `Backups fail ${world.tag}`,
      description: 'Nightly job fails',
      preferredLanguage: 'English',
      openedById: openedBy.id,
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
