import 'server-only'
import type { Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { CASE_ROLES, supportIdWhere } from '@/server/access/scope'
import { formatMinutes } from '@/lib/format'
import { businessMinutesBetween, tierCalendar } from '@/lib/sla'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { appUrl } from './app-url'
import { sealMailSecrets } from './secret-parts'
import {
  breachWarningMail,
  caseAdminInvitationMail,
  caseOpenedMail,
  closedWithoutConsentMail,
  contactAttemptMail,
  engineerReplyMail,
  escalationOpenedMail,
  informationRequestedMail,
  partnerDecisionMail,
  partnerRequestMail,
  type CaseSummary,
  type Mail,
  type MailRecipient,
  type TargetSummary,
} from './templates'

export type Notification =
  | { kind: 'case-opened'; caseId: string }
  | { kind: 'engineer-reply'; caseId: string; commentId: string }
  | { kind: 'information-requested'; caseId: string }
  | { kind: 'contact-attempt'; caseId: string; attemptId: string }
  | { kind: 'closed-without-consent'; caseId: string }
  | { kind: 'escalation-opened'; escalationId: string }
  | { kind: 'partner-request'; grantId: string }
  | { kind: 'partner-decision'; grantId: string }
  | { kind: 'case-admin-invitation'; invitationId: string; link: string }
  | { kind: 'breach-warning'; caseId: string }

type Recipient = MailRecipient & { organisationId: string | null }
type Outgoing = { to: string; mail: Mail }

const USER = { email: true, name: true, timeZone: true, organisationId: true, disabledAt: true } as const

/**
 * Resolves who must hear about a change and writes one OutboxMessage per recipient in the caller's
 * transaction: the mail exists exactly when the change is committed, and nothing is sent inline
 * (the outbox worker delivers it, with retries). Every message is about one Support ID, case or
 * invitation, and goes only to people entitled to see it, so no other organisation's data is
 * ever in a message. Returns the number of messages written.
 */
export async function notify(tx: Tx, notification: Notification, now: Date): Promise<number> {
  const outgoing = await compose(tx, notification, now)
  const unique = new Map<string, Outgoing>()
  for (const o of outgoing) {
    const key = o.to.trim().toLowerCase()
    if (!unique.has(key)) unique.set(key, { ...o, to: key })
  }
  if (unique.size === 0) return 0
  await tx.outboxMessage.createMany({
    data: [...unique.values()].map((o) => ({
      to: o.to,
      subject: o.mail.subject,
      text: o.mail.text,
      // A credential (an invitation link) never rests in the outbox in plain text (decision 0007).
      secrets: o.mail.secrets ? sealMailSecrets(o.mail.secrets, o.to) : null,
      kind: notification.kind,
      status: 'PENDING' as const,
      nextAttemptAt: now,
      createdAt: now,
    })),
  })
  return unique.size
}

async function compose(tx: Tx, n: Notification, now: Date): Promise<Outgoing[]> {
  switch (n.kind) {
    case 'case-opened': {
      const c = await loadCase(tx, n.caseId)
      const phoneLines =
        c.tier === 'FREE_NFR' || c.category === 'FEEDBACK'
          ? []
          : await tx.phoneLine.findMany({ where: { regionCode: c.regionCode }, select: { country: true, number: true }, orderBy: { country: 'asc' } })
      const target: TargetSummary =
        c.targetKind === 'DEADLINE' && c.targetDueAt && c.targetMinutes && c.targetClock
          ? { kind: 'DEADLINE', dueAt: c.targetDueAt, minutes: c.targetMinutes, clock: c.targetClock }
          : { kind: c.targetKind === 'BEST_EFFORT' ? 'BEST_EFFORT' : 'NONE' }
      const opener = c.openedBy.organisation.kind === 'PARTNER' ? `${c.openedBy.name} (${c.openedBy.organisation.name})` : c.openedBy.name
      return (await caseAudience(tx, c)).map((r) => ({
        to: r.email,
        mail: caseOpenedMail(r, { case: summary(c), openedBy: opener, openedAt: c.openedAt, target, phoneLines }),
      }))
    }
    case 'engineer-reply': {
      const c = await loadCase(tx, n.caseId)
      const comment = await tx.comment.findFirst({
        where: { id: n.commentId, caseId: c.id },
        select: { body: true, internal: true, createdAt: true, author: { select: { name: true } } },
      })
      if (!comment) throw new Error(`notify(engineer-reply): comment ${n.commentId} is not on case ${c.id}`)
      // Internal notes never leave the vendor.
      if (comment.internal) return []
      return (await caseAudience(tx, c)).map((r) => ({
        to: r.email,
        mail: engineerReplyMail(r, { case: summary(c), author: comment.author.name, body: comment.body, at: comment.createdAt }),
      }))
    }
    case 'information-requested': {
      const c = await loadCase(tx, n.caseId)
      const latest = await tx.comment.findFirst({
        where: { caseId: c.id, internal: false, author: { organisation: { kind: 'VENDOR' } } },
        orderBy: { createdAt: 'desc' },
        select: { body: true },
      })
      return (await caseAudience(tx, c)).map((r) => ({
        to: r.email,
        mail: informationRequestedMail(r, { case: summary(c), request: latest?.body ?? null }),
      }))
    }
    case 'contact-attempt': {
      const c = await loadCase(tx, n.caseId)
      const attempt = await tx.contactAttempt.findFirst({
        where: { id: n.attemptId, caseId: c.id },
        select: { at: true, channel: true, outcome: true, engineer: { select: { name: true } } },
      })
      if (!attempt) throw new Error(`notify(contact-attempt): attempt ${n.attemptId} is not on case ${c.id}`)
      const unanswered = await tx.contactAttempt.count({ where: { caseId: c.id, outcome: { not: 'REACHED' } } })
      return (await caseAudience(tx, c)).map((r) => ({
        to: r.email,
        mail: contactAttemptMail(r, { case: summary(c), engineer: attempt.engineer.name, at: attempt.at, channel: attempt.channel, outcome: attempt.outcome, unanswered }),
      }))
    }
    case 'closed-without-consent': {
      const c = await loadCase(tx, n.caseId)
      return (await caseAudience(tx, c)).map((r) => ({
        to: r.email,
        mail: closedWithoutConsentMail(r, { case: summary(c), closedAt: c.closedAt ?? now, newCaseUrl: appUrl(`/cases/new?related=${c.number}`) }),
      }))
    }
    case 'escalation-opened': {
      const e = await tx.escalation.findUnique({
        where: { id: n.escalationId },
        select: { reason: true, preferredContactTime: true, openedAt: true, caseId: true, requestedBy: { select: { name: true } } },
      })
      if (!e) throw new Error(`notify(escalation-opened): escalation ${n.escalationId} not found`)
      const c = await loadCase(tx, e.caseId)
      const managers = await vendorUsers(tx, 'MANAGER')
      return managers.map((r) => ({
        to: r.email,
        mail: escalationOpenedMail(r, {
          case: summary(c),
          organisation: c.organisation.name,
          requestedBy: e.requestedBy.name,
          reason: e.reason,
          preferredContactTime: e.preferredContactTime,
          openedAt: e.openedAt,
          url: appUrl('/escalations'),
        }),
      }))
    }
    case 'partner-request': {
      const g = await loadGrant(tx, n.grantId)
      const admins = await supportIdAdmins(tx, g.supportId.id, g.supportId.organisationId)
      return admins.map((r) => ({
        to: r.email,
        mail: partnerRequestMail(r, {
          supportIdCode: g.supportId.code,
          partnerOrg: g.partnerOrg.name,
          requestedBy: g.requestedBy.name,
          requestedByEmail: g.requestedBy.email,
          requestedAt: g.requestedAt,
          url: appUrl('/organisation'),
        }),
      }))
    }
    case 'partner-decision': {
      const g = await loadGrant(tx, n.grantId)
      const requester = g.requestedBy
      // The requester must still belong to the partner organisation the grant is for.
      if (requester.disabledAt || requester.organisationId !== g.partnerOrgId) return []
      return [
        {
          to: requester.email,
          mail: partnerDecisionMail(requester, { supportIdCode: g.supportId.code, status: g.status, decidedAt: g.decidedAt ?? now, url: appUrl('/partner') }),
        },
      ]
    }
    case 'case-admin-invitation': {
      const inv = await tx.invitation.findUnique({
        where: { id: n.invitationId },
        select: {
          email: true,
          expiresAt: true,
          invitedBy: { select: { name: true } },
          supportId: { select: { code: true, siteTimeZone: true, organisation: { select: { name: true } } } },
        },
      })
      if (!inv) throw new Error(`notify(case-admin-invitation): invitation ${n.invitationId} not found`)
      const existing = await tx.user.findUnique({ where: { email: inv.email }, select: { name: true, timeZone: true } })
      const r: MailRecipient = { email: inv.email, name: existing?.name ?? inv.email, timeZone: existing?.timeZone ?? inv.supportId.siteTimeZone }
      return [
        {
          to: inv.email,
          mail: caseAdminInvitationMail(r, {
            organisation: inv.supportId.organisation.name,
            supportIdCode: inv.supportId.code,
            invitedBy: inv.invitedBy.name,
            link: n.link,
            expiresAt: inv.expiresAt,
          }),
        },
      ]
    }
    case 'breach-warning': {
      const c = await loadCase(tx, n.caseId)
      if (!c.responseDueAt) return []
      const assignee = c.assignee && !c.assignee.disabledAt ? [c.assignee] : []
      const recipients = assignee.length ? assignee : await vendorUsers(tx, 'ENGINEER')
      const left = await timeLeft(tx, c, c.responseDueAt, now)
      return recipients.map((r) => ({
        to: r.email,
        mail: breachWarningMail(r, { case: summary(c), dueAt: c.responseDueAt!, left, assigned: assignee.length > 0 }),
      }))
    }
  }
}

/** Time left in the target's own clock: business minutes of the customer's calendar, or real minutes. */
async function timeLeft(tx: Tx, c: LoadedCase, dueAt: Date, now: Date): Promise<string> {
  if (c.targetClock === 'BUSINESS') {
    const cal = await calendarForSupportId(tx, c.supportIdId)
    const business = tierCalendar(c.tier, cal.timeZone, cal.holidays)
    if (business) return `${formatMinutes(businessMinutesBetween(business, now, dueAt))} of business time`
  }
  return formatMinutes(Math.max(0, (dueAt.getTime() - now.getTime()) / 60_000))
}

async function loadCase(tx: Tx, caseId: string) {
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      number: true,
      title: true,
      severity: true,
      tier: true,
      category: true,
      regionCode: true,
      openedAt: true,
      closedAt: true,
      targetKind: true,
      targetDueAt: true,
      targetMinutes: true,
      targetClock: true,
      responseDueAt: true,
      supportIdId: true,
      organisationId: true,
      organisation: { select: { name: true } },
      supportId: { select: { code: true } },
      openedBy: { select: { id: true, ...USER, organisation: { select: { kind: true, name: true } } } },
      assignee: { select: USER },
    },
  })
  if (!c) throw new Error(`notify: case ${caseId} not found`)
  return c
}
type LoadedCase = Awaited<ReturnType<typeof loadCase>>

