// Inputs of the customer case flow, shared by the forms (client) and the services (server).
import { z } from 'zod'
import { INT32_MAX, zInt32, zText } from '@/lib/text'

const trimmed = (label: string, min: number, max: number) =>
  zText(label, `${label} is required`)
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)

export const ZCategory = z.enum(['TECHNICAL', 'LICENSING', 'FEEDBACK'], { error: 'Category must be TECHNICAL, LICENSING or FEEDBACK' })
export const ZSeverity = z.coerce
  .number({ error: 'Severity must be 1, 2, 3 or 4' })
  .int('Severity must be 1, 2, 3 or 4')
  .min(1, 'Severity must be 1, 2, 3 or 4')
  .max(4, 'Severity must be 1, 2, 3 or 4')
const ZCaseNumber = z.coerce
  .number({ error: 'A case number is a whole number' })
  .int('A case number is a whole number')
  .positive('A case number is a whole number')
  .max(INT32_MAX, 'No such case number')

/** The person reachable around the clock for a Severity 1 case on Production / Premier. */
export const ZTechnicalContact = z.object({
  name: trimmed('Technical contact name', 2, 120),
  phone: zText('Technical contact phone')
    .trim()
    .regex(/^\+?[0-9 ()./-]{6,32}$/, 'Technical contact phone must be a phone number such as +1 312 555 0188'),
})

export const ZOpenCaseInput = z
  .object({
    supportId: trimmed('Support ID', 1, 64),
    productVersionId: zText('productVersionId').trim().min(1).max(64).optional(),
    product: zText('Product').trim().min(1).max(200).optional(),
    version: zText('Version').trim().min(1).max(64).optional(),
    category: ZCategory,
    severity: ZSeverity,
    title: trimmed('Title', 5, 200),
    description: trimmed('Description', 10, 20_000),
    environment: zText('Environment').trim().max(2_000, 'Environment must be at most 2000 characters').optional(),
    preferredLanguage: trimmed('Preferred language', 1, 64),
    technicalContact: ZTechnicalContact.optional(),
    relatedCaseNumber: ZCaseNumber.optional(),
  })
  .strict()
  .refine((v) => v.category === 'FEEDBACK' || v.productVersionId || (v.product && v.version), {
    message: 'Choose the product version with the problem (productVersionId, or product and version)',
    path: ['productVersionId'],
  })
export type TOpenCaseInput = z.infer<typeof ZOpenCaseInput>

export const ZChangeSeverityInput = z
  .object({ severity: ZSeverity, reason: trimmed('Reason', 5, 2_000), version: zInt32('version').nonnegative().optional() })
  .strict()
export type TChangeSeverityInput = z.infer<typeof ZChangeSeverityInput>

/** A technical contact added to an open case later (the new-case form's fields, plus the version read). */
export const ZAddTechnicalContactInput = ZTechnicalContact.extend({ version: zInt32('version').nonnegative().optional() }).strict()
export type TAddTechnicalContactInput = z.infer<typeof ZAddTechnicalContactInput>

export const ZAddCommentInput = z.object({ body: trimmed('Comment', 1, 20_000) }).strict()
export type TAddCommentInput = z.infer<typeof ZAddCommentInput>

export const ZEscalateInput = z
  .object({
    reason: trimmed('Reason', 10, 4_000),
    preferredContactTime: zText('Preferred contact time').trim().max(200, 'Preferred contact time must be at most 200 characters').optional(),
  })
  .strict()
export type TEscalateInput = z.infer<typeof ZEscalateInput>

export const ZCloseCaseInput = z
  .object({ status: z.literal('CLOSED'), reason: zText('Reason').trim().max(2_000).optional(), version: zInt32('version').nonnegative().optional() })
  .strict()

/** How long after its resolution a customer's reply reopens a resolved case (decision 0015): calendar days from resolvedAt. */
export const REOPEN_WINDOW_DAYS = 14
/** The first instant at which a reply no longer reopens the case: 14 × 24 hours after the resolution. */
export const reopenDeadline = (resolvedAt: Date) => new Date(resolvedAt.getTime() + REOPEN_WINDOW_DAYS * 86_400_000)

export const RATING_LABELS = { GOOD: 'Good', BAD: 'Bad' } as const

/**
 * "This solved it" on a resolved case: it closes the case, with the customer's rating of the
 * support. A bad rating needs a comment (what went wrong is what the vendor can act on); a good
 * one may have one.
 */
export const ZConfirmResolvedInput = z
  .object({
    rating: z.enum(['GOOD', 'BAD'], { error: 'Rating: choose good or bad' }),
    comment: zText('Comment').trim().max(2_000, 'Comment must be at most 2000 characters').optional(),
    version: zInt32('version').nonnegative().optional(),
  })
  .strict()
  .refine((v) => v.rating !== 'BAD' || (v.comment ?? '').length > 0, {
    message: 'Comment: say what went wrong (a bad rating needs a comment)',
    path: ['comment'],
  })
export type TConfirmResolvedInput = z.infer<typeof ZConfirmResolvedInput>

/** PATCH /api/v1/cases/{number}: either a severity change or closing the case. */
export const ZPatchCaseInput = z.union([ZChangeSeverityInput, ZCloseCaseInput], {
  error: 'Send { severity, reason } to change the severity, or { status: "CLOSED" } to close the case',
})

/** "My cases" shows at most this many per page: a customer with 1,000 cases pages through them (decision 0016). */
export const CASE_LIST_MAX_PAGE_SIZE = 100
export const CASE_LIST_DEFAULT_PAGE_SIZE = 100

const wholeNumber = (label: string, min: number, max: number, range: string) =>
  z.coerce
    .number({ error: `${label} must be a whole number ${range}` })
    .int(`${label} must be a whole number ${range}`)
    .min(min, `${label} must be a whole number ${range}`)
    .max(max, `${label} must be a whole number ${range}`)

export const ZCaseListQuery = z.object({
  q: zText('Search').trim().max(200).optional(),
  status: z
    .enum(['OPEN', 'NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'], {
      error: 'Status must be OPEN, NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED or CLOSED',
    })
    .optional(),
  severity: ZSeverity.optional(),
  supportId: zText('Support ID').trim().max(64).optional(),
  page: wholeNumber('Page', 1, 1_000_000, 'of 1 or more').default(1),
  pageSize: wholeNumber('Page size', 1, CASE_LIST_MAX_PAGE_SIZE, `from 1 to ${CASE_LIST_MAX_PAGE_SIZE}`).default(CASE_LIST_DEFAULT_PAGE_SIZE),
})
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>

export { ZCaseNumber }
