import 'server-only'
import { prisma } from '@/server/db/client'
import { hasVendorRole, type Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { findVisibleCase } from '@/server/cases/case-write'
import { slaState } from '@/lib/sla-state'
import { responseStanding } from '@/lib/response-standing'
import { isOpenStatus } from '@/lib/cases/status'
import { contactStandingFor } from './contact-attempts'
import { listEngineers } from './assign-case'
import { CASE_WORKERS } from './work-case'
import { mayWorkCase } from '@/server/access/case-work'

export type EscalationNote = { at: string; by: string; text: string }

/** Everything vendor staff need to work one case: assignment, SLA internals, contact attempts, escalations. */
export async function getVendorCaseTools({ actor, number, now }: { actor: Actor; number: number; now: Date }) {
  requireVendor(actor)
  const c = await findVisibleCase(prisma, actor, number, {
    id: true,
    number: true,
    version: true,
    status: true,
    tier: true,
    severity: true,
    supportIdId: true,
    openedAt: true,
    targetKind: true,
    targetDueAt: true,
    targetMinutes: true,
    targetClock: true,
    firstResponseAt: true,
    responseDueAt: true,
    lastCustomerActivityAt: true,
    resolutionCode: true,
    resolutionSummary: true,
    resolvedAt: true,
    closedAt: true,
    businessHoursOnly: true,
    assignee: { select: { id: true, name: true, email: true } },
    supportId: { select: { code: true, accountManager: { select: { name: true, email: true } } } },
  })
  const isManager = hasVendorRole(actor, 'MANAGER')
  const [contact, engineers, escalations] = await Promise.all([
    contactStandingFor(prisma, c),
    listEngineers(),
    prisma.escalation.findMany({
      where: { caseId: c.id },
      orderBy: { openedAt: 'asc' },
      select: {
        id: true,
        status: true,
        reason: true,
        preferredContactTime: true,
        openedAt: true,
        acknowledgedAt: true,
        resolvedAt: true,
        resolution: true,
        notes: true,
        requestedBy: { select: { name: true } },
        handledBy: { select: { name: true } },
        assignedEngineer: { select: { name: true, email: true } },
      },
    }),
  ])
  const sla = slaState({ ...c, calendar: contact.calendar }, now)
  const standing = responseStanding({ ...c, calendar: contact.calendar }, now)
  const open = isOpenStatus(c.status)
  const worker = hasVendorRole(actor, ...CASE_WORKERS) && (await mayWorkCase(prisma, actor, c.number))
  // Why the forms are missing, for vendor staff who see the case but may not change it (decision 0009).
  const workNote = worker
    ? null
    : hasVendorRole(actor, 'SUPPORT_ACCOUNT_MANAGER')
      ? 'You work the cases of the Premier Support IDs you are the account manager of: this one is worked by its support engineers.'
      : 'Case work is for support engineers, managers and account managers.'
  return {
    case: c,
    sla,
    standing,
    calendar: contact.calendar,
    contact,
    engineers,
    workNote,
    escalations: escalations.map((e) => ({ ...e, notes: (Array.isArray(e.notes) ? e.notes : []) as EscalationNote[] })),
    can: {
      assign: open && hasVendorRole(actor, 'ENGINEER', 'MANAGER'),
      take: open && hasVendorRole(actor, 'ENGINEER') && c.assignee?.id !== actor.id,
      reply: worker && c.status !== 'CLOSED',
      requestInformation: worker && open && c.status !== 'WAITING_ON_CUSTOMER',
      logContactAttempt: worker && open,
      /** May work this case (the resolution section keeps its confirmation once the case is resolved). */
      work: worker,
      resolve: worker && open,
      closeWithoutConsent: worker && open && contact.closeWithoutConsentAllowed,
      close: worker && c.status === 'RESOLVED',
      manageEscalations: isManager,
    },
  }
}
export type VendorCaseTools = Awaited<ReturnType<typeof getVendorCaseTools>>
