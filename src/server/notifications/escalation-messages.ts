import 'server-only'
import type { Tx } from '@/server/db/client'
import { appUrl } from './app-url'
import { caseAudience, personName, vendorUsers } from './audiences'
import type { Composers, N, Outgoing } from './kinds'
import { loadCase, loadEscalation, summary, toCase } from './loaders'
import { escalationAcknowledgedMail, escalationAssignedMail, escalationOpenedMail, escalationResolvedMail } from './templates'

/** The "talk to a manager" messages: to the managers, the requester and the case's customer side, or the engineer assigned. */
export const ESCALATION_MESSAGES: Composers<'escalation-opened' | 'escalation-acknowledged' | 'escalation-resolved' | 'escalation-assigned'> = {
  'escalation-opened': escalationOpened,
  'escalation-acknowledged': escalationAnswered,
  'escalation-resolved': escalationAnswered,
  'escalation-assigned': escalationAssigned,
}

async function escalationOpened(tx: Tx, n: N<'escalation-opened'>): Promise<Outgoing[]> {
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

async function escalationAnswered(tx: Tx, n: N<'escalation-acknowledged' | 'escalation-resolved'>, now: Date): Promise<Outgoing[]> {
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

async function escalationAssigned(tx: Tx, n: N<'escalation-assigned'>): Promise<Outgoing[]> {
  const e = await loadEscalation(tx, n.escalationId)
  if (!e.assignedEngineer) return []
  const c = await loadCase(tx, e.caseId)
  const manager = await personName(tx, n.actorId)
  return toCase(c, [e.assignedEngineer], (r) => escalationAssignedMail(r, { case: summary(c), organisation: c.organisation.name, manager, reason: e.reason }))
}
