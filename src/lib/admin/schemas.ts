// Inputs of vendor administration (catalogue, regions, calendars), shared by the forms (client)
// and the services (server).
import { z } from 'zod'
import { zIsoDate, zText } from '@/lib/text'

const text = (label: string, max: number) =>
  zText(label, `${label} is required`).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`)
// Holidays and release dates: a real date (no 2026-02-30, no year 0 that PostgreSQL refuses).
const isoDate = (label: string) => zIsoDate(label)
const optionalDate = (label: string) => z.union([z.literal('').transform(() => null), z.null(), isoDate(label)]).optional()

export const LIFECYCLE_PHASES = ['CURRENT', 'LIMITED', 'DISCONTINUED'] as const
const ZPhase = z.enum(LIFECYCLE_PHASES, { error: 'Lifecycle phase must be CURRENT, LIMITED or DISCONTINUED' })

export const ZProductInput = z.object({ name: text('Product name', 120) }).strict()
export type TProductInput = z.infer<typeof ZProductInput>

export const ZCreateVersionInput = z.object({ name: text('Version', 40), phase: ZPhase, releasedAt: optionalDate('Release date') }).strict()
export type TCreateVersionInput = z.infer<typeof ZCreateVersionInput>
export const ZUpdateVersionInput = z
  .object({ name: text('Version', 40).optional(), phase: ZPhase.optional(), releasedAt: optionalDate('Release date') })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of name, phase, releasedAt')
export type TUpdateVersionInput = z.infer<typeof ZUpdateVersionInput>

export const ZUpdateRegionInput = z
  .object({
    name: text('Region name', 120).optional(),
    languages: z
      .array(text('Language', 60), { error: 'Languages must be a list' })
      .min(1, 'A region offers at least one language')
      .max(20, 'At most 20 languages')
      .refine((l) => new Set(l.map((x) => x.toLowerCase())).size === l.length, 'A language is listed twice')
      .optional(),
    defaultTimeZone: text('Default time zone', 64).optional(),
    holidayCalendarId: text('Holiday calendar', 64).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change')
export type TUpdateRegionInput = z.infer<typeof ZUpdateRegionInput>

export const ZPhoneLineInput = z
  .object({
    country: text('Country', 80),
    number: z
      .string({ error: 'Number is required' })
      .trim()
      .regex(/^\+?[0-9 ()./-]{6,32}$/, 'Number must be a phone number such as +44 20 7946 0321'),
    hours: zText('Hours')
      .trim()
      .max(200, 'Hours must be at most 200 characters')
      .optional()
      .nullable()
      .transform((v) => v || null),
  })
  .strict()
export type TPhoneLineInput = z.infer<typeof ZPhoneLineInput>

export const ZCalendarInput = z.object({ name: text('Calendar name', 120) }).strict()
export type TCalendarInput = z.infer<typeof ZCalendarInput>

export const ZHolidayInput = z.object({ date: isoDate('Date'), name: text('Holiday name', 120) }).strict()
export type THolidayInput = z.infer<typeof ZHolidayInput>
export const ZUpdateHolidayInput = z
  .object({ date: isoDate('Date').optional(), name: text('Holiday name', 120).optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Send a new date or name')

export const ICS_MAX_CHARS = 1_000_000
const year = z.coerce
  .number({ error: 'Year must be a number' })
  .int('Year must be a whole number')
  .min(1970, 'Year must be 1970 or later')
  .max(2100, 'Year must be 2100 or earlier')
const ZIcsBase = z.object({
  ics: z.string({ error: 'Choose an .ics file' }).min(1, 'The file is empty'),
  // merge: add and rename; replace: also delete the calendar's holidays in the chosen years that the file does not have.
  mode: z.enum(['merge', 'replace'], { error: 'Mode must be merge or replace' }).default('merge'),
  fromYear: year.optional(),
  toYear: year.optional(),
})
type IcsYears = { fromYear?: number; toYear?: number }
const yearsInOrder = (v: IcsYears) => v.fromYear === undefined || v.toYear === undefined || v.fromYear <= v.toYear
const yearsFew = (v: IcsYears) => v.fromYear === undefined || v.toYear === undefined || v.toYear - v.fromYear <= 10

export const ZIcsImportInput = ZIcsBase.strict()
  .refine(yearsInOrder, { message: 'The first year must not be after the last', path: ['toYear'] })
  .refine(yearsFew, { message: 'Import at most 11 years at once', path: ['toYear'] })
export type TIcsImportInput = z.infer<typeof ZIcsImportInput>
export const ZIcsApplyInput = ZIcsBase.extend({ digest: z.string({ error: 'Preview the import first' }).regex(/^[0-9a-f]{64}$/, 'Preview the import first') })
  .strict()
  .refine(yearsInOrder, { message: 'The first year must not be after the last', path: ['toYear'] })
  .refine(yearsFew, { message: 'Import at most 11 years at once', path: ['toYear'] })
export type TIcsApplyInput = z.infer<typeof ZIcsApplyInput>
