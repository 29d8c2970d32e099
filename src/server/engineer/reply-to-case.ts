import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, parseInput } from '@/server/errors'
import { updateCase, type CaseEventInput } from '@/server/cases/case-write'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { ZReplyInput, ZRequestInformationInput } from '@/lib/engineer/schemas'
import { notifyCustomer } from './notify-customer'
import { CASE_WORKERS, assertOpen, firstResponseChange, loadWorkCase } from './work-case'
import { versionToWrite } from '@/server/cases/case-write'

/**
 * A vendor reply on a case: public (the customer sees it, and the first one meets the initial
 * response target) or an internal note (vendor staff only). A closed case takes neither.
 */
export async function replyToCase({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  requireVendor(actor, ...CASE_WORKERS) // before reading the input: customers get 404 whatever they send
  const data = parseInput(ZReplyInput, input)
  const c = await loadWorkCase(prisma, actor, number)
  if (c.status === 'CLOSED') throw new AppError('CONFLICT', `Case #${number} is closed: the customer can open a new case that references it`)
  const version = versionToWrite(c, data.version)
  const calendar = await calendarForSupportId(prisma, c.supportIdId)
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { caseId: c.id, authorId: actor.id, body: data.body, internal: !data.public, createdAt: now },
      select: { id: true, createdAt: true, internal: true },
    })
    const first = data.public ? firstResponseChange(c, calendar, now) : null
    const events: CaseEventInput[] = [
      { type: 'reply.added', after: { commentId: comment.id, public: data.public }, internal: !data.public },
      ...(first?.events ?? []),
    ]
    await updateCase(tx, { caseId: c.id, version, actor, now, data: first?.data ?? {}, events })
    if (data.public) await notifyCustomer(tx, { kind: 'engineer-reply', caseId: c.id, commentId: comment.id }, now)
    return {
      id: comment.id,
      createdAt: comment.createdAt,
      public: data.public,
      firstResponse: first ? { at: now, ...(first.events[0]!.after as { responseStatus: string; breachedByMinutes?: number }) } : null,
    }
  })
}

/**
 * Asks the customer for diagnostic information (logs, an export): a public reply, and the case
 * waits on the customer until they reply or upload (the customer side moves it back).
 */
export async function requestInformation({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  requireVendor(actor, ...CASE_WORKERS)
  const data = parseInput(ZRequestInformationInput, input)
  const c = await loadWorkCase(prisma, actor, number)
  assertOpen(c, 'information can be requested')
  if (c.status === 'WAITING_ON_CUSTOMER') throw new AppError('CONFLICT', `Case #${number} is already waiting on the customer`)
  const version = versionToWrite(c, data.version)
  const calendar = await calendarForSupportId(prisma, c.supportIdId)
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { caseId: c.id, authorId: actor.id, body: data.body, internal: false, createdAt: now },
      select: { id: true },
    })
    const first = firstResponseChange(c, calendar, now)
    const before = first?.data.status ?? c.status
    await updateCase(tx, {
      caseId: c.id,
      version,
      actor,
      now,
      data: { ...(first?.data ?? {}), status: 'WAITING_ON_CUSTOMER' },
      events: [
        { type: 'reply.added', after: { commentId: comment.id, public: true } },
        ...(first?.events ?? []),
        { type: 'case.information-requested', before: { status: before }, after: { status: 'WAITING_ON_CUSTOMER', commentId: comment.id } },
      ],
    })
    await notifyCustomer(tx, { kind: 'information-requested', caseId: c.id }, now)
    return { id: comment.id, status: 'WAITING_ON_CUSTOMER' as const }
  })
}
