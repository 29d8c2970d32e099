import 'server-only'
import type { Tx } from '@/server/db/client'
import { formatMinutes } from '@/lib/format'
import { formatBytes } from '@/lib/cases/uploads'
import { resolutionLabel } from '@/lib/cases/labels'
import { hasPhoneSupport } from '@/lib/cases/phone-support'
import { reopenDeadline } from '@/lib/cases/schemas'
import { minutesIn, targetCalendar, toResponseTarget } from '@/lib/sla-state'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { appUrl } from './app-url'
import { caseAudience, personName, vendorUsers } from './audiences'
import type { Composers, N, Outgoing } from './kinds'
import { loadCase, summary, toCase, type LoadedCase } from './loaders'
import {
  breachWarningMail,
  caseAssignedMail,
  caseOpenedMail,
  caseReopenedMail,
  caseResolvedMail,
  closedWithoutConsentMail,
  contactAttemptMail,
  customerActivityMail,
  engineerReplyMail,
  informationRequestedMail,
  severityChangedMail,
} from './templates'

/** The messages about a case's own life: to its customer side, or to the engineer working it. */
export const CASE_MESSAGES: Composers<
  | 'case-opened'
  | 'engineer-reply'
  | 'information-requested'
  | 'contact-attempt'
  | 'closed-without-consent'
  | 'severity-changed'
  | 'case-resolved'
  | 'case-assigned'
  | 'customer-activity'
  | 'case-reopened'
  | 'breach-warning'
> = {
  'case-opened': caseOpened,
  'engineer-reply': engineerReply,
  'information-requested': informationRequested,
  'contact-attempt': contactAttempt,
  'closed-without-consent': closedWithoutConsent,
  'severity-changed': severityChanged,
  'case-resolved': caseResolved,
  'case-assigned': caseAssigned,
  'customer-activity': customerActivity,
  'case-reopened': caseReopened,
  'breach-warning': breachWarning,
}

async function caseOpened(tx: Tx, n: N<'case-opened'>): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  const phoneLines = hasPhoneSupport(c)
    ? await tx.phoneLine.findMany({ where: { regionCode: c.regionCode }, select: { country: true, number: true }, orderBy: { country: 'asc' } })
    : []
  const opener = c.openedBy.organisation.kind === 'PARTNER' ? `${c.openedBy.name} (${c.openedBy.organisation.name})` : c.openedBy.name
  return toCase(c, await caseAudience(tx, c), (r) =>
    caseOpenedMail(r, {
      case: summary(c),
      openedBy: opener,
      openedAt: c.openedAt,
      target: toResponseTarget(c),
      phoneLines,
      businessHoursOnly: c.businessHoursOnly,
    }),
  )
}

async function engineerReply(tx: Tx, n: N<'engineer-reply'>): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  const comment = await tx.comment.findFirst({
    where: { id: n.commentId, caseId: c.id },
    select: { body: true, internal: true, createdAt: true, author: { select: { name: true } } },
  })
  if (!comment) throw new Error(`notify(engineer-reply): comment ${n.commentId} is not on case ${c.id}`)
  // Internal notes never leave the vendor.
  if (comment.internal) return []
  return toCase(c, await caseAudience(tx, c), (r) =>
    engineerReplyMail(r, { case: summary(c), author: comment.author.name, body: comment.body, at: comment.createdAt }),
  )
}

async function informationRequested(tx: Tx, n: N<'information-requested'>): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  const latest = await tx.comment.findFirst({
    where: { caseId: c.id, internal: false, author: { organisation: { kind: 'VENDOR' } } },
    orderBy: { createdAt: 'desc' },
    select: { body: true },
  })
  return toCase(c, await caseAudience(tx, c), (r) => informationRequestedMail(r, { case: summary(c), request: latest?.body ?? null }))
}

async function contactAttempt(tx: Tx, n: N<'contact-attempt'>): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  const attempt = await tx.contactAttempt.findFirst({
    where: { id: n.attemptId, caseId: c.id },
    select: { at: true, channel: true, outcome: true, engineer: { select: { name: true } } },
  })
  if (!attempt) throw new Error(`notify(contact-attempt): attempt ${n.attemptId} is not on case ${c.id}`)
  const unanswered = await tx.contactAttempt.count({ where: { caseId: c.id, outcome: { not: 'REACHED' } } })
  return toCase(c, await caseAudience(tx, c), (r) =>
    contactAttemptMail(r, {
      case: summary(c),
      engineer: attempt.engineer.name,
      at: attempt.at,
      channel: attempt.channel,
      outcome: attempt.outcome,
      unanswered,
    }),
  )
}

