import 'server-only'
import { z } from 'zod'

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

export const operations: Operation[] = [
  { id: 'getMe', method: 'GET', path: '/api/v1/me', tag: 'Account', summary: 'The caller: user, organisation and roles', response: ZMeResponse, success: 200, errors: [401] },
  { id: 'getOpenApi', method: 'GET', path: '/api/v1/openapi.json', tag: 'Meta', summary: 'This document', success: 200, errors: [], public: true },
]
