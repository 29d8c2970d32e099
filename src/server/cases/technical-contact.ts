import 'server-only'
import { prisma } from '@/server/db/client'
import { isVendor, type Actor } from '@/server/auth/actor'
import { AppError, parseInput } from '@/server/errors'
import { ZAddTechnicalContactInput } from '@/lib/cases/schemas'
import { contactMatters } from '@/lib/cases/severity-1-contact'
import { tierLabel } from '@/lib/cases/labels'
import { findVisibleCase, updateCase, versionToWrite } from './case-write'
import { isOpenStatus } from '@/lib/cases/status'

/**
 * The customer adds (or replaces) the technical contact of an open Severity 1 case on Production /
 * Premier: from then on the case is worked around the clock after its first response (the flag
 * `businessHoursOnly` is lifted). The initial response target does not change: it was the tier's
 * 24/7 target all along (decision 0016). Logged as a CaseEvent and an AuditEntry with the change.
 */
export async function addTechnicalContact({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  const data = parseInput(ZAddTechnicalContactInput, input)
  if (isVendor(actor)) throw new AppError('FORBIDDEN', 'Vendor staff do not set the technical contact: it is the customer’s; ask them to add it on the case')
  const c = await findVisibleCase(prisma, actor, number, {
    id: true,
    version: true,
    status: true,
    tier: true,
    severity: true,
    businessHoursOnly: true,
    technicalContactName: true,
    technicalContactPhone: true,
  })
  if (!isOpenStatus(c.status))
    throw new AppError('CONFLICT', `Case #${number} is ${c.status.toLowerCase().replaceAll('_', ' ')}: its technical contact can no longer change`)
  if (!contactMatters(c.tier, c.severity)) {
    throw new AppError(
      'UNPROCESSABLE',
      `A technical contact decides round-the-clock work only for Severity 1 on Production and Premier: case #${number} is Severity ${c.severity} on ${tierLabel(c.tier)}`,
    )
  }
  const version = versionToWrite(c, data.version)
  const before = { name: c.technicalContactName, phone: c.technicalContactPhone, businessHoursOnly: c.businessHoursOnly }
  const after = { name: data.name, phone: data.phone, businessHoursOnly: false }
  await prisma.$transaction(async (tx) => {
    await updateCase(tx, {
      caseId: c.id,
      version,
      actor,
      now,
      data: { technicalContactName: data.name, technicalContactPhone: data.phone, businessHoursOnly: false },
      events: [{ type: 'case.technical-contact-added', before, after }],
    })
    await tx.auditEntry.create({
      data: { actorId: actor.id, at: now, action: 'case.technical-contact-added', entityType: 'Case', entityId: c.id, data: { number, before, after } },
    })
  })
  return { number, technicalContact: { name: data.name, phone: data.phone }, businessHoursOnly: false }
}
