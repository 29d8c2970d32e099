import 'server-only'
import { z } from 'zod'
import {
  ZAssignCaseInput,
  ZComplianceQuery,
  ZComplianceResponse,
  ZContactAttemptInput,
  ZContactAttemptResponse,
  ZEscalationQuery,
  ZEscalationsResponse,
  ZQueueQuery,
  ZQueueResponse,
  ZReplyInput,
  ZResolveInput,
} from '@/lib/engineer/schemas'
import { ZAddCommentInput, ZCaseListQuery, ZConfirmResolvedInput, ZEscalateInput, ZOpenCaseInput, ZPatchCaseInput } from '@/lib/cases/schemas'
import { ZDeflectionInput, ZKbSearchInput } from '@/server/kb/search-kb'
import { administrationOperations } from '@/server/organisation/api-operations'
import { notificationOperations } from '@/server/notifications/api-operations'

// Every /api/v1 operation, with the zod schemas its route validates with. The OpenAPI document
// is generated from this list, and a test checks it against the route files in src/app/api/v1.
export type Operation = {
  id: string
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  tag: string
  summary: string
  query?: z.ZodObject
  body?: z.ZodType
  bodyType?: string
  response?: z.ZodType
  success: number
  successDescription?: string
  errors: number[]
  public?: boolean
}

export const ZMeResponse = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), timeZone: z.string(), locale: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.enum(['CUSTOMER', 'PARTNER', 'VENDOR']) }),
  roles: z.object({
    vendor: z.array(z.enum(['ENGINEER', 'MANAGER', 'SUPPORT_ACCOUNT_MANAGER', 'ADMIN'])),
    supportIds: z.array(z.object({ supportId: z.string(), role: z.enum(['LICENSE_ADMIN_PRIMARY', 'LICENSE_ADMIN_SECONDARY', 'CASE_ADMIN']) })),
    partnerSupportIds: z.array(z.string()),
  }),
})

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

export const ZApiTokensResponse = z.object({
  tokens: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      prefix: z.string().describe('The first characters of the secret, to recognise it'),
      createdAt: z.iso.datetime(),
      expiresAt: z.iso.datetime(),
      expired: z.boolean(),
      lastUsedAt: z.iso.datetime().nullable(),
    }),
  ),
})

export const operations: Operation[] = [
  {
    id: 'getMe',
    method: 'GET',
    path: '/api/v1/me',
    tag: 'Account',
    summary: 'The caller: user, organisation and roles',
    response: ZMeResponse,
    success: 200,
    errors: [401],
  },
  {
    id: 'listApiTokens',
    method: 'GET',
    path: '/api/v1/me/tokens',
    tag: 'Account',
    summary:
      'The caller’s personal API tokens that are not revoked, newest first, with expiry (expired ones marked) and last use; tokens are created and revoked on the profile page',
    response: ZApiTokensResponse,
    success: 200,
    errors: [401],
  },
  { id: 'getOpenApi', method: 'GET', path: '/api/v1/openapi.json', tag: 'Meta', summary: 'This document', success: 200, errors: [], public: true },
  // Customer case flow (issue 3)
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
  {
    id: 'searchKnowledgeBase',
    method: 'GET',
    path: '/api/v1/kb',
    tag: 'Knowledge base',
    summary: 'Knowledge-base articles matching words (e.g. a case title and description), best first',
    query: ZKbSearchInput,
    success: 200,
    errors: [400, 401],
  },
  {
    id: 'recordDeflection',
    method: 'POST',
    path: '/api/v1/kb/deflections',
    tag: 'Knowledge base',
    summary: '"This solved it": an article answered the problem before a case was opened',
    body: ZDeflectionInput,
    success: 201,
    errors: [400, 401, 404, 415],
  },
  // Vendor side: queue, working a case, escalations, compliance (issue 4). Customers and partners get 404.
  {
    id: 'getQueue',
    method: 'GET',
    path: '/api/v1/queue',
    tag: 'Vendor',
    summary: 'Open cases, most urgent first (breached, soonest deadline, then best effort / answered), with filters and a keyset cursor',
    query: ZQueueQuery,
    response: ZQueueResponse,
    success: 200,
    errors: [400, 401, 404],
  },
  {
    id: 'assignCase',
    method: 'POST',
    path: '/api/v1/cases/{number}/assign',
    tag: 'Vendor',
    summary: 'Take a case ({}) or assign it to an engineer ({ engineer: email })',
    body: ZAssignCaseInput,
    success: 200,
    errors: [400, 401, 403, 404, 409, 415, 422],
  },
  {
    id: 'postReply',
    method: 'POST',
    path: '/api/v1/cases/{number}/replies',
    tag: 'Vendor',
    summary: 'A public reply ({ body, public: true }; the first one meets the initial response target) or an internal note ({ public: false })',
    body: ZReplyInput,
    success: 201,
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    id: 'logContactAttempt',
    method: 'POST',
    path: '/api/v1/cases/{number}/contact-attempts',
    tag: 'Vendor',
    summary: 'Log an attempt to reach the customer ({ at?, channel, outcome }); at defaults to now, never before the case opened nor in the future',
    body: ZContactAttemptInput,
    response: ZContactAttemptResponse,
    success: 201,
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    id: 'resolveCase',
    method: 'POST',
    path: '/api/v1/cases/{number}/resolve',
    tag: 'Vendor',
    summary:
      'Resolve with a policy resolution code and a summary; NO_RESPONSE closes without consent and is refused with 409 until the contact-attempt rule allows it',
    body: ZResolveInput,
    success: 200,
    errors: [400, 401, 403, 404, 409, 415, 422],
  },
  {
    id: 'listEscalations',
    method: 'GET',
    path: '/api/v1/escalations',
    tag: 'Vendor',
    summary: '"Talk to a manager" requests, oldest first, with each case’s SLA state (Support Managers)',
    query: ZEscalationQuery,
    response: ZEscalationsResponse,
    success: 200,
    errors: [400, 401, 403, 404],
  },
  {
    id: 'getComplianceReport',
    method: 'GET',
    path: '/api/v1/reports/compliance',
    tag: 'Vendor',
    summary: 'SLA compliance per tier, severity and region for a date range (format=csv for CSV; Support Managers)',
    query: ZComplianceQuery,
    response: ZComplianceResponse,
    success: 200,
    errors: [400, 401, 403, 404],
  },
  // Delegation and administration (issue 5)
  ...administrationOperations,
  // In-app notifications (issue 11)
  ...notificationOperations,
]