async function closedWithoutConsent(tx: Tx, n: N<'closed-without-consent'>, now: Date): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  return toCase(c, await caseAudience(tx, c), (r) =>
    closedWithoutConsentMail(r, { case: summary(c), closedAt: c.closedAt ?? now, newCaseUrl: appUrl(`/cases/new?related=${c.number}`) }),
  )
}

async function severityChanged(tx: Tx, n: N<'severity-changed'>): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  const by = await personName(tx, n.actorId)
  return toCase(c, await caseAudience(tx, c), (r) =>
    severityChangedMail(r, { case: summary(c), from: n.from, by, reason: n.reason, target: toResponseTarget(c), firstResponseDone: !!c.firstResponseAt }),
  )
}

async function caseResolved(tx: Tx, n: N<'case-resolved'>): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  if (!c.resolutionCode || !c.resolvedAt) throw new Error(`notify(case-resolved): case ${c.id} has no resolution`)
  const by = await personName(tx, n.actorId)
  const resolution = resolutionLabel(c.resolutionCode)
  return toCase(c, await caseAudience(tx, c), (r) =>
    caseResolvedMail(r, {
      case: summary(c),
      resolution,
      summary: c.resolutionSummary ?? '',
      by,
      resolvedAt: c.resolvedAt!,
      reopenUntil: reopenDeadline(c.resolvedAt!),
    }),
  )
}

async function caseAssigned(tx: Tx, n: N<'case-assigned'>): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  if (!c.assignee) return []
  const by = await personName(tx, n.actorId)
  return toCase(c, [c.assignee], (r) =>
    caseAssignedMail(r, { case: summary(c), organisation: c.organisation.name, by, status: c.status.toLowerCase().replaceAll('_', ' ') }),
  )
}

async function customerActivity(tx: Tx, n: N<'customer-activity'>): Promise<Outgoing[]> {
  // The vendor side of a customer's reply or upload: the engineer working the case.
  const c = await loadCase(tx, n.caseId)
  if (!c.assignee) return []
  const comment = n.commentId
    ? await tx.comment.findFirst({ where: { id: n.commentId, caseId: c.id, internal: false }, select: { body: true, createdAt: true } })
    : null
  const file = n.attachmentId
    ? await tx.attachment.findFirst({ where: { id: n.attachmentId, caseId: c.id }, select: { name: true, size: true, createdAt: true } })
    : null
  if (!comment && !file) throw new Error(`notify(customer-activity): nothing on case ${c.id} to tell about`)
  const by = await personName(tx, n.actorId)
  return toCase(c, [c.assignee], (r) =>
    customerActivityMail(r, {
      case: summary(c),
      organisation: c.organisation.name,
      by,
      at: comment?.createdAt ?? file!.createdAt,
      comment: comment?.body ?? null,
      file: file ? { name: file.name, size: formatBytes(file.size) } : null,
      resumed: n.resumed,
    }),
  )
}

async function caseReopened(tx: Tx, n: N<'case-reopened'>): Promise<Outgoing[]> {
  // The engineer whose resolution the customer's reply reopened (decision 0015).
  const c = await loadCase(tx, n.caseId)
  if (!c.assignee) return []
  const comment = await tx.comment.findFirst({ where: { id: n.commentId, caseId: c.id, internal: false }, select: { body: true, createdAt: true } })
  if (!comment) throw new Error(`notify(case-reopened): comment ${n.commentId} is not on case ${c.id}`)
  const by = await personName(tx, n.actorId)
  return toCase(c, [c.assignee], (r) =>
    caseReopenedMail(r, { case: summary(c), organisation: c.organisation.name, by, at: comment.createdAt, comment: comment.body }),
  )
}

async function breachWarning(tx: Tx, n: N<'breach-warning'>, now: Date): Promise<Outgoing[]> {
  const c = await loadCase(tx, n.caseId)
  if (!c.responseDueAt) return []
  const assignee = c.assignee && !c.assignee.disabledAt ? [c.assignee] : []
  const recipients = assignee.length ? assignee : await vendorUsers(tx, 'ENGINEER')
  const left = await timeLeft(tx, c, c.responseDueAt, now)
  return toCase(c, recipients, (r) => breachWarningMail(r, { case: summary(c), dueAt: c.responseDueAt!, left, assigned: assignee.length > 0 }))
}

/** Time left in the target's own clock: business minutes of the customer's calendar, or real minutes. */
async function timeLeft(tx: Tx, c: LoadedCase, dueAt: Date, now: Date): Promise<string> {
  const calendar = c.targetClock === 'BUSINESS' ? targetCalendar(c.tier, c.targetClock, await calendarForSupportId(tx, c.supportIdId)) : null
  const left = formatMinutes(minutesIn(calendar, now, dueAt))
  return calendar ? `${left} of business time` : left
}
