// The one schema for free text from outside (forms, the JSON API, query strings), shared by every
// zod input schema (decision 0008). PostgreSQL text refuses NUL, jsonb refuses lone surrogates,
// and no other control character is meaningful in what people type: each is a clear 400 naming
// the field instead of a 500 from the database. Tab and newline are kept; CR LF and lone CR from
// textareas become LF.
import { z } from 'zod'

/** C0 controls except tab (\t) and newline (\n), and DEL. CR is normalised away before the check. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export const normaliseNewlines = (v: string) => v.replace(/\r\n?/g, '\n')

/** Why a string cannot be stored as text, or null when it can. */
export function textProblem(v: string): string | null {
  if (CONTROL_CHARS.test(normaliseNewlines(v))) return 'must not contain control characters (only tab and line breaks)'
  if (LONE_SURROGATE.test(v)) return 'must not contain invalid Unicode (a lone surrogate)'
  return null
}

/**
 * A free-text string: CR LF normalised to LF, control characters and lone surrogates refused with a
 * message naming the field. Chain `.trim()`, `.min()`, `.max()` on it as on `z.string()`.
 */
export const zText = (label: string, error?: string) =>
  z
    .string({ error: error ?? `${label} must be text` })
    .overwrite(normaliseNewlines)
    .refine((v) => !CONTROL_CHARS.test(v), `${label} must not contain control characters (only tab and line breaks)`)
    .refine((v) => !LONE_SURROGATE.test(v), `${label} must not contain invalid Unicode (a lone surrogate)`)

export const INT32_MAX = 2_147_483_647

/** A whole number that fits PostgreSQL's integer (ids, case numbers, versions). */
export const zInt32 = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(-INT32_MAX - 1, `${label} is out of range`)
    .max(INT32_MAX, `${label} is out of range`)

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30), within years PostgreSQL and the SLA engine handle. */
export const zIsoDate = (label: string, { minYear = 1970, maxYear = 2100 }: { minYear?: number; maxYear?: number } = {}) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD)`)
    .refine((v) => isRealDate(v), `${label} is not a real date`)
    .refine((v) => Number(v.slice(0, 4)) >= minYear && Number(v.slice(0, 4)) <= maxYear, `${label} must be between ${minYear} and ${maxYear}`)

/** Round trip: the date PostgreSQL and JavaScript read is the one written (2026-02-30 is refused, not March 2nd). */
export function isRealDate(v: string): boolean {
  const ms = Date.parse(`${v}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === v
}

/** An ISO 8601 instant with a zone (Z or ±hh:mm) whose date and time exist, years 1970–2100. */
export const zInstant = (label: string) =>
  z
    .string({ error: `${label} must be an ISO 8601 instant, e.g. 2026-11-20T15:00:00Z` })
    .trim()
    .pipe(z.iso.datetime({ offset: true, error: `${label} must be an ISO 8601 instant, e.g. 2026-11-20T15:00:00Z` }))
    .refine((v) => isRealDate(v.slice(0, 10)), `${label} is not a real date`)
    .transform((v) => new Date(v))
    .refine((d) => d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 2100, `${label} must be between 1970 and 2100`)
