import 'server-only'
import type { z } from 'zod'

// One /api/v1 operation, with the zod schemas its route validates with (the list: operations.ts).
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
