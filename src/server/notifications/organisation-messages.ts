import 'server-only'
import type { Tx } from '@/server/db/client'
import { appUrl } from './app-url'
import { supportIdAdmins } from './audiences'
import type { Composers, N, Outgoing } from './kinds'
import { loadGrant } from './loaders'
import { caseAdminInvitationMail, partnerDecisionMail, partnerRequestMail, type MailRecipient } from './templates'

/** The messages about who may act for an organisation: partner requests and decisions, Case Administrator invitations. */
export const ORGANISATION_MESSAGES: Composers<'partner-request' | 'partner-decision' | 'case-admin-invitation'> = {
  'partner-request': partnerRequest,
  'partner-decision': partnerDecision,
  'case-admin-invitation': caseAdminInvitation,
}

async function partnerRequest(tx: Tx, n: N<'partner-request'>): Promise<Outgoing[]> {
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

async function partnerDecision(tx: Tx, n: N<'partner-decision'>, now: Date): Promise<Outgoing[]> {
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

async function caseAdminInvitation(tx: Tx, n: N<'case-admin-invitation'>): Promise<Outgoing[]> {
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
