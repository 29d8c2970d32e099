/**
 * The support policy (shared/spec/support-policy.md) as data — the one place where tiers,
 * severities, response targets and support hours are written down.
 */
import { SlaError, show } from './errors'
import { coreFor } from './compile'
import { describeWeeklyHours } from './hours'
import type { BusinessCalendar, PolicyTarget, Severity, Tier, WeeklyHours } from './types'

export const TIERS: readonly Tier[] = Object.freeze(['PREMIER', 'PRODUCTION', 'BASIC', 'EVALUATION', 'FREE_NFR'] as Tier[])
export const SEVERITIES: readonly Severity[] = Object.freeze([1, 2, 3, 4] as Severity[])

export type SeverityDefinition = {
  readonly severity: Severity
  readonly label: string
  readonly meaning: string
  readonly examples: readonly string[]
}

export const SEVERITY_DEFINITIONS: Readonly<Record<Severity, SeverityDefinition>> = Object.freeze({
  1: Object.freeze({
    severity: 1 as const,
    label: 'Critical',
    meaning: 'A production system is down or cannot be restored, backups/monitoring all fail, or a vendor product crashed an application or system.',
    examples: Object.freeze([
      'A production system is down or offline and cannot be restored',
      'Excessive abnormal terminations affecting all monitoring, backups and schedules',
      'An application or system failure caused by a vendor product',
    ]),
  }),
  2: Object.freeze({
    severity: 2 as const,
    label: 'High',
    meaning: 'The system is available but production-critical applications respond slowly or perform badly; some monitoring or backup jobs are affected.',
    examples: Object.freeze([
      'Slow response times in applications needed for production',
      'Poor system performance while the system stays available',
      'Some monitoring or backup jobs are affected',
    ]),
  }),
  3: Object.freeze({
    severity: 3 as const,
    label: 'Medium',
    meaning: 'A non-critical function fails or degrades; a workaround exists; production is not at risk.',
    examples: Object.freeze([
      'A non-critical feature fails or works in a degraded way',
      'A problem for which a workaround exists',
      'An issue that does not put production at risk',
    ]),
  }),
  4: Object.freeze({
    severity: 4 as const,
    label: 'Low',
    meaning: 'How-to questions, documentation or message wording errors, general feedback.',
    examples: Object.freeze(['How-to questions', 'A message text or documentation page that is badly worded or misspelt', 'General feedback']),
  }),
})

function weekdays(open: string, close: string): WeeklyHours {
  return Object.freeze(([1, 2, 3, 4, 5] as const).map((day) => Object.freeze({ day, open, close }))) as WeeklyHours
}

/** Support hours per tier: business hours (customer's local time), around the clock, or none. */
export type TierHours = { readonly kind: 'business'; readonly weekly: WeeklyHours } | { readonly kind: 'continuous' } | { readonly kind: 'none' }

export const TIER_HOURS: Readonly<Record<Tier, TierHours>> = Object.freeze({
  PREMIER: Object.freeze({ kind: 'continuous' as const }),
  PRODUCTION: Object.freeze({ kind: 'continuous' as const }),
  BASIC: Object.freeze({ kind: 'business' as const, weekly: weekdays('08:00', '20:00') }),
  EVALUATION: Object.freeze({ kind: 'business' as const, weekly: weekdays('08:00', '17:00') }),
  FREE_NFR: Object.freeze({ kind: 'none' as const }),
})

function deadline(minutes: number, clock: 'business' | 'continuous'): PolicyTarget {
  return Object.freeze({ kind: 'deadline' as const, minutes, clock })
}
const BEST_EFFORT: PolicyTarget = Object.freeze({ kind: 'best-effort' as const })
function notAvailable(reason: string): PolicyTarget {
  return Object.freeze({ kind: 'not-available' as const, reason })
}

const H = 60

