import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { AppError, parseInput } from '@/server/errors'
import { ZListNotificationsQuery, ZMarkNotificationsReadInput } from '@/lib/notifications/kinds'

// The in-app notification list (the header's bell). Each person reads and marks only their own
// rows: every query is narrowed to `userId = actor.id`, so another person's id is "not found".

const SELECT = { id: true, kind: true, title: true, body: true, url: true, createdAt: true, readAt: true } as const
const PAGE = 30

export async function unreadNotificationCount({ actor }: { actor: Actor }): Promise<number> {
  return prisma.notification.count({ where: { userId: actor.id, readAt: null } })
}

/** Newest first, in keyset pages (cursor = the last id of the previous page). */
export async function listNotifications({ actor, input = {} }: { actor: Actor; input?: unknown }) {
  const q = parseInput(ZListNotificationsQuery, input)
  const limit = q.limit ?? PAGE
  const base = { userId: actor.id, ...(q.unread === 'true' ? { readAt: null } : {}) }
  let after = {}
  if (q.cursor) {
    const from = await prisma.notification.findFirst({ where: { id: q.cursor, userId: actor.id }, select: { id: true, createdAt: true } })
    if (!from)
      throw new AppError('BAD_REQUEST', 'cursor: not a notification of yours; use nextCursor from the previous page', [
        { path: 'cursor', message: 'Unknown cursor' },
      ])
    after = { OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }] }
  }
  const rows = await prisma.notification.findMany({
    where: { AND: [base, after] },
    select: SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  })
  const page = rows.slice(0, limit)
  return {
    notifications: page.map((n) => ({ ...n, read: n.readAt !== null })),
    unread: await unreadNotificationCount({ actor }),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  }
}

/**
 * Marks notifications read: the ones named (all must be the actor's, else 404 and nothing
 * changes) or every one. Marking an already-read notification again is not an error.
 */
export async function markNotificationsRead({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const data = parseInput(ZMarkNotificationsReadInput, input)
  return prisma.$transaction(async (tx) => {
    if (data.ids) {
      const ids = [...new Set(data.ids)]
      const mine = await tx.notification.count({ where: { id: { in: ids }, userId: actor.id } })
      if (mine !== ids.length)
        throw new AppError('NOT_FOUND', ids.length === 1 ? 'That notification was not found' : 'Some of those notifications were not found; none was marked')
    }
    const marked = await tx.notification.updateMany({
      where: { userId: actor.id, readAt: null, ...(data.ids ? { id: { in: data.ids } } : {}) },
      data: { readAt: now },
    })
    const unread = await tx.notification.count({ where: { userId: actor.id, readAt: null } })
    return { marked: marked.count, unread }
  })
}
