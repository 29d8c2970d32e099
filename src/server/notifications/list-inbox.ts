import 'server-only'
import { z } from 'zod'
import { zText } from '@/lib/text'
import { prisma } from '@/server/db/client'
import { hasVendorRole, type Actor } from '@/server/auth/actor'
import { AppError, notFound, parseInput } from '@/server/errors'
import type { Prisma } from '@/generated/prisma/client'
import { devInboxEnabled } from './transport'
import { redactedMailText, revealMailText } from './secret-parts'
import { safeId } from '@/server/admin/safe-id'

export const ZInboxQuery = z.object({
  q: zText('Search')
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  status: z
    .enum(['PENDING', 'SENT', 'FAILED'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

const PAGE = 100

/**
 * The mail the portal sent. Administrators see the whole outbox (status, attempts, last error)
 * and may retry a failed message. Without SMTP (the embedded set-up) mail is delivered to this
 * page instead: every signed-in person sees the messages addressed to them — the dev inbox.
 */
export async function listInbox({ actor, input }: { actor: Actor; input?: unknown }) {
  const query = parseInput(ZInboxQuery, input ?? {})
  const admin = hasVendorRole(actor, 'ADMIN')
  const devInbox = devInboxEnabled()
  if (!admin && !devInbox) throw new AppError('NOT_FOUND', 'Mail is delivered by SMTP: read it in your mailbox')
  const filters: Prisma.OutboxMessageWhereInput[] = []
  if (!admin) filters.push({ to: actor.email.toLowerCase() })
  if (query.status) filters.push({ status: query.status })
  if (query.q) filters.push({ OR: [{ to: { contains: query.q, mode: 'insensitive' } }, { subject: { contains: query.q, mode: 'insensitive' } }] })
  const where = { AND: filters }
  const [messages, counts] = await Promise.all([
    prisma.outboxMessage.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: PAGE }),
    prisma.outboxMessage.groupBy({ by: ['status'], where: admin ? {} : { to: actor.email.toLowerCase() }, _count: true }),
  ])
  const me = actor.email.toLowerCase()
  return {
    scope: admin ? ('all' as const) : ('mine' as const),
    devInbox,
    // A secret part (an invitation link) is shown to its recipient only, and only where this page
    // is their mailbox; an administrator reading the outbox sees the mail without it (decision 0007).
    messages: messages.map(({ secrets, ...m }) => ({
      ...m,
      text: devInbox && m.to === me && secrets ? revealOrRedact({ ...m, secrets }) : redactedMailText(m.text),
    })),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count])) as Partial<Record<'PENDING' | 'SENT' | 'FAILED', number>>,
    truncated: messages.length === PAGE,
  }
}

/** An administrator puts a FAILED message back in the queue (e.g. after fixing an address or the relay). */
export async function retryOutboxMessage({ actor, messageId, now }: { actor: Actor; messageId: string; now: Date }) {
  if (!hasVendorRole(actor, 'ADMIN')) throw notFound('That message')
  safeId(messageId, 'That message')
  await prisma.$transaction(async (tx) => {
    const updated = await tx.outboxMessage.updateMany({
      where: { id: messageId, status: 'FAILED' },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: now },
    })
    if (updated.count === 0) {
      if (!(await tx.outboxMessage.count({ where: { id: messageId } }))) throw notFound('That message')
      throw new AppError('CONFLICT', 'Only a failed message can be retried')
    }
    await tx.auditEntry.create({ data: { actorId: actor.id, at: now, action: 'outbox-message.retried', entityType: 'OutboxMessage', entityId: messageId } })
  })
}

function revealOrRedact(m: { to: string; text: string; secrets: string }): string {
  try {
    return revealMailText(m)
  } catch {
    // Sealed under another key (the secret was rotated): the link is lost, not shown.
    return redactedMailText(m.text)
  }
}
