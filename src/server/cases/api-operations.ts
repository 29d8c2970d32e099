import 'server-only'
import { z } from 'zod'
import type { Operation } from '@/server/api/operation'
import { ZAddCommentInput, ZCaseListQuery, ZConfirmResolvedInput, ZEscalateInput, ZOpenCaseInput, ZPatchCaseInput } from '@/lib/cases/schemas'

// The customer case flow's /api/v1 operations (issue 3), listed in src/server/api/operations.ts.

const ZResponseTarget = z.union([
  z.object({ kind: z.literal('deadline'), dueAt: z.iso.datetime(), minutes: z.number().int(), clock: z.enum(['business', 'continuous']) }),
  z.object({ kind: z.literal('best-effort') }),
  z.object({ kind: z.literal('none') }),
])
const ZPhoneLine = z.object({ country: z.string(), number: z.string(), hours: z.string().nullable() })

export const ZSupportIdsResponse = z.object({
  supportIds: z.array(
    z.object({
      code: z.string(),
      organisation: z.string(),
      tier: z.enum(['PREMIER', 'PRODUCTION', 'BASIC', 'EVALUATION', 'FREE_NFR']),
      region: z.object({ code: z.string(), name: z.string(), languages: z.array(z.string()) }),
      phoneLines: z.array(ZPhoneLine),
      status: z.enum(['ACTIVE', 'EXPIRED']),
      maintenanceStart: z.iso.date(),
      maintenanceEnd: z.iso.date(),
      calendar: z.object({ timeZone: z.string(), holidays: z.array(z.iso.date()) }),
      products: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          versions: z.array(z.object({ id: z.string(), name: z.string(), phase: z.enum(['CURRENT', 'LIMITED', 'DISCONTINUED']) })),
        }),
      ),
    }),
  ),
})

export const ZOpenCaseResponse = z.object({
  number: z.number().int(),
  status: z.string(),
  severity: z.number().int(),
  tier: z.string(),
  category: z.string(),
  supportId: z.string(),
  openedAt: z.iso.datetime(),
  businessHoursOnly: z.boolean(),
  responseTarget: ZResponseTarget,
  calendar: z.object({ timeZone: z.string(), holidays: z.array(z.iso.date()) }),
  phoneLines: z.array(ZPhoneLine),
})

export const ZCaseListResponse = z.object({
  cases: z
    .array(
      z.looseObject({
        number: z.number().int(),
        title: z.string(),
        severity: z.number().int(),
        status: z.string(),
        tier: z.string(),
        category: z.string(),
        supportId: z.string(),
        openedAt: z.iso.datetime(),
        responseTarget: ZResponseTarget,
        responseStatus: z.string(),
      }),
    )
    .describe('This page of cases, newest first'),
  total: z.number().int().describe('Cases matching the filters, on every page'),
  page: z.number().int().describe('This page, from 1'),
  pageSize: z.number().int().describe('At most this many cases per page (1–100, default 100)'),
  pages: z.number().int().describe('How many pages the total fills (0 when nothing matches)'),
})

export const caseOperations: Operation[] = [
  {
    id: 'listSupportIds',
    method: 'GET',
    path: '/api/v1/support-ids',
    tag: 'Cases',
    summary: 'The Support IDs the caller may open cases for, with tier, region, status, calendar and products',
    response: ZSupportIdsResponse,
    success: 200,
    errors: [401],
  },
  {
    id: 'listCases',
    method: 'GET',
    path: '/api/v1/cases',
    tag: 'Cases',
    summary:
      'Cases on the Support IDs the caller acts for (vendor staff: all), newest first, a page at a time (?page=1&pageSize=100; page size 1–100) with the total that matches',
    query: ZCaseListQuery,
    response: ZCaseListResponse,
    success: 200,
    errors: [400, 401],
  },
  {
    id: 'openCase',
    method: 'POST',
    path: '/api/v1/cases',
    tag: 'Cases',
    summary:
      'Open a case: N/A severities, expired Support IDs (except licensing) and languages outside the region are refused with 422. Send an Idempotency-Key header (16–200 printable characters, e.g. a UUID) to make retries safe: a repeat with the same key and body answers 200 with the same case (Idempotent-Replayed: true); the same key with another body is refused with 422',
    body: ZOpenCaseInput,
    response: ZOpenCaseResponse,
    success: 201,
    errors: [400, 401, 403, 404, 415, 422],
  },
  {
    id: 'getCase',
    method: 'GET',
    path: '/api/v1/cases/{number}',
    tag: 'Cases',
    summary: 'One case with its response target, responseStatus and public timeline (404 for a case the caller may not see)',
    success: 200,
    errors: [401, 404],
  },
  {
    id: 'updateCase',
    method: 'PATCH',
    path: '/api/v1/cases/{number}',
    tag: 'Cases',
    summary: 'Change the severity ({ severity, reason }: the target is recomputed from the opening time) or close the case ({ status: "CLOSED" })',
    body: ZPatchCaseInput,
    success: 200,
    errors: [400, 401, 403, 404, 409, 415, 422],
  },
  {
    id: 'addComment',
    method: 'POST',
    path: '/api/v1/cases/{number}/comments',
    tag: 'Cases',
    summary:
      'Add a customer comment ({ body }); a case waiting on the customer goes back to the engineer; on a resolved case it reopens it within 14 days of the resolution (409 after that: open a new case that references it)',
    body: ZAddCommentInput,
    success: 201,
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    id: 'confirmResolution',
    method: 'POST',
    path: '/api/v1/cases/{number}/confirm',
    tag: 'Cases',
    summary:
      '"This solved it" on a resolved case ({ rating: GOOD | BAD, comment?, version? }; a bad rating needs a comment): closes the case with the rating (409 unless resolved)',
    body: ZConfirmResolvedInput,
    success: 200,
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    id: 'escalateCase',
    method: 'POST',
    path: '/api/v1/cases/{number}/escalations',
    tag: 'Cases',
    summary: 'Talk to a manager ({ reason, preferredContactTime? })',
    body: ZEscalateInput,
    success: 201,
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    id: 'uploadAttachment',
    method: 'POST',
    path: '/api/v1/cases/{number}/attachments',
    tag: 'Cases',
    summary: 'Upload a diagnostic file (multipart/form-data, field "file"; size limit and type allow-list)',
    body: z.object({ file: z.string().describe('binary') }),
    bodyType: 'multipart/form-data',
    success: 201,
    errors: [400, 401, 404, 409, 413, 415],
  },
  {
    id: 'downloadAttachment',
    method: 'GET',
    path: '/api/v1/cases/{number}/attachments/{attachmentId}',
    tag: 'Cases',
    summary: 'Download a case file, always as an attachment with its stored type',
    success: 200,
    successDescription: 'The file',
    errors: [401, 404],
  },
]
