import 'server-only'
import { prisma } from '@/server/db/client'
import { isVendor, type Actor } from '@/server/auth/actor'
import { AppError, parseInput } from '@/server/errors'
import { ZAddCommentInput, ZCloseCaseInput, ZEscalateInput } from '@/lib/cases/schemas'
import { notify } from '@/server/notifications/notify'
import { appendCaseEvents, findVisibleCase, updateCase, versionToWrite } from './case-write'
import { isOpenStatus } from './get-case'
import { closeEscalationsWithCase } from '@/server/escalations/close-with-case'

function requireCustomerSide(actor: Actor, what: string) {
  if (isVendor(actor)) throw new AppError('FORBIDDEN', `Vendor staff do not ${what}: ${what === 'comment' ? 'post a reply (POST …/replies) instead' : 'it is the customer’s action'}`)
}

async function openCaseFor(actor: Actor, number: number) {
  const c = await findVisibleCase(prisma, actor, number, { id: true, version: true, status: true })
  if (!isOpenStatus(c.status)) throw new AppError('CONFLICT', `Case #${number} is ${c.status.toLowerCase().replaceAll('_', ' ')}: open a new case that references it instead`)
  return c
}

/**
 * A customer's comment. It is the customer's reply: a case waiting on the customer goes back to
 * the engineer, and the contact-attempt count starts again (lastCustomerActivityAt).
 */
export async function addComment({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  const { body } = parseInput(ZAddCommentInput, input)
  requireCustomerSide(actor, 'comment')
  const c = await openCaseFor(actor, number)
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { caseId: c.id, authorId: actor.id, body, internal: false, createdAt: now }, select: { id: true, createdAt: true } })
    const resumes = c.status === 'WAITING_ON_CUSTOMER'
    await updateCase(tx, {
      caseId: c.id,
      version: c.version,
      actor,
      now,
      data: { lastCustomerActivityAt: now, ...(resumes ? { status: 'IN_PROGRESS' } : {}) },
      events: [
        { type: 'comment.added', after: { commentId: comment.id } },
        ...(resumes ? [{ type: 'case.status-changed', before: { status: 'WAITING_ON_CUSTOMER' }, after: { status: 'IN_PROGRESS', reason: 'customer replied' } }] : []),
      ],
    })
    await notify(tx, { kind: 'customer-activity', caseId: c.id, actorId: actor.id, commentId: comment.id, resumed: resumes }, now)
    return { id: comment.id, createdAt: comment.createdAt, status: resumes ? 'IN_PROGRESS' : c.status }
  })
}

/** The customer closes their own case (it is solved, or no longer needed). */
export async function closeCase({ actor, number, input, now }: { actor: Actor; number: number; input: { reason?: string; version?: number }; now: Date }) {
  // Validated here too: the reason goes into the case event's JSON (a NUL or a lone surrogate there is a database error).
  const { reason, version: read } = parseInput(ZCloseCaseInput, { ...input, status: 'CLOSED' })
  requireCustomerSide(actor, 'close cases this way')
  const c = await openCaseFor(actor, number)
  const version = versionToWrite(c, read)
  const escalationsClosed = await prisma.$transaction(async (tx) => {
    // The manager request goes with the case (decision 0017): same transaction, each step logged.
    const escalationEvents = await closeEscalationsWithCase(tx, { caseId: c.id, caseNumber: number, actor, now })
    await updateCase(tx, {
      caseId: c.id,
      version,
      actor,
      now,
      data: { status: 'CLOSED', closedAt: now, responseDueAt: null },
      events: [{ type: 'case.closed', before: { status: c.status }, after: { status: 'CLOSED', by: 'customer', reason: reason || null } }, ...escalationEvents],
    })
    return escalationEvents.length
  })
  return { number, status: 'CLOSED' as const, closedAt: now, escalationsClosed }
}

/** "Talk to a manager": opens an escalation in the Support Managers' queue. One open at a time. */
export async function escalateCase({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  const data = parseInput(ZEscalateInput, input)
  requireCustomerSide(actor, 'ask for a manager')
  const c = await openCaseFor(actor, number)
  const pending = await prisma.escalation.findFirst({ where: { caseId: c.id, status: { not: 'RESOLVED' } }, select: { openedAt: true } })
  if (pending) throw new AppError('CONFLICT', `A manager was already asked on ${pending.openedAt.toISOString().slice(0, 10)}; that request is still open`)
  return prisma.$transaction(async (tx) => {
    const escalation = await tx.escalation.create({
      data: { caseId: c.id, requestedById: actor.id, reason: data.reason, preferredContactTime: data.preferredContactTime || null, openedAt: now },
      select: { id: true, status: true, openedAt: true },
    })
    await appendCaseEvents(tx, { caseId: c.id, actor, now, events: [{ type: 'escalation.opened', after: { escalationId: escalation.id, reason: data.reason, preferredContactTime: data.preferredContactTime ?? null } }] })
    await notify(tx, { kind: 'escalation-opened', escalationId: escalation.id }, now)
    return escalation
  })
}
