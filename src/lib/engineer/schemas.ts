// Inputs of the vendor side (queue, working a case, escalations, reports), shared by the forms,
// the Server Actions and the JSON API. Database-dependent checks run in the services.
import { z } from 'zod'
import { INT32_MAX, zInstant, zIsoDate, zText } from '@/lib/text'
import { OPEN_STATUSES } from '@/lib/cases/status'

const trimmed = (label: string, min: number, max: number) =>
  zText(label, `${label} is required`)
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)

/** The version a form read (optimistic locking); API callers may omit it to use the current one. */
const ZVersion = z.coerce.number({ error: 'version must be a whole number' }).int().nonnegative().max(INT32_MAX, 'version is out of range').optional()

export const TIER_VALUES = ['PREMIER', 'PRODUCTION', 'BASIC', 'EVALUATION', 'FREE_NFR'] as const

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: `${label} must be one of ${values.join(', ')}` }).optional())
const optionalText = (max: number, label: string) => z.preprocess(blankToUndefined, zText(label).trim().min(1).max(max).optional())

export const ZQueueQuery = z
  .object({
    region: optionalText(16, 'region'),
    language: optionalText(64, 'language'),
    tier: optionalEnum(TIER_VALUES, 'tier'),
    severity: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(1, 'severity must be 1, 2, 3 or 4').max(4, 'severity must be 1, 2, 3 or 4').optional(),
    ),
    product: optionalText(200, 'product'),
    status: optionalEnum(OPEN_STATUSES, 'status'),
    assignee: optionalEnum(['mine', 'unassigned'] as const, 'assignee'),
    cursor: optionalText(200, 'cursor'),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, 'limit must be 1–200').max(200, 'limit must be 1–200').optional()),
  })
  .strict()
export type TQueueQuery = z.infer<typeof ZQueueQuery>

export const ZAssignCaseInput = z
  .object({
    engineer: z.preprocess(blankToUndefined, z.email('engineer must be an e-mail address').optional()),
    version: ZVersion,
  })
  .strict()
export type TAssignCaseInput = z.infer<typeof ZAssignCaseInput>

export const ZReplyInput = z
  .object({
    body: trimmed('Reply', 1, 20_000),
    public: z.preprocess(
      (v) => (v === 'true' || v === 'on' ? true : v === 'false' ? false : v),
      z.boolean({ error: 'public must be true (a reply the customer sees) or false (an internal note)' }),
    ),
    version: ZVersion,
  })
  .strict()
export type TReplyInput = z.infer<typeof ZReplyInput>

export const ZRequestInformationInput = z.object({ body: trimmed('Request', 5, 20_000), version: ZVersion }).strict()
export type TRequestInformationInput = z.infer<typeof ZRequestInformationInput>

export const CONTACT_CHANNELS = ['phone', 'email'] as const
export const CONTACT_OUTCOMES = ['no-answer', 'voicemail', 'reached'] as const

/** The outcomes that make sense on a channel: a voicemail is left on a phone call only. */
export function contactOutcomesFor(channel: (typeof CONTACT_CHANNELS)[number]): (typeof CONTACT_OUTCOMES)[number][] {
  return channel === 'phone' ? [...CONTACT_OUTCOMES] : CONTACT_OUTCOMES.filter((o) => o !== 'voicemail')
}

export const ZContactAttemptInput = z
  .object({
    at: z.preprocess(blankToUndefined, zInstant('at').optional()),
    channel: z.enum(CONTACT_CHANNELS, { error: 'channel must be "phone" or "email"' }),
    outcome: z.enum(CONTACT_OUTCOMES, { error: 'outcome must be "no-answer", "voicemail" or "reached"' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!contactOutcomesFor(v.channel).includes(v.outcome)) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'Outcome: a voicemail can only be left on a phone call; for an e-mail choose "No answer" or "Reached the customer"',
      })
    }
  })
export type TContactAttemptInput = z.infer<typeof ZContactAttemptInput>

export const RESOLUTION_CODES = [
  'SOLUTION_OR_WORKAROUND',
  'HOTFIX_OR_PATCH',
  'UPGRADE',
  'KNOWLEDGE_BASE',
  'THIRD_PARTY',
  'FEATURE_REQUEST',
  'NO_RESPONSE',
  'DUPLICATE',
] as const
export type ResolutionCodeValue = (typeof RESOLUTION_CODES)[number]

export const ZResolveInput = z
  .object({
    code: z.enum(RESOLUTION_CODES, { error: `code must be one of ${RESOLUTION_CODES.join(', ')}` }),
    summary: trimmed('Summary', 5, 4_000),
    duplicateOf: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().positive('duplicateOf must be a case number').max(INT32_MAX, 'duplicateOf must be a case number').optional(),
    ),
    version: ZVersion,
  })
  .strict()
  .refine((v) => v.code !== 'DUPLICATE' || v.duplicateOf !== undefined, { message: 'Name the case this one duplicates', path: ['duplicateOf'] })
export type TResolveInput = z.infer<typeof ZResolveInput>

export const ZCloseResolvedInput = z.object({ version: ZVersion }).strict()

