// The text of every notification e-mail. Pure: data in, { subject, text } out, so the wording is
// unit-tested and nothing here can read another organisation's rows. Times are shown in the
// recipient's own zone (never guessed from a locale).
import 'server-only'
import { formatInstant } from '@/lib/format'
import { describeDuration, type Tier } from '@/lib/sla'
import type { CaseResponseTarget } from '@/lib/sla-state'
import { contactMatters, severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import { tierLabel } from '@/lib/cases/labels'
import { secretPart, type MailSecrets } from '@/lib/mail-secrets'

export type MailRecipient = { email: string; name: string; timeZone: string }
/** `secrets`: values a credential-bearing mail needs (an invitation link). The text holds only
 * `secretPart(name)` placeholders; the outbox seals the values and fills them in at delivery,
 * for the recipient alone (decision 0007). `summary` is the one line the in-app notification
 * list shows under the subject. */
export type Mail = { subject: string; text: string; secrets?: MailSecrets; summary?: string }

const SIGNATURE = '\n\n—\nVault Software Support Portal\nThis message was sent by the support portal; replies to it are not read.'

const at = (instant: Date, timeZone: string) => `${formatInstant(instant, timeZone)} (${timeZone})`
const hello = (r: MailRecipient) => `Hello ${r.name},\n\n`
const indent = (body: string) =>
  body
    .split('\n')
    .map((l) => `  > ${l}`)
    .join('\n')

export type CaseSummary = {
  number: number
  title: string
  severity: number
  tier: string
  supportIdCode: string
  url: string
}

export function describeTarget(target: CaseResponseTarget, timeZone: string): string {
  if (target.kind === 'best-effort') return 'best effort (no response target for this tier)'
  if (target.kind === 'none') return 'none (feedback has no response target)'
  return `${describeDuration(target.minutes, target.clock)}, due by ${at(target.dueAt, timeZone)}`
}

const caseLine = (c: CaseSummary) => `Case #${c.number}: ${c.title}\nSupport ID ${c.supportIdCode} (${tierLabel(c.tier)}) · Severity ${c.severity}`

export function caseOpenedMail(
  r: MailRecipient,
  d: {
    case: CaseSummary
    openedBy: string
    openedAt: Date
    target: CaseResponseTarget
    phoneLines: { country: string; number: string }[]
    businessHoursOnly?: boolean
  },
): Mail {
  // Severity 1 on Production / Premier: the same sentence as the form, the case page and the queue (decision 0016).
  const hours = contactMatters(d.case.tier, d.case.severity)
    ? `\n${severity1WorkSentence({ tier: d.case.tier as Tier, hasContact: !d.businessHoursOnly })}${d.businessHoursOnly ? ` Add the technical contact on the case: ${d.case.url}` : ''}`
    : ''
  const phones = d.phoneLines.length
    ? `\n\nPhone support: quote case number #${d.case.number} when you call.\n${d.phoneLines.map((p) => `  ${p.country}: ${p.number}`).join('\n')}`
    : ''
  return {
    subject: `Case #${d.case.number} opened: ${d.case.title}`,
    text:
      `${hello(r)}${d.openedBy} opened a case on ${at(d.openedAt, r.timeZone)}.\n\n${caseLine(d.case)}\n` +
      `Initial response target: ${describeTarget(d.target, r.timeZone)}.${hours}${phones}\n\nFollow the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function engineerReplyMail(r: MailRecipient, d: { case: CaseSummary; author: string; body: string; at: Date }): Mail {
  return {
    subject: `Case #${d.case.number}: new reply from support`,
    text: `${hello(r)}${d.author} replied on ${at(d.at, r.timeZone)}:\n\n${indent(d.body)}\n\n${caseLine(d.case)}\n\nReply on the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function informationRequestedMail(r: MailRecipient, d: { case: CaseSummary; request: string | null }): Mail {
  const request = d.request ? `\n\nThe engineer wrote:\n\n${indent(d.request)}` : ''
  return {
    subject: `Case #${d.case.number}: information requested`,
    text:
      `${hello(r)}The support engineer working on your case needs information from you before they can continue.${request}\n\n` +
      `${caseLine(d.case)}\n\nAdd the information or upload the files on the case: ${d.case.url}${SIGNATURE}`,
  }
}

const CHANNELS: Record<string, string> = { PHONE: 'by phone', EMAIL: 'by e-mail' }
const OUTCOMES: Record<string, string> = { NO_ANSWER: 'there was no answer', VOICEMAIL: 'a voicemail was left', REACHED: 'we reached you' }

export function contactAttemptMail(
  r: MailRecipient,
  d: { case: CaseSummary; engineer: string; at: Date; channel: string; outcome: string; unanswered: number },
): Mail {
  const warning =
    d.outcome === 'REACHED'
      ? ''
      : `\n\nUnanswered attempts on this case so far: ${d.unanswered}. After three unanswered attempts on three separate business days the case may be closed without your consent.`
  return {
    subject: `Case #${d.case.number}: we tried to contact you`,
    text:
      `${hello(r)}${d.engineer} tried to reach you ${CHANNELS[d.channel] ?? d.channel} on ${at(d.at, r.timeZone)}; ${OUTCOMES[d.outcome] ?? d.outcome}.${warning}\n\n` +
      `${caseLine(d.case)}\n\nPlease get in touch through the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function closedWithoutConsentMail(r: MailRecipient, d: { case: CaseSummary; closedAt: Date; newCaseUrl: string }): Mail {
  return {
    subject: `Case #${d.case.number} closed: no response from you`,
    text:
      `${hello(r)}Case #${d.case.number} was closed on ${at(d.closedAt, r.timeZone)} without your consent, after three unanswered contact attempts on three separate business days.\n\n` +
      `${caseLine(d.case)}\n\nIf the problem persists, open a new case and reference case #${d.case.number}: ${d.newCaseUrl}${SIGNATURE}`,
  }
}

export function escalationOpenedMail(
  r: MailRecipient,
  d: { case: CaseSummary; organisation: string; requestedBy: string; reason: string; preferredContactTime: string | null; openedAt: Date; url: string },
): Mail {
  const contact = d.preferredContactTime ? `\nPreferred contact time: ${d.preferredContactTime}` : ''
  return {
    subject: `Escalation on case #${d.case.number} (${d.organisation})`,
    text:
      `${hello(r)}${d.requestedBy} of ${d.organisation} asked to talk to a manager on ${at(d.openedAt, r.timeZone)}.\n\nReason:\n${indent(d.reason)}${contact}\n\n` +
      `${caseLine(d.case)}\n\nHandle it from the escalations queue: ${d.url}${SIGNATURE}`,
  }
}

export function partnerRequestMail(
  r: MailRecipient,
  d: { supportIdCode: string; partnerOrg: string; requestedBy: string; requestedByEmail: string; requestedAt: Date; url: string },
): Mail {
  return {
    subject: `${d.partnerOrg} requests access to Support ID ${d.supportIdCode}`,
    text:
      `${hello(r)}${d.requestedBy} (${d.requestedByEmail}) of the support partner ${d.partnerOrg} asked on ${at(d.requestedAt, r.timeZone)} ` +
      `to open and manage cases on your behalf on Support ID ${d.supportIdCode}.\n\nThe request is pending until a License or Case Administrator of the Support ID approves or declines it. ` +
      `An approved partner sees only this Support ID and its cases, and you may revoke the access at any time.\n\nDecide on your organisation page: ${d.url}${SIGNATURE}`,
  }
}

const DECISIONS: Record<string, { subject: string; text: string }> = {
  APPROVED: { subject: 'approved', text: "approved your request. You may now open and manage cases on this Support ID on the customer's behalf" },
  DECLINED: { subject: 'declined', text: 'declined your request. You cannot open cases on this Support ID' },
  REVOKED: { subject: 'revoked', text: 'revoked your access. You can no longer open or see cases on this Support ID' },
}

export function partnerDecisionMail(r: MailRecipient, d: { supportIdCode: string; status: string; decidedAt: Date; url: string }): Mail {
  const decision = DECISIONS[d.status] ?? { subject: d.status.toLowerCase(), text: `set your request to ${d.status.toLowerCase()}` }
  return {
    subject: `Access to Support ID ${d.supportIdCode} ${decision.subject}`,
    text: `${hello(r)}On ${at(d.decidedAt, r.timeZone)} the customer's administrator ${decision.text}.\n\nSupport ID: ${d.supportIdCode}\n\nYour access requests: ${d.url}${SIGNATURE}`,
  }
}

export function caseAdminInvitationMail(
  r: MailRecipient,
  d: { organisation: string; supportIdCode: string; invitedBy: string; link: string; expiresAt: Date },
): Mail {
  return {
    subject: `You are invited to be a Case Administrator for ${d.organisation}`,
    text:
      `Hello,\n\n${d.invitedBy} invited you to be a Case Administrator of ${d.organisation}'s Support ID ${d.supportIdCode}: ` +
      `you will be able to open, update and close support cases on it.\n\nAccept the invitation (if you have no account yet, you will create one): ${secretPart('link')}\n\n` +
      `The link works once and expires on ${at(d.expiresAt, r.timeZone)}. If you did not expect this message, ignore it.${SIGNATURE}`,
    secrets: { link: d.link },
  }
}

export function breachWarningMail(r: MailRecipient, d: { case: CaseSummary; dueAt: Date; left: string; assigned: boolean }): Mail {
  const who = d.assigned ? 'assigned to you' : 'unassigned and waiting in the queue'
  return {
    subject: `Response target of case #${d.case.number} is about to be breached`,
    text:
      `${hello(r)}Case #${d.case.number} is ${who}, and its initial response is due by ${at(d.dueAt, r.timeZone)} (${d.left} left).\n\n` +
      `${caseLine(d.case)}\n\nRespond on the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function severityChangedMail(
  r: MailRecipient,
  d: { case: CaseSummary; from: number; by: string; reason: string; target: CaseResponseTarget; firstResponseDone: boolean },
): Mail {
  const target = d.firstResponseDone
    ? 'The initial response was already given, so the new target changes nothing on this case.'
    : `New initial response target (counted from the opening of the case): ${describeTarget(d.target, r.timeZone)}.`
  return {
    subject: `Case #${d.case.number}: severity changed from ${d.from} to ${d.case.severity}`,
    summary: `${d.by} changed Severity ${d.from} → ${d.case.severity}: ${d.reason}`,
    text:
      `${hello(r)}${d.by} changed the severity of case #${d.case.number} from ${d.from} to ${d.case.severity}.\n\nWhy:\n${indent(d.reason)}\n\n${target}\n\n` +
      `${caseLine(d.case)}\n\nFollow the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function caseResolvedMail(
  r: MailRecipient,
  d: { case: CaseSummary; resolution: string; summary: string; by: string; resolvedAt: Date; reopenUntil: Date },
): Mail {
  return {
    subject: `Case #${d.case.number} resolved: ${d.resolution}`,
    summary: `${d.by}: ${d.resolution}`,
    text:
      `${hello(r)}${d.by} resolved case #${d.case.number} on ${at(d.resolvedAt, r.timeZone)}.\n\nResolution: ${d.resolution}\n\nSummary:\n${indent(d.summary)}\n\n${caseLine(d.case)}\n\n` +
      `If this solved it, confirm it on the case page (that closes the case) and tell us how we did: ${d.case.url}\n` +
      `If this did not solve the problem, reopen the case from its page by replying to it until ${at(d.reopenUntil, r.timeZone)} (14 days after the resolution).\n` +
      `After that, or once it is closed, open a new case that references case #${d.case.number}.${SIGNATURE}`,
  }
}

export function caseReopenedMail(r: MailRecipient, d: { case: CaseSummary; organisation: string; by: string; at: Date; comment: string }): Mail {
  return {
    subject: `Case #${d.case.number} reopened: the customer replied to your resolution`,
    summary: `${d.by} reopened it`,
    text:
      `${hello(r)}${d.by} (${d.organisation}) replied to the resolved case #${d.case.number} on ${at(d.at, r.timeZone)}, which reopened it: it is in progress again and back with you.\n\n` +
      `${indent(d.comment)}\n\n${caseLine(d.case)}\n\nWork the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function escalationAcknowledgedMail(r: MailRecipient, d: { case: CaseSummary; manager: string; requestedBy: string; openedAt: Date; at: Date }): Mail {
  return {
    subject: `Case #${d.case.number}: a manager is handling your escalation`,
    summary: `${d.manager} took up the request to talk to a manager`,
    text:
      `${hello(r)}${d.manager}, Support Manager, took up on ${at(d.at, r.timeZone)} the request to talk to a manager that ${d.requestedBy} made on ${at(d.openedAt, r.timeZone)}. ` +
      `They will contact you.\n\n${caseLine(d.case)}\n\nFollow the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function escalationResolvedMail(r: MailRecipient, d: { case: CaseSummary; manager: string; resolution: string; at: Date }): Mail {
  return {
    subject: `Case #${d.case.number}: your escalation is resolved`,
    summary: `${d.manager}: ${d.resolution}`,
    text:
      `${hello(r)}${d.manager}, Support Manager, resolved the request to talk to a manager on ${at(d.at, r.timeZone)}.\n\nWhat was agreed:\n${indent(d.resolution)}\n\n` +
      `${caseLine(d.case)}\n\nThe case itself stays open until it is resolved: ${d.case.url}${SIGNATURE}`,
  }
}

export function caseAssignedMail(r: MailRecipient, d: { case: CaseSummary; organisation: string; by: string; status: string }): Mail {
  return {
    subject: `Case #${d.case.number} assigned to you`,
    summary: `${d.by} assigned it to you (${d.organisation})`,
    text: `${hello(r)}${d.by} assigned case #${d.case.number} of ${d.organisation} to you. It is ${d.status}.\n\n${caseLine(d.case)}\n\nWork the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function customerActivityMail(
  r: MailRecipient,
  d: { case: CaseSummary; organisation: string; by: string; at: Date; comment: string | null; file: { name: string; size: string } | null; resumed: boolean },
): Mail {
  const what = d.file ? `uploaded ${d.file.name} (${d.file.size})` : 'replied'
  const body = d.comment ? `:\n\n${indent(d.comment)}` : '.'
  const resumed = d.resumed ? '\n\nThe case was waiting on the customer and is back in progress.' : ''
  return {
    subject: `Case #${d.case.number}: the customer ${d.file ? 'uploaded a file' : 'replied'}`,
    summary: `${d.by} ${what}`,
    text: `${hello(r)}${d.by} (${d.organisation}) ${what} on ${at(d.at, r.timeZone)}${body}${resumed}\n\n${caseLine(d.case)}\n\nWork the case: ${d.case.url}${SIGNATURE}`,
  }
}

export function escalationAssignedMail(r: MailRecipient, d: { case: CaseSummary; organisation: string; manager: string; reason: string }): Mail {
  return {
    subject: `Escalated case #${d.case.number} assigned to you`,
    summary: `${d.manager} assigned you the escalation (${d.organisation})`,
    text:
      `${hello(r)}${d.manager} assigned you to work the escalated case #${d.case.number} of ${d.organisation}.\n\nThe customer's reason for asking for a manager:\n${indent(d.reason)}\n\n` +
      `${caseLine(d.case)}\n\nWork the case: ${d.case.url}${SIGNATURE}`,
  }
}
