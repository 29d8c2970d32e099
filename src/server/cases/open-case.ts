import 'server-only'
import { isBusinessHoursOnly } from '@/lib/cases/severity-1-contact'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Prisma } from '@/generated/prisma/client'
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
import { toResponseTarget } from '@/lib/sla-state'
import { hasPhoneSupport } from '@/lib/cases/phone-support'

/** What a client may send as an idempotency key: a form's UUID, or an API client's own token. */
export const ZIdempotencyKey = z
  .string({ error: 'The Idempotency-Key must be text' })
  .trim()
  .min(16, 'The Idempotency-Key must be 16 to 200 characters (a UUID, for example)')
  .max(200, 'The Idempotency-Key must be 16 to 200 characters (a UUID, for example)')
  .regex(/^[\x21-\x7e]+$/, 'The Idempotency-Key may hold only printable ASCII characters without spaces')

type OpenCaseResult = Awaited<ReturnType<typeof openNewCase>>
type OpenCaseArgs = { actor: Actor; input: unknown; now: Date; idempotencyKey?: unknown }

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002'

/** The answer recorded for this person's key, or null; the same key for another request is refused. */
async function replayOf(userId: string, key: string, requestHash: string): Promise<OpenCaseResult | null> {
  const row = await prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key } }, select: { requestHash: true, response: true } })
  if (!row) return null
  if (row.requestHash !== requestHash) {
    throw new AppError('UNPROCESSABLE', 'This Idempotency-Key was already used for a different case: send a new key (a new form) for a new case', [
      { path: 'idempotencyKey', message: 'Already used for a different case' },
    ])
  }
  return row.response as unknown as OpenCaseResult
}

/**
 * Opens a case, once per idempotency key (a hidden field of the form, the Idempotency-Key header
 * of the API): a repeat from the same person with the same key and body answers with the case the
 * first opened (`replayed: true`); with another body it is refused (422). Race-safe: the key's
 * unique index makes a concurrent repeat wait for the first transaction, then fail and replay.
 * Without a key every request opens a case (decision 0009).
 */
export async function openCaseOnce({ actor, input, now, idempotencyKey }: OpenCaseArgs): Promise<{ result: OpenCaseResult; replayed: boolean }> {
  if (idempotencyKey === undefined || idempotencyKey === null) return { result: await openNewCase({ actor, input, now }), replayed: false }
  const data = parseInput(ZOpenCaseInput, input)
  const parsedKey = ZIdempotencyKey.safeParse(idempotencyKey)
  if (!parsedKey.success)
    throw new AppError('BAD_REQUEST', `Invalid input: Idempotency-Key: ${parsedKey.error.issues[0]!.message}`, [
      { path: 'idempotencyKey', message: parsedKey.error.issues[0]!.message },
    ])
  const key = parsedKey.data
  const requestHash = createHash('sha256').update(JSON.stringify(data)).digest('hex')
  const earlier = await replayOf(actor.id, key, requestHash)
  if (earlier) return { result: earlier, replayed: true }
  try {
    return { result: await openNewCase({ actor, input, now, idempotency: { key, requestHash } }), replayed: false }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const replay = await replayOf(actor.id, key, requestHash)
    if (!replay) throw error
    return { result: replay, replayed: true }
  }
}

/** Opens a case (see openNewCase); with an idempotency key, at most once per key. */
export async function openCase(args: OpenCaseArgs): Promise<OpenCaseResult> {
  return (await openCaseOnce(args)).result
}

/**
 * Opens a case for a License or Case Administrator of the Support ID, or a partner approved on
 * it. Everything the policy refuses is refused here, whatever the transport, before anything is
 * written: then the case, its response target and its first event are written together.
 */
