import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { supportIdWhere } from '@/server/access/scope'
import { AppError, parseInput } from '@/server/errors'
import { ZOpenCaseInput } from '@/lib/cases/schemas'
import type { Severity } from '@/lib/sla'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { supportIdStatus } from '@/server/support-ids/list-for-cases'
import { notify } from '@/server/notifications/notify'
import { appendCaseEvents } from './case-write'
import { computeCaseTarget } from './case-target'
import { toResponseTarget } from './response-target'

const SEVERITY_1_ROUND_THE_CLOCK = new Set(['PRODUCTION', 'PREMIER'])

/**
 * Opens a case for a License or Case Administrator of the Support ID, or a partner approved on
 * it. Everything the policy refuses is refused here, whatever the transport, before anything is
 * written: then the case, its response target and its first event are written together.
 */
export async function openCase({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const data = parseInput(ZOpenCaseInput, input)
  if (actor.orgKind === 'VENDOR') throw new AppError('FORBIDDEN', 'Vendor staff do not open cases for customers: ask the customer to open one')

  const supportId = await prisma.supportId.findFirst({
    where: { AND: [{ code: data.supportId }, supportIdWhere(actor)] },
    select: {
      id: true, code: true, tier: true, organisationId: true, regionCode: true, maintenanceEnd: true,
      region: { select: { name: true, languages: true, phoneLines: { select: { country: true, number: true, hours: true }, orderBy: { country: 'asc' } } } },
      products: { select: { productId: true } },
    },
  })
  if (!supportId) throw new AppError('NOT_FOUND', `Support ID ${data.supportId} was not found among the Support IDs you may open cases for`)

  if (supportIdStatus(supportId.maintenanceEnd, now) === 'EXPIRED' && data.category !== 'LICENSING') {
    throw new AppError('UNPROCESSABLE', `Support ID ${supportId.code}: maintenance ended on ${supportId.maintenanceEnd.toISOString().slice(0, 10)}. Only licensing cases (for example a renewal) can be opened on it.`)
  }
  if (data.category === 'FEEDBACK' && data.severity !== 4) {
    throw new AppError('UNPROCESSABLE', 'Feedback about websites and services is Severity 4 (general feedback): it has no response target')
  }
  if (!supportId.region.languages.includes(data.preferredLanguage)) {
    throw new AppError('UNPROCESSABLE', `${data.preferredLanguage} is not offered in ${supportId.region.name}: choose one of ${supportId.region.languages.join(', ')}`)
  }

  const covered = new Set(supportId.products.map((p) => p.productId))
  let productVersionId: string | null = null
  if (data.category !== 'FEEDBACK' || data.productVersionId || data.product) {
    const version = await prisma.productVersion.findFirst({
      where: data.productVersionId ? { id: data.productVersionId } : { name: data.version, product: { name: data.product } },
      select: { id: true, productId: true, name: true, product: { select: { name: true } } },
    })
    if (!version) throw new AppError('UNPROCESSABLE', 'That product version does not exist: choose one from the list')
    if (!covered.has(version.productId)) {
      throw new AppError('UNPROCESSABLE', `${version.product.name} is not covered by Support ID ${supportId.code}: open the case on the Support ID the product is licensed under`)
    }
    productVersionId = version.id
  }

  let relatedCaseId: string | null = null
  if (data.relatedCaseNumber !== undefined) {
    const related = await prisma.case.findFirst({ where: { number: data.relatedCaseNumber, supportIdId: supportId.id }, select: { id: true } })
    if (!related) throw new AppError('UNPROCESSABLE', `Case #${data.relatedCaseNumber} is not a case of Support ID ${supportId.code}`)
    relatedCaseId = related.id
  }

  const severity = data.severity as Severity
  const calendar = await calendarForSupportId(prisma, supportId.id)
  // Refuses N/A tier × severity combinations with the policy's reason (422).
  const target = computeCaseTarget({ tier: supportId.tier, severity, category: data.category, openedAt: now, calendar })
  const businessHoursOnly = severity === 1 && SEVERITY_1_ROUND_THE_CLOCK.has(supportId.tier) && !data.technicalContact

  const created = await prisma.$transaction(async (tx) => {
    const c = await tx.case.create({
      data: {
        supportIdId: supportId.id,
        organisationId: supportId.organisationId,
        tier: supportId.tier,
        regionCode: supportId.regionCode,
        productVersionId,
        category: data.category,
        severity,
        title: data.title,
        description: data.description,
        environment: data.environment || null,
        preferredLanguage: data.preferredLanguage,
        technicalContactName: data.technicalContact?.name ?? null,
        technicalContactPhone: data.technicalContact?.phone ?? null,
        businessHoursOnly,
        openedById: actor.id,
        openedAt: now,
        ...target,
        responseDueAt: target.targetDueAt,
        relatedCaseId,
        lastCustomerActivityAt: now,
      },
      select: { id: true, number: true, status: true, severity: true, tier: true, openedAt: true, targetKind: true, targetDueAt: true, targetMinutes: true, targetClock: true },
    })
    await appendCaseEvents(tx, {
      caseId: c.id,
      actor,
      now,
      events: [{
        type: 'case.opened',
        after: {
          severity, category: data.category, status: c.status, supportId: supportId.code,
          targetKind: target.targetKind, targetDueAt: target.targetDueAt?.toISOString() ?? null, targetMinutes: target.targetMinutes,
          businessHoursOnly, relatedCaseNumber: data.relatedCaseNumber ?? null,
        },
      }],
    })
    await notify(tx, { kind: 'case-opened', caseId: c.id }, now)
    return c
  })

  // Phone support needs an open case number; Free / NFR and feedback have no phone line.
  const phoneLines = supportId.tier === 'FREE_NFR' || data.category === 'FEEDBACK' ? [] : supportId.region.phoneLines
  return {
    number: created.number,
    status: created.status,
    severity: created.severity,
    tier: created.tier,
    category: data.category,
    supportId: supportId.code,
    openedAt: created.openedAt,
    businessHoursOnly,
    responseTarget: toResponseTarget(created),
    calendar,
    phoneLines,
  }
}
