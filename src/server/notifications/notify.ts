import 'server-only'
import type { Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { CASE_ROLES, caseWhere, supportIdWhere } from '@/server/access/scope'
import { formatMinutes } from '@/lib/format'
import { formatBytes } from '@/lib/cases/uploads'
import { resolutionLabel } from '@/lib/cases/labels'
import { hasPhoneSupport } from '@/lib/cases/phone-support'
import { reopenDeadline } from '@/lib/cases/schemas'
import { businessMinutesBetween, tierCalendar } from '@/lib/sla'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { appUrl } from './app-url'
import { sealMailSecrets } from './secret-parts'
import {
  breachWarningMail,
  caseAdminInvitationMail,
  caseAssignedMail,
  caseOpenedMail,
  caseReopenedMail,
  caseResolvedMail,
  closedWithoutConsentMail,
  contactAttemptMail,
  customerActivityMail,
  engineerReplyMail,
  escalationAcknowledgedMail,
  escalationAssignedMail,
  escalationOpenedMail,
  escalationResolvedMail,
  informationRequestedMail,
  partnerDecisionMail,
  partnerRequestMail,
  severityChangedMail,
  type CaseSummary,
  type Mail,
  type MailRecipient,
  type TargetSummary,
} from './templates'

// `actorId`: the person whose action it is; they are never told about it themselves.
export type Notification =
  | { kind: 'case-opened'; caseId: string }
  | { kind: 'engineer-reply'; caseId: string; commentId: string }
  | { kind: 'information-requested'; caseId: string }
  | { kind: 'contact-attempt'; caseId: string; attemptId: string }
  | { kind: 'severity-changed'; caseId: string; actorId: string; from: number; reason: string }
  | { kind: 'case-resolved'; caseId: string; actorId: string }
  | { kind: 'closed-without-consent'; caseId: string }
  | { kind: 'escalation-opened'; escalationId: string }
  | { kind: 'escalation-acknowledged'; escalationId: string; actorId: string }
  | { kind: 'escalation-resolved'; escalationId: string; actorId: string }
  | { kind: 'escalation-assigned'; escalationId: string; actorId: string }
  | { kind: 'case-assigned'; caseId: string; actorId: string }
  | { kind: 'customer-activity'; caseId: string; actorId: string; commentId?: string; attachmentId?: string; resumed: boolean }
  | { kind: 'case-reopened'; caseId: string; actorId: string; commentId: string }
  | { kind: 'partner-request'; grantId: string }
  | { kind: 'partner-decision'; grantId: string }
  | { kind: 'case-admin-invitation'; invitationId: string; link: string }
  | { kind: 'breach-warning'; caseId: string }

type Recipient = MailRecipient & { id: string; organisationId: string; disabledAt: Date | null; organisation: { kind: 'CUSTOMER' | 'PARTNER' | 'VENDOR' } }
// `user`: a portal account (in-app notification, preferences, the visibility check); invitees may have none.
// `url`: the in-app link (a portal path); `caseId`: the case the message is about.
type Outgoing = { to: string; mail: Mail; user?: Recipient; url?: string; caseId?: string }

const USER = { id: true, email: true, name: true, timeZone: true, organisationId: true, disabledAt: true, organisation: { select: { kind: true } } } as const

/**
 * Resolves who must hear about a change and writes one OutboxMessage per recipient in the caller's
 * transaction: the mail exists exactly when the change is committed, and nothing is sent inline
 * (the outbox worker delivers it, with retries). Every message is about one Support ID, case or
 * invitation, and goes only to people entitled to see it, so no other organisation's data is
 * ever in a message. Returns the number of messages written.
 */
export async function notify(tx: Tx, notification: Notification, now: Date): Promise<number> {
  const outgoing = await compose(tx, notification, now)
  const actorId = 'actorId' in notification ? notification.actorId : null
  const unique = new Map<string, Outgoing>()
  for (const o of outgoing) {
    const key = o.to.trim().toLowerCase()
    if (o.user && (o.user.id === actorId || o.user.disabledAt)) continue
    // Nobody hears about a case they cannot see (access/scope.ts decides, as for every read).
    if (o.user && o.caseId && !(await canSeeCase(tx, o.user, o.caseId))) continue
    if (!unique.has(key)) unique.set(key, { ...o, to: key })
  }
  if (unique.size === 0) return 0
  const recipients = [...unique.values()]
  const userIds = recipients.flatMap((o) => (o.user ? [o.user.id] : []))
  const mailOff = new Set(
    (await tx.notificationSettings.findMany({ where: { userId: { in: userIds }, mailOff: { has: notification.kind } }, select: { userId: true } })).map(
      (s) => s.userId,
    ),
  )
  const mailed = recipients.filter((o) => !o.user || !mailOff.has(o.user.id))
  if (mailed.length) {
    await tx.outboxMessage.createMany({
      data: mailed.map((o) => ({
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
  }
  // The in-app list always has them, whatever the mail preference.
  const inApp = recipients.filter((o): o is Outgoing & { user: Recipient; url: string } => !!o.user && !!o.url)
  if (inApp.length) {
    await tx.notification.createMany({
      data: inApp.map((o) => ({
        userId: o.user.id,
        kind: notification.kind,
        title: o.mail.subject,
        body: o.mail.summary ?? '',
        url: o.url,
        caseId: o.caseId ?? null,
        createdAt: now,
      })),
    })
  }
  return mailed.length
}

async function canSeeCase(tx: Tx, u: Recipient, caseId: string): Promise<boolean> {
  // NOTE: caseWhere reads only id, organisationId and orgKind: the recipient's reach, as if they asked now.
  const reach = { id: u.id, organisationId: u.organisationId, orgKind: u.organisation.kind } as Actor
  return (await tx.case.count({ where: { AND: [{ id: caseId }, caseWhere(reach)] } })) > 0
}

/** One message per person, linking to the case. */
const toCase = (c: LoadedCase, people: Recipient[], mail: (r: Recipient) => Mail): Outgoing[] =>
  people.map((r) => ({ to: r.email, mail: mail(r), user: r, url: `/cases/${c.number}`, caseId: c.id }))

async function compose(tx: Tx, n: Notification, now: Date): Promise<Outgoing[]> {
  switch (n.kind) {
    case 'case-opened': {
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
          target: targetOf(c),
          phoneLines,
          businessHoursOnly: c.businessHoursOnly,
        }),
      )
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
      return toCase(c, await caseAudience(tx, c), (r) =>
        engineerReplyMail(r, { case: summary(c), author: comment.author.name, body: comment.body, at: comment.createdAt }),
      )
    }
    case 'information-requested': {
      const c = await loadCase(tx, n.caseId)
      const latest = await tx.comment.findFirst({
        where: { caseId: c.id, internal: false, author: { organisation: { kind: 'VENDOR' } } },
        orderBy: { createdAt: 'desc' },
        select: { body: true },
      })
      return toCase(c, await caseAudience(tx, c), (r) => informationRequestedMail(r, { case: summary(c), request: latest?.body ?? null }))
    }
    case 'contact-attempt': {
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
    case 'closed-without-consent': {
      const c = await loadCase(tx, n.caseId)
      return toCase(c, await caseAudience(tx, c), (r) =>
        closedWithoutConsentMail(r, { case: summary(c), closedAt: c.closedAt ?? now, newCaseUrl: appUrl(`/cases/new?related=${c.number}`) }),
      )
    }
    case 'severity-changed': {
      const c = await loadCase(tx, n.caseId)
      const by = await personName(tx, n.actorId)
      return toCase(c, await caseAudience(tx, c), (r) =>
        severityChangedMail(r, { case: summary(c), from: n.from, by, reason: n.reason, target: targetOf(c), firstResponseDone: !!c.firstResponseAt }),
      )
    }
    case 'case-resolved': {
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
    case 'escalation-acknowledged':
    case 'escalation-resolved': {
      const e = await loadEscalation(tx, n.escalationId)
      const c = await loadCase(tx, e.caseId)
      const manager = e.handledBy?.name ?? (await personName(tx, n.actorId))
      const people = [...(await caseAudience(tx, c)), e.requestedBy]
      return toCase(c, people, (r) =>
        n.kind === 'escalation-acknowledged'
          ? escalationAcknowledgedMail(r, { case: summary(c), manager, requestedBy: e.requestedBy.name, openedAt: e.openedAt, at: e.acknowledgedAt ?? now })
          : escalationResolvedMail(r, { case: summary(c), manager, resolution: e.resolution ?? '', at: e.resolvedAt ?? now }),
      )
    }
    case 'escalation-assigned': {
      const e = await loadEscalation(tx, n.escalationId)
      if (!e.assignedEngineer) return []
      const c = await loadCase(tx, e.caseId)
      const manager = await personName(tx, n.actorId)
      return toCase(c, [e.assignedEngineer], (r) =>
        escalationAssignedMail(r, { case: summary(c), organisation: c.organisation.name, manager, reason: e.reason }),
      )
    }
    case 'case-assigned': {
      const c = await loadCase(tx, n.caseId)
      if (!c.assignee) return []
      const by = await personName(tx, n.actorId)
      return toCase(c, [c.assignee], (r) =>
        caseAssignedMail(r, { case: summary(c), organisation: c.organisation.name, by, status: c.status.toLowerCase().replaceAll('_', ' ') }),
      )
    }
    case 'customer-activity': {
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
    case 'case-reopened': {
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
    case 'escalation-opened': {
      const e = await tx.escalation.findUnique({
        where: { id: n.escalationId },
        select: { reason: true, preferredContactTime: true, openedAt: true, caseId: true, requestedBy: { select: { name: true } } },
      })
      if (!e) throw new Error(`notify(escalation-opened): escalation ${n.escalationId} not found`)
      const c = await loadCase(tx, e.caseId)
      const managers = await vendorUsers(tx, 'MANAGER')
      return toCase(c, managers, (r) =>
        escalationOpenedMail(r, {
          case: summary(c),
          organisation: c.organisation.name,
          requestedBy: e.requestedBy.name,
          reason: e.reason,
          preferredContactTime: e.preferredContactTime,
          openedAt: e.openedAt,
          url: appUrl('/escalations'),
        }),
      ).map((o) => ({ ...o, url: '/escalations' }))
    }
    case 'partner-request': {
      const g = await loadGrant(tx, n.grantId)
      // A request for a code no Support ID has reaches no one (decision 0018).
      const s = g.supportId
      if (!s) return []
      const admins = await supportIdAdmins(tx, s.id, s.organisationId)
      return admins.map((r) => ({
        to: r.email,
        user: r,
        url: '/organisation',
        mail: partnerRequestMail(r, {
          supportIdCode: s.code,
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
          user: requester,
          url: '/partner',
          mail: partnerDecisionMail(requester, {
            supportIdCode: g.supportId?.code ?? g.requestedCode,
            status: g.status,
            decidedAt: g.decidedAt ?? now,
            url: appUrl('/partner'),
          }),
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
      return toCase(c, recipients, (r) => breachWarningMail(r, { case: summary(c), dueAt: c.responseDueAt!, left, assigned: assignee.length > 0 }))
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
      businessHoursOnly: true,
      regionCode: true,
      openedAt: true,
      closedAt: true,
      targetKind: true,
      targetDueAt: true,
      targetMinutes: true,
      targetClock: true,
      responseDueAt: true,
      firstResponseAt: true,
      status: true,
      resolutionCode: true,
      resolutionSummary: true,
      resolvedAt: true,
      supportIdId: true,
      organisationId: true,
      organisation: { select: { name: true } },
      supportId: { select: { code: true } },
      openedBy: { select: { ...USER, organisation: { select: { kind: true, name: true } } } },
      assignee: { select: USER },
    },
  })
  if (!c) throw new Error(`notify: case ${caseId} not found`)
  return c
}
type LoadedCase = Awaited<ReturnType<typeof loadCase>>

const targetOf = (c: LoadedCase): TargetSummary =>
  c.targetKind === 'DEADLINE' && c.targetDueAt && c.targetMinutes && c.targetClock
    ? { kind: 'DEADLINE', dueAt: c.targetDueAt, minutes: c.targetMinutes, clock: c.targetClock }
    : { kind: c.targetKind === 'BEST_EFFORT' ? 'BEST_EFFORT' : 'NONE' }

/** How a person is named to others: vendor staff as "name (Support)". */
async function personName(tx: Tx, userId: string): Promise<string> {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { name: true, organisation: { select: { kind: true, name: true } } } })
  if (!u) return 'Someone'
  return u.organisation.kind === 'VENDOR' ? `${u.name} (Support)` : u.organisation.kind === 'PARTNER' ? `${u.name} (${u.organisation.name})` : u.name
}

async function loadEscalation(tx: Tx, escalationId: string) {
  const e = await tx.escalation.findUnique({
    where: { id: escalationId },
    select: {
      caseId: true,
      reason: true,
      resolution: true,
      openedAt: true,
      acknowledgedAt: true,
      resolvedAt: true,
      requestedBy: { select: USER },
      handledBy: { select: { name: true } },
      assignedEngineer: { select: USER },
    },
  })
  if (!e) throw new Error(`notify: escalation ${escalationId} not found`)
  return e
}

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
  const opener = c.openedBy
  const everyAdmin = await supportIdAdmins(tx, c.supportIdId, c.organisationId)
  // Administrators may opt out of cases someone else opened (profile page, decision 0012).
  const optedOut = new Set(
    (await tx.notificationSettings.findMany({ where: { userId: { in: everyAdmin.map((a) => a.id) }, othersCases: false }, select: { userId: true } })).map(
      (s) => s.userId,
    ),
  )
  const admins = everyAdmin.filter((a) => a.id === opener.id || !optedOut.has(a.id))
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
      requestedCode: true,
      partnerOrg: { select: { name: true } },
      requestedBy: { select: USER },
      supportId: { select: { id: true, code: true, organisationId: true } },
    },
  })
  if (!g) throw new Error(`notify: partner grant ${grantId} not found`)
  return g
}