const summary = (c: LoadedCase): CaseSummary => ({
  number: c.number,
  title: c.title,
  severity: c.severity,
  tier: c.tier,
  supportIdCode: c.supportId.code,
  url: appUrl(`/cases/${c.number}`),
})

/** The customer side of a case: the Support ID's License and Case Administrators, and the opener
 * while they may still see the case (a removed Case Administrator or a revoked partner hears nothing more). */
async function caseAudience(tx: Tx, c: LoadedCase): Promise<Recipient[]> {
  const admins = await supportIdAdmins(tx, c.supportIdId, c.organisationId)
  const opener = c.openedBy
  if (opener.disabledAt) return admins
  const reach: Pick<Actor, 'id' | 'organisationId' | 'orgKind'> = { id: opener.id, organisationId: opener.organisationId, orgKind: opener.organisation.kind }
  if (reach.orgKind === 'VENDOR') return admins
  // NOTE: supportIdWhere reads only id, organisationId and orgKind: the opener's reach, as if they asked now.
  const stillReaches = await tx.supportId.count({ where: { AND: [{ id: c.supportIdId }, supportIdWhere(reach as Actor)] } })
  return stillReaches ? [{ ...opener }, ...admins] : admins
}

/** License and Case Administrators of a Support ID (active accounts of the owning organisation). */
async function supportIdAdmins(tx: Tx, supportIdId: string, organisationId: string): Promise<Recipient[]> {
  const roles = await tx.supportIdRole.findMany({
    where: { supportIdId, role: { in: CASE_ROLES }, user: { disabledAt: null, organisationId } },
    select: { user: { select: USER } },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
  })
  return roles.map((r) => r.user)
}

async function vendorUsers(tx: Tx, role: 'MANAGER' | 'ENGINEER'): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { vendorRoles: { has: role }, disabledAt: null, organisation: { kind: 'VENDOR' } },
    select: USER,
    orderBy: { email: 'asc' },
  })
}

async function loadGrant(tx: Tx, grantId: string) {
  const g = await tx.partnerGrant.findUnique({
    where: { id: grantId },
    select: {
      status: true,
      requestedAt: true,
      decidedAt: true,
      partnerOrgId: true,
      partnerOrg: { select: { name: true } },
      requestedBy: { select: USER },
      supportId: { select: { id: true, code: true, organisationId: true } },
    },
  })
  if (!g) throw new Error(`notify: partner grant ${grantId} not found`)
  return g
}
