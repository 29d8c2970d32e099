import 'server-only'
import { z } from 'zod'
import type { Operation } from '@/server/api/operation'
import { caseOperations } from '@/server/cases/api-operations'
import { vendorOperations } from '@/server/engineer/api-operations'
import { knowledgeBaseOperations } from '@/server/kb/api-operations'
import { notificationOperations } from '@/server/notifications/api-operations'
import { adminOperations } from '@/server/admin/api-operations'
import { organisationOperations } from '@/server/organisation/api-operations'

// Every /api/v1 operation, with the zod schemas its route validates with. The OpenAPI document
// is generated from this list, and a test checks it against the route files in src/app/api/v1.
// Each domain lists its own operations (<domain>/api-operations.ts); this file puts them in order.

export const ZMeResponse = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), timeZone: z.string(), locale: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.enum(['CUSTOMER', 'PARTNER', 'VENDOR']) }),
  roles: z.object({
    vendor: z.array(z.enum(['ENGINEER', 'MANAGER', 'SUPPORT_ACCOUNT_MANAGER', 'ADMIN'])),
    supportIds: z.array(z.object({ supportId: z.string(), role: z.enum(['LICENSE_ADMIN_PRIMARY', 'LICENSE_ADMIN_SECONDARY', 'CASE_ADMIN']) })),
    partnerSupportIds: z.array(z.string()),
  }),
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
  ...caseOperations,
  ...knowledgeBaseOperations,
  // Vendor side: queue, working a case, escalations, compliance (issue 4). Customers and partners get 404.
  ...vendorOperations,
  // Delegation and administration (issue 5)
  ...organisationOperations,
  ...adminOperations,
  // In-app notifications (issue 11)
  ...notificationOperations,
]
