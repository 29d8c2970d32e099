// Typed errors of the service layer, mapped to HTTP statuses and form messages at the edge.
import 'server-only'
import { z } from 'zod'

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found`)
export const forbidden = (message: string) => new AppError('FORBIDDEN', message)

/** The start of a validation failure's message (the form runner rewrites those in words). */
export const INVALID_INPUT = 'Invalid input: '

/** Turns a zod failure into a BAD_REQUEST whose message names each bad field. */
export function validationError(error: z.ZodError): AppError {
  const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')
  return new AppError('BAD_REQUEST', `${INVALID_INPUT}${summary}`, details)
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input)
  if (!result.success) throw validationError(result.error)
  return result.data
}
