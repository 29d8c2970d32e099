import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { AppError, parseInput } from '@/server/errors'
import { ZChangeSeverityInput } from '@/lib/cases/schemas'
import { isBusinessHoursOnly } from '@/lib/cases/severity-1-contact'
import type { Severity } from '@/lib/sla'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { findWorkableCase } from '@/server/access/case-work'
import { updateCase, versionToWrite } from './case-write'
import { computeCaseTarget } from './case-target'
import { isOpenStatus } from '@/lib/cases/status'
import { toResponseTarget } from '@/lib/sla-state'
import { notify } from '@/server/notifications/notify'

/**
 * Changes a case's severity, by the customer or by the engineer as agreed with them. The target
 * is recomputed from the case's opening time (policy), both values go to the event log with who
 * and why; an N/A combination for the tier is refused with the policy's reason.
 */
export async function changeSeverity({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  const data = parseInput(ZChangeSeverityInput, input)
  const c = await findWorkableCase(prisma, actor, number, {
    id: true,
    version: true,
    status: true,
    tier: true,
    category: true,
    severity: true,
    openedAt: true,
    supportIdId: true,
    firstResponseAt: true,
    targetKind: true,
    targetDueAt: true,
    targetMinutes: true,
    targetClock: true,
    technicalContactName: true,
    businessHoursOnly: true,
  })
  if (!isOpenStatus(c.status))
    throw new AppError('CONFLICT', `Case #${number} is ${c.status.toLowerCase().replaceAll('_', ' ')}: its severity can no longer change`)
  if (data.severity === c.severity) throw new AppError('CONFLICT', `Case #${number} is already Severity ${c.severity}`)
  if (c.category === 'FEEDBACK') throw new AppError('UNPROCESSABLE', 'Feedback cases stay Severity 4: they have no response target')
  const version = versionToWrite(c, data.version)
  const calendar = await calendarForSupportId(prisma, c.supportIdId)
  const target = computeCaseTarget({ tier: c.tier, severity: data.severity as Severity, category: c.category, openedAt: c.openedAt, calendar })
  // Raised to Severity 1 on a 24/7 tier without a technical contact: worked in business hours after the first response (decision 0016).
  const businessHoursOnly = isBusinessHoursOnly({ tier: c.tier, severity: data.severity, hasContact: !!c.technicalContactName })
  await prisma.$transaction(async (tx) => {
    await updateCase(tx, {
      caseId: c.id,
      version,
      actor,
      now,
      // A new target deserves its own breach warning.
      data: { severity: data.severity, businessHoursOnly, ...target, responseDueAt: c.firstResponseAt ? null : target.targetDueAt, breachWarningSentAt: null },
      events: [
        {
          type: 'case.severity-changed',
          before: {
            severity: c.severity,
            businessHoursOnly: c.businessHoursOnly,
            targetKind: c.targetKind,
            targetDueAt: c.targetDueAt?.toISOString() ?? null,
            targetMinutes: c.targetMinutes,
          },
          after: {
            severity: data.severity,
            businessHoursOnly,
            targetKind: target.targetKind,
            targetDueAt: target.targetDueAt?.toISOString() ?? null,
            targetMinutes: target.targetMinutes,
            reason: data.reason,
          },
        },
      ],
    })
    await notify(tx, { kind: 'severity-changed', caseId: c.id, actorId: actor.id, from: c.severity, reason: data.reason }, now)
  })
  return { number, severity: data.severity, responseTarget: toResponseTarget(target) }
}
