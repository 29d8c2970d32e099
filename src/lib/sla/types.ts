/** Public types of the SLA engine (re-exported by ./index). */

export type Tier = 'PREMIER' | 'PRODUCTION' | 'BASIC' | 'EVALUATION' | 'FREE_NFR'
export type Severity = 1 | 2 | 3 | 4

/** day 0 = Sunday … 6 = Saturday; open/close are local wall-clock 'HH:mm'; close may be '24:00'. */
export type WeeklyHours = { day: 0 | 1 | 2 | 3 | 4 | 5 | 6; open: string; close: string }[]

/** timeZone: IANA zone; holidays: local dates 'YYYY-MM-DD' on which the calendar is closed. */
export type BusinessCalendar = { timeZone: string; weekly: WeeklyHours; holidays: string[] }

export type Clock = 'business' | 'continuous'

/** One cell of the policy table. */
export type PolicyTarget = { kind: 'deadline'; minutes: number; clock: Clock } | { kind: 'best-effort' } | { kind: 'not-available'; reason: string }

export type ResponseTargetInput = {
  tier: Tier
  severity: Severity
  openedAt: Date
  timeZone: string
  holidays: string[]
}

export type ResponseTarget =
  { kind: 'deadline'; dueAt: Date; minutes: number; clock: Clock } | { kind: 'best-effort' } | { kind: 'not-available'; reason: string }
