/**
 * Typed errors of the SLA engine. Every rejection of bad input is an `SlaError` whose `code`
 * is stable (switch on it) and whose `message` says, in plain words, what was wrong.
 */
export type SlaErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_TIER'
  | 'UNKNOWN_SEVERITY'
  | 'INVALID_CALENDAR'
  | 'INVALID_ZONE'
  | 'INVALID_HOURS'
  | 'INVALID_HOLIDAY'
  | 'INVALID_MINUTES'
  | 'INVALID_DATE'
  | 'NO_OPEN_TIME'
  | 'OUT_OF_RANGE'

export class SlaError extends Error {
  readonly code: SlaErrorCode

  constructor(code: SlaErrorCode, message: string) {
    super(message)
    this.name = 'SlaError'
    this.code = code
  }
}

/** Short, safe rendering of a bad value for an error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'an array'
  return 'a ' + typeof value
}