async function openNewCase({
  actor,
  input,
  now,
  idempotency,
}: {
  actor: Actor
  input: unknown
  now: Date
  idempotency?: { key: string; requestHash: string }
}) {
  const data = parseInput(ZOpenCaseInput, input)
  if (actor.orgKind === 'VENDOR') throw new AppError('FORBIDDEN', 'Vendor staff do not open cases for customers: ask the customer to open one')

  const supportId = await prisma.supportId.findFirst({
    where: { AND: [{ code: data.supportId }, supportIdWhere(actor)] },
    select: {
      id: true,
      code: true,
      tier: true,
      organisationId: true,
      regionCode: true,
      maintenanceEnd: true,
      region: { select: { name: true, languages: true, phoneLines: { select: { country: true, number: true, hours: true }, orderBy: { country: 'asc' } } } },
      products: { select: { productId: true } },
    },
  })
  if (!supportId) throw new AppError('NOT_FOUND', `Support ID ${data.supportId} was not found among the Support IDs you may open cases for`)

  if (supportIdStatus(supportId.maintenanceEnd, now) === 'EXPIRED' && data.category !== 'LICENSING') {
    throw new AppError(
      'UNPROCESSABLE',
      `Support ID ${supportId.code}: maintenance ended on ${supportId.maintenanceEnd.toISOString().slice(0, 10)}. Only licensing cases (for example a renewal) can be opened on it.`,
    )
  }
  if (data.category === 'FEEDBACK' && data.severity !== 4) {
    throw new AppError('UNPROCESSABLE', 'Feedback about websites and services is Severity 4 (general feedback): it has no response target')
  }
  if (!supportId.region.languages.includes(data.preferredLanguage)) {
    throw new AppError(
      'UNPROCESSABLE',
      `${data.preferredLanguage} is not offered in ${supportId.region.name}: choose one of ${supportId.region.languages.join(', ')}`,
    )
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
      throw new AppError(
        'UNPROCESSABLE',
        `${version.product.name} is not covered by Support ID ${supportId.code}: open the case on the Support ID the product is licensed under`,
      )
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
  const businessHoursOnly = isBusinessHoursOnly({ tier: supportId.tier, severity, hasContact: !!data.technicalContact })

  return prisma.$transaction(async (tx) => {
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
      select: {
        id: true,
        number: true,
        status: true,
        severity: true,
        tier: true,
        openedAt: true,
        targetKind: true,
        targetDueAt: true,
        targetMinutes: true,
        targetClock: true,
      },
    })
    await appendCaseEvents(tx, {
      caseId: c.id,
      actor,
      now,
      events: [
        {
          type: 'case.opened',
          after: {
            severity,
            category: data.category,
            status: c.status,
            supportId: supportId.code,
            targetKind: target.targetKind,
            targetDueAt: target.targetDueAt?.toISOString() ?? null,
            targetMinutes: target.targetMinutes,
            businessHoursOnly,
            relatedCaseNumber: data.relatedCaseNumber ?? null,
          },
        },
      ],
    })
    await notify(tx, { kind: 'case-opened', caseId: c.id }, now)
    // Phone support needs an open case number; Free / NFR and feedback have no phone support.
    const phoneLines = hasPhoneSupport({ tier: supportId.tier, category: data.category }) ? supportId.region.phoneLines : []
    const result = {
      number: c.number,
      status: c.status,
      severity: c.severity,
      tier: c.tier,
      category: data.category,
      supportId: supportId.code,
      openedAt: c.openedAt,
      businessHoursOnly,
      responseTarget: toResponseTarget(c),
      calendar,
      phoneLines,
    }
    // Last, so a concurrent repeat waits on the key's unique index until this commits, then replays it.
    if (idempotency) {
      await tx.idempotencyKey.create({
        data: {
          userId: actor.id,
          key: idempotency.key,
          requestHash: idempotency.requestHash,
          caseId: c.id,
          response: JSON.parse(JSON.stringify(result)) as Prisma.InputJsonValue,
          createdAt: now,
        },
      })
    }
    return result
  })
}
