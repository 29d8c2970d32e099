import 'server-only'
import { prisma } from '@/server/db/client'
import { closeEscalationsWithCase } from '@/server/escalations/close-with-case'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, parseInput } from '@/server/errors'
import { updateCase, type CaseEventInput } from '@/server/cases/case-write'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { describeStanding } from '@/lib/contact-attempts'
import { ZCloseResolvedInput, ZResolveInput } from '@/lib/engineer/schemas'
import { RESOLUTION_LABELS } from '@/lib/cases/labels'
import { contactStandingFor } from './contact-attempts'
import { notifyCustomer } from './notify-customer'
import { CASE_WORKERS, assertOpen, firstResponseChange, loadWorkCase } from './work-case'
import { versionToWrite } from '@/server/cases/case-write'

/** What the customer is told when their case is closed without their consent (policy). */
export const closedWithoutConsentMessage = (number: number, summary: string) =>
  `We tried to reach you on three separate business days without an answer, so case #${number} is now closed without your confirmation (resolution: no response from customer).\n\n${summary}\n\nIf the problem persists, open a new case and reference case #${number}: the engineer will pick up from here.`

/**
 * Resolves a case with one of the policy's resolution codes and a summary. NO_RESPONSE is
 * "close without consent": refused (409, with where the count stands) until the contact-attempt
 * rule allows it; it closes the case at once and tells the customer they may open a new case
 * referencing this one. A case resolved before any public reply has its resolution as first response.
 */
export async function resolveCase({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  requireVendor(actor, ...CASE_WORKERS) // before reading the input: customers get 404 whatever they send
  const data = parseInput(ZResolveInput, input)
  const c = await loadWorkCase(prisma, actor, number)
  assertOpen(c, 'a resolution is recorded')
  const version = versionToWrite(c, data.version)
  let relatedCaseId: string | undefined
  if (data.code === 'DUPLICATE') {
    if (data.duplicateOf === number)
      throw new AppError('UNPROCESSABLE', 'A case cannot duplicate itself', [{ path: 'duplicateOf', message: 'Name another case' }])
    const other = await prisma.case.findUnique({ where: { number: data.duplicateOf! }, select: { id: true, supportIdId: true } })
    if (!other) throw new AppError('UNPROCESSABLE', `Case #${data.duplicateOf} does not exist`, [{ path: 'duplicateOf', message: 'No such case' }])
    relatedCaseId = other.id
  }
  const calendar = await calendarForSupportId(prisma, c.supportIdId)
  const noResponse = data.code === 'NO_RESPONSE'
  if (noResponse) {
    const standing = await contactStandingFor(prisma, c)
    if (!standing.closeWithoutConsentAllowed) {
      throw new AppError(
        'CONFLICT',
        `Case #${number} cannot be closed without the customer's consent yet: it needs unanswered contact attempts on ${standing.required} separate business days of the customer's calendar since their last reply, and has ${describeStanding(standing)}.`,
        { contactAttempts: { businessDays: standing.businessDays.length, required: standing.required, closeWithoutConsentAllowed: false } },
      )
    }
  }
  return prisma.$transaction(async (tx) => {
    const first = firstResponseChange(c, calendar, now)
    const events: CaseEventInput[] = [...(first?.events.filter((e) => e.type === 'case.first-response') ?? [])]
    const resolution = {
      resolutionCode: data.code,
      resolutionSummary: data.summary,
      resolvedAt: now,
      responseDueAt: null,
      ...(relatedCaseId ? { relatedCaseId } : {}),
    }
    const firstData = first ? { firstResponseAt: first.data.firstResponseAt } : {}
    if (noResponse) {
      const comment = await tx.comment.create({
        data: { caseId: c.id, authorId: actor.id, body: closedWithoutConsentMessage(number, data.summary), internal: false, createdAt: now },
        select: { id: true },
      })
      events.push(
        { type: 'reply.added', after: { commentId: comment.id, public: true } },
        { type: 'case.closed-without-consent', before: { status: c.status }, after: { status: 'CLOSED', resolutionCode: data.code, summary: data.summary } },
      )
      events.push(...(await closeEscalationsWithCase(tx, { caseId: c.id, caseNumber: number, actor, now })))
      await updateCase(tx, { caseId: c.id, version, actor, now, data: { ...firstData, ...resolution, status: 'CLOSED', closedAt: now }, events })
      await notifyCustomer(tx, { kind: 'closed-without-consent', caseId: c.id }, now)
      return { number, status: 'CLOSED' as const, resolution: { code: data.code, summary: data.summary, resolvedAt: now }, closedAt: now }
    }
    events.push({
      type: 'case.resolved',
      before: { status: c.status },
      after: {
        status: 'RESOLVED',
        resolutionCode: data.code,
        resolution: RESOLUTION_LABELS[data.code],
        summary: data.summary,
        ...(data.duplicateOf ? { duplicateOf: data.duplicateOf } : {}),
      },
    })
    await updateCase(tx, { caseId: c.id, version, actor, now, data: { ...firstData, ...resolution, status: 'RESOLVED' }, events })
    await notifyCustomer(tx, { kind: 'case-resolved', caseId: c.id, actorId: actor.id }, now)
    return { number, status: 'RESOLVED' as const, resolution: { code: data.code, summary: data.summary, resolvedAt: now }, closedAt: null }
  })
}

/** Closes a resolved case (the customer confirmed, or the resolution stands). */
export async function closeResolvedCase({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  requireVendor(actor, ...CASE_WORKERS)
  const data = parseInput(ZCloseResolvedInput, input)
  const c = await loadWorkCase(prisma, actor, number)
  if (c.status !== 'RESOLVED') {
    throw new AppError(
      'CONFLICT',
      c.status === 'CLOSED' ? `Case #${number} is already closed` : `Case #${number} is not resolved yet: resolve it with a resolution code first`,
    )
  }
  const version = versionToWrite(c, data.version)
  await prisma.$transaction(async (tx) => {
    const escalationEvents = await closeEscalationsWithCase(tx, { caseId: c.id, caseNumber: number, actor, now })
    await updateCase(tx, {
      caseId: c.id,
      version,
      actor,
      now,
      data: { status: 'CLOSED', closedAt: now },
      events: [{ type: 'case.closed', before: { status: 'RESOLVED' }, after: { status: 'CLOSED', by: 'vendor' } }, ...escalationEvents],
    })
  })
  return { number, status: 'CLOSED' as const, closedAt: now }
}
