import 'server-only'
import { ZCaseNumber } from '@/lib/cases/schemas'
import { AppError } from '@/server/errors'

/** A case number from a URL: anything that is not one is simply not found. */
export function caseNumberParam(raw: string): number {
  const parsed = ZCaseNumber.safeParse(raw)
  if (!parsed.success || !/^\d+$/.test(raw)) throw new AppError('NOT_FOUND', `Case ${raw.slice(0, 40)} was not found`)
  return parsed.data
}

/** Query parameters as a plain object for a zod schema. */
export const queryOf = (req: Request) => Object.fromEntries(new URL(req.url).searchParams)
