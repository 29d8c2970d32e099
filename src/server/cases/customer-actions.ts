import 'server-only'
import { prisma } from '@/server/db/client'
import { isVendor, type Actor } from '@/server/auth/actor'
import { AppError, parseInput } from '@/server/errors'
import { REOPEN_WINDOW_DAYS, ZAddCommentInput, ZCloseCaseInput, ZConfirmResolvedInput, ZEscalateInput, reopenDeadline } from '@/lib/cases/schemas'
import { notify } from '@/server/notifications/notify'
import { appendCaseEvents, findVisibleCase, updateCase, versionToWrite, type CaseEventInput } from './case-write'
import { customerActivityResumes, isOpenStatus } from '@/lib/cases/status'
import { closeEscalationsWithCase } from '@/server/escalations/close-with-case'

function requireCustomerSide(actor: Actor, what: string) {
  if (isVendor(actor))
    throw new AppError(
      'FORBIDDEN',
      `Vendor staff do not ${what}: ${what === 'comment' ? 'post a reply (POST …/replies) instead' : 'it is the customer’s action'}`,
    )
}

async function openCaseFor(actor: Actor, number: number) {
  const c = await findVisibleCase(prisma, actor, number, { id: true, version: true, status: true })
  if (!isOpenStatus(c.status))
    throw new AppError('CONFLICT', `Case #${number} is ${c.status.toLowerCase().replaceAll('_', ' ')}: open a new case that references it instead`)
  return c
}

/**
 * A customer's comment. It is the customer's reply: a case waiting on the customer goes back to
 * the engineer, and the contact-attempt count starts again (lastCustomerActivityAt). On a resolved
 * case, within 14 days of its resolution, the reply reopens it (back in progress, to the engineer);
 * after that it is refused and the customer opens a follow-up case that references it (decision 0015).
 */
export async function addComment({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  const { body } = parseInput(ZAddCommentInput, input)
  requireCustomerSide(actor, 'comment')
  const c = await findVisibleCase(prisma, actor, number, { id: true, version: true, status: true, resolutionCode: true, resolvedAt: true })
  const reopens = c.status === 'RESOLVED'
  if (reopens) {
    if (!c.resolvedAt || now.getTime() >= reopenDeadline(c.resolvedAt).getTime()) {
      throw new AppError(
        'CONFLICT',
        `Case #${number} was resolved more than ${REOPEN_WINDOW_DAYS} days ago and can no longer be reopened: open a new case that references it instead`,
      )
    }
  } else if (!isOpenStatus(c.status)) {
    throw new AppError('CONFLICT', `Case #${number} is ${c.status.toLowerCase().replaceAll('_', ' ')}: open a new case that references it instead`)
  }
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { caseId: c.id, authorId: actor.id, body, internal: false, createdAt: now },
      select: { id: true, createdAt: true },
    })
    const resumes = customerActivityResumes(c.status) || reopens
    const events: CaseEventInput[] = [{ type: 'comment.added', after: { commentId: comment.id } }]
    if (reopens) {
      // The resolution no longer stands; it stays in the case's history (this event and case.resolved).
      events.push({
        type: 'case.reopened',
        before: { status: 'RESOLVED', resolutionCode: c.resolutionCode, resolvedAt: c.resolvedAt!.toISOString() },
        after: { status: 'IN_PROGRESS', reason: `customer replied within ${REOPEN_WINDOW_DAYS} days of the resolution`, commentId: comment.id },
      })
    } else if (resumes) {
      events.push({ type: 'case.status-changed', before: { status: 'WAITING_ON_CUSTOMER' }, after: { status: 'IN_PROGRESS', reason: 'customer replied' } })
    }
    await updateCase(tx, {
      caseId: c.id,
      version: c.version,
      actor,
      now,
      data: {
        lastCustomerActivityAt: now,
        ...(resumes ? { status: 'IN_PROGRESS' } : {}),
        ...(reopens ? { resolutionCode: null, resolutionSummary: null, resolvedAt: null } : {}),
      },
      events,
    })
    if (reopens) {
      await tx.auditEntry.create({
        data: {
          actorId: actor.id,
          at: now,
          action: 'case.reopened',
          entityType: 'Case',
          entityId: c.id,
          data: { number, resolvedAt: c.resolvedAt!.toISOString(), commentId: comment.id },
        },
      })
      await notify(tx, { kind: 'case-reopened', caseId: c.id, actorId: actor.id, commentId: comment.id }, now)
    } else {
      await notify(tx, { kind: 'customer-activity', caseId: c.id, actorId: actor.id, commentId: comment.id, resumed: resumes }, now)
    }
    return { id: comment.id, createdAt: comment.createdAt, status: resumes ? 'IN_PROGRESS' : c.status, reopened: reopens }
  })
}

/**
 * "This solved it": the customer side confirms a resolved case's resolution, which closes it, and
 * rates the support (good / bad, a comment required for bad). Only people who may see the case act
 * on it (its Support ID's administrators; a partner only with an approved grant: access/scope.ts).
 */
export async function confirmResolution({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  const data = parseInput(ZConfirmResolvedInput, input)
  requireCustomerSide(actor, 'confirm resolutions')
  const c = await findVisibleCase(prisma, actor, number, { id: true, version: true, status: true })
  if (c.status !== 'RESOLVED') {
    throw new AppError(
      'CONFLICT',
      c.status === 'CLOSED' ? `Case #${number} is already closed` : `Case #${number} is not resolved yet: only a resolution can be confirmed`,
    )
  }
  const version = versionToWrite(c, data.version)
  const comment = data.comment || null
  await prisma.$transaction(async (tx) => {
    // Confirming closes the case, so its manager request goes with it (decision 0017).
    const escalationEvents = await closeEscalationsWithCase(tx, { caseId: c.id, caseNumber: number, actor, now })
    await updateCase(tx, {
      caseId: c.id,
      version,
      actor,
      now,
      data: { status: 'CLOSED', closedAt: now, responseDueAt: null, rating: data.rating, ratingComment: comment, ratedAt: now, ratedById: actor.id },
      events: [
        { type: 'case.confirmed', before: { status: 'RESOLVED' }, after: { status: 'CLOSED', by: 'customer' } },
        // The rating is for the vendor: other people of the customer's side do not read it in the timeline.
        { type: 'case.rated', after: { rating: data.rating, comment }, internal: true },
        ...escalationEvents,
      ],
    })
    await tx.auditEntry.create({
      data: { actorId: actor.id, at: now, action: 'case.rated', entityType: 'Case', entityId: c.id, data: { number, rating: data.rating, comment } },
    })
  })
  return { number, status: 'CLOSED' as const, closedAt: now, rating: data.rating }
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
    await appendCaseEvents(tx, {
      caseId: c.id,
      actor,
      now,
      events: [
        { type: 'escalation.opened', after: { escalationId: escalation.id, reason: data.reason, preferredContactTime: data.preferredContactTime ?? null } },
      ],
    })
    await notify(tx, { kind: 'escalation-opened', escalationId: escalation.id }, now)
    return escalation
  })
}