/** Initial response targets, tier × severity. Premier and Production run on the 24/7 clock. */
export const POLICY: Readonly<Record<Tier, Readonly<Record<Severity, PolicyTarget>>>> = Object.freeze({
  PREMIER: Object.freeze({
    1: deadline(30, 'continuous'),
    2: deadline(30, 'continuous'),
    3: deadline(30, 'continuous'),
    4: deadline(30, 'continuous'),
  }),
  PRODUCTION: Object.freeze({
    1: deadline(1 * H, 'continuous'),
    2: deadline(3 * H, 'continuous'),
    3: deadline(6 * H, 'continuous'),
    4: deadline(8 * H, 'continuous'),
  }),
  BASIC: Object.freeze({
    1: deadline(2 * H, 'business'),
    2: deadline(8 * H, 'business'),
    3: deadline(12 * H, 'business'),
    4: deadline(24 * H, 'business'),
  }),
  EVALUATION: Object.freeze({
    1: notAvailable(
      'Severity 1 (Critical) is not available on Evaluation support: it is for production systems, which need a Basic, Production or Premier contract.',
    ),
    2: deadline(8 * H, 'business'),
    3: deadline(12 * H, 'business'),
    4: deadline(24 * H, 'business'),
  }),
  FREE_NFR: Object.freeze({
    1: notAvailable(
      'Severity 1 (Critical) is not available for Free / NFR licences: they get online support on a best-effort basis only, with no response target.',
    ),
    2: BEST_EFFORT,
    3: BEST_EFFORT,
    4: BEST_EFFORT,
  }),
})

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(POLICY, value)
}

export function isSeverity(value: unknown): value is Severity {
  return value === 1 || value === 2 || value === 3 || value === 4
}

export function assertTier(value: unknown): Tier {
  if (!isTier(value)) {
    throw new SlaError('UNKNOWN_TIER', `Unknown support tier ${show(value)}: expected one of ${TIERS.join(', ')}`)
  }
  return value
}

export function assertSeverity(value: unknown): Severity {
  if (!isSeverity(value)) {
    throw new SlaError('UNKNOWN_SEVERITY', `Unknown severity ${show(value)}: expected 1, 2, 3 or 4`)
  }
  return value
}

/** The policy cell for tier × severity. Throws SlaError UNKNOWN_TIER / UNKNOWN_SEVERITY. */
export function targetFor(tier: Tier, severity: Severity): PolicyTarget {
  return POLICY[assertTier(tier)][assertSeverity(severity)]
}

/**
 * The business calendar of a tier in the customer's zone with the applicable holidays, or null
 * when the tier has no business-hours clock (Production and Premier run 24/7; Free / NFR has no
 * target). The returned calendar is frozen; zone and holidays are validated here (SlaError).
 */
export function tierCalendar(tier: Tier, timeZone: string, holidays: string[]): BusinessCalendar | null {
  const hours = TIER_HOURS[assertTier(tier)]
  if (hours.kind !== 'business') return null
  if (!Array.isArray(holidays)) {
    throw new SlaError('INVALID_HOLIDAY', `holidays must be an array of local dates 'YYYY-MM-DD', got ${show(holidays)}`)
  }
  coreFor(timeZone, hours.weekly, holidays) // validates (and warms the compiled-calendar cache)
  return Object.freeze({
    timeZone,
    weekly: hours.weekly,
    holidays: Object.freeze([...holidays]) as string[],
  })
}

/** "8 business hours", "30 minutes", "1 hour", "90 business minutes". */
export function describeDuration(minutes: number, clock: 'business' | 'continuous'): string {
  const prefix = clock === 'business' ? 'business ' : ''
  if (minutes % 60 === 0 && minutes > 0) {
    const h = minutes / 60
    return `${h} ${prefix}hour${h === 1 ? '' : 's'}`
  }
  return `${minutes} ${prefix}minute${minutes === 1 ? '' : 's'}`
}

/** "Mon–Fri 08:00–20:00", "24/7/365" or "—" (no hours) for a tier. */
export function describeTierHours(tier: Tier): string {
  const hours = TIER_HOURS[assertTier(tier)]
  if (hours.kind === 'continuous') return '24/7/365'
  if (hours.kind === 'none') return '—'
  return describeWeeklyHours(hours.weekly)
}