export const ZEscalationNoteInput = z.object({ note: trimmed('Note', 1, 4_000) }).strict()
export const ZEscalationAssignInput = z.object({ engineer: z.email('engineer must be an e-mail address') }).strict()
export const ZEscalationResolveInput = z.object({ resolution: trimmed('Resolution', 5, 4_000) }).strict()
export const ZEscalationQuery = z.object({ status: optionalEnum(['open', 'all'] as const, 'status') }).strict()

const ZDate = zIsoDate('date')
export const ZComplianceQuery = z
  .object({
    from: ZDate,
    to: ZDate,
    format: optionalEnum(['json', 'csv'] as const, 'format'),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'from must not be after to', path: ['to'] })
export type TComplianceQuery = z.infer<typeof ZComplianceQuery>

// Response shapes of the vendor API (documentation: the OpenAPI document is generated from them).
const ZTarget = z.union([
  z.object({ kind: z.literal('deadline'), dueAt: z.iso.datetime(), minutes: z.number().int(), clock: z.enum(['business', 'continuous']) }),
  z.object({ kind: z.literal('best-effort') }),
  z.object({ kind: z.literal('none') }),
])
const ZPerson = z.object({ name: z.string(), email: z.string() })
const ZResponseStatus = z.enum(['pending', 'met', 'breached', 'best-effort'])

export const ZQueueResponse = z.object({
  cases: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      organisation: z.string(),
      supportId: z.string(),
      tier: z.enum(TIER_VALUES),
      severity: z.number().int(),
      businessHoursOnly: z
        .boolean()
        .describe('Severity 1 on Production / Premier without a technical contact: worked in business hours after the 24/7 initial response'),
      region: z.string(),
      language: z.string(),
      status: z.enum(OPEN_STATUSES),
      product: z.string().nullable(),
      openedAt: z.iso.datetime(),
      responseTarget: ZTarget,
      responseStatus: ZResponseStatus,
      timeLeftMinutes: z
        .number()
        .nullable()
        .describe(
          'Pending deadline: minutes left in the target’s clock (business minutes for business-hours tiers); negative once breached; null without a pending deadline',
        ),
      assignee: ZPerson.nullable(),
      accountManager: ZPerson.nullable().describe('Premier cases: the support account manager'),
    }),
  ),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page'),
})

export const ZContactAttemptResponse = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  channel: z.enum(CONTACT_CHANNELS),
  outcome: z.enum(CONTACT_OUTCOMES),
  businessDay: z.iso.date().describe("The customer's local date of the attempt"),
  verdict: z.enum(['counted', 'same-day', 'not-a-business-day', 'outside-business-hours', 'reached', 'before-reset']),
  contactAttempts: z.object({ businessDays: z.number().int(), required: z.literal(3), closeWithoutConsentAllowed: z.boolean() }),
})

export const ZEscalationsResponse = z.object({
  escalations: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['OPEN', 'ACKNOWLEDGED', 'RESOLVED']),
      reason: z.string(),
      preferredContactTime: z.string().nullable(),
      openedAt: z.iso.datetime(),
      acknowledgedAt: z.iso.datetime().nullable(),
      resolvedAt: z.iso.datetime().nullable(),
      resolution: z.string().nullable(),
      requestedBy: z.string(),
      handledBy: ZPerson.nullable(),
      assignedEngineer: ZPerson.nullable().describe('The engineer a manager assigned through this escalation'),
      engineer: ZPerson.nullable().describe("The engineer working the case now (the case's assignee); null when unassigned"),
      notes: z.array(z.object({ at: z.iso.datetime(), by: z.string(), text: z.string() })),
      case: z.object({
        number: z.number().int(),
        title: z.string(),
        status: z.string(),
        organisation: z.string(),
        tier: z.enum(TIER_VALUES),
        severity: z.number().int(),
        region: z.string(),
        assignee: ZPerson.nullable(),
        responseTarget: ZTarget,
        responseStatus: ZResponseStatus,
        timeLeftMinutes: z.number().nullable(),
        breachedByMinutes: z.number().nullable(),
        responseStanding: z.object({ kind: z.enum(['pending', 'breached', 'met', 'closed-unanswered', 'best-effort', 'no-target']), text: z.string() }),
      }),
    }),
  ),
})

const ZComplianceCounts = z.object({
  opened: z.number().int(),
  withTarget: z.number().int(),
  met: z.number().int(),
  breached: z.number().int(),
  pending: z.number().int(),
  noTarget: z.number().int(),
  responded: z.number().int(),
  compliancePct: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
})
const ZSatisfactionCounts = z.object({
  rated: z.number().int(),
  good: z.number().int(),
  bad: z.number().int(),
  goodPct: z.number().nullable().describe('good ÷ rated, in percent'),
})

export const ZComplianceResponse = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  timeZone: z.string(),
  generatedAt: z.iso.datetime(),
  rows: z.array(ZComplianceCounts.extend({ tier: z.enum(TIER_VALUES), severity: z.number().int(), region: z.string() })),
  byTier: z.array(ZComplianceCounts.extend({ tier: z.enum(TIER_VALUES) })),
  totals: ZComplianceCounts,
  // Customers' ratings given in the period, when they confirmed a resolution: the share of good ones.
  satisfaction: z.object({
    byTier: z.array(ZSatisfactionCounts.extend({ tier: z.enum(TIER_VALUES) })),
    byRegion: z.array(ZSatisfactionCounts.extend({ region: z.string() })),
    totals: ZSatisfactionCounts,
  }),
})
