/**
 * Response targets: the policy cell for tier × severity turned into a deadline from the case's
 * opening time, on the tier's clock.
 */
import { addMs, msOf, timeOf } from './calendar'
import { coreFor, type Core } from './compile'
import { SlaError, show } from './errors'
import { normalizeHolidays } from './hours'
import { POLICY, TIER_HOURS, assertSeverity, assertTier } from './policy'
import type { PolicyTarget, ResponseTarget, ResponseTargetInput, Severity, Tier } from './types'
import { MAX_MS, resolveZone, type Zone } from './zone'

export interface ResolvedInput {
  readonly tier: Tier
  readonly severity: Severity
  readonly policy: PolicyTarget
  readonly openedAt: number
  readonly zone: Zone
  /** The business calendar's compiled form, for business-clock deadlines only. */
  readonly core: Core | null
}

// Holiday lists recently validated for the 24/7 tiers (which ignore holidays but still refuse
// malformed ones), compared by value: a fresh array per call costs a few comparisons.
const validatedHolidays: unknown[][] = []

function validateHolidays(holidays: unknown): void {
  if (!Array.isArray(holidays)) {
    throw new SlaError('INVALID_HOLIDAY', `holidays must be an array of local dates 'YYYY-MM-DD', got ${show(holidays)}`)
  }
  outer: for (const known of validatedHolidays) {
    if (known.length !== holidays.length) continue
    for (let i = 0; i < known.length; i++) if (known[i] !== holidays[i]) continue outer
    return
  }
  normalizeHolidays(holidays)
  if (holidays.length <= 2000) {
    validatedHolidays.unshift(holidays.slice())
    if (validatedHolidays.length > 4) validatedHolidays.length = 4
  }
}

function compiledFor(tier: Tier, timeZone: string, holidays: unknown): Core | null {
  const hours = TIER_HOURS[tier]
  if (hours.kind === 'business') {
    if (!Array.isArray(holidays)) {
      throw new SlaError('INVALID_HOLIDAY', `holidays must be an array of local dates 'YYYY-MM-DD', got ${show(holidays)}`)
    }
    return coreFor(timeZone, hours.weekly, holidays)
  }
  validateHolidays(holidays)
  return null
}

/** Validates the whole input (throws SlaError) and resolves the policy cell and calendar. */
export function resolveInput(input: ResponseTargetInput): ResolvedInput {
  if (input === null || typeof input !== 'object') {
    throw new SlaError('INVALID_INPUT', `input must be an object { tier, severity, openedAt, timeZone, holidays }, got ${show(input)}`)
  }
  const tier = assertTier(input.tier)
  const severity = assertSeverity(input.severity)
  const openedAt = timeOf(input.openedAt, 'openedAt')
  const zone = resolveZone(input.timeZone)
  const policy = POLICY[tier][severity]
  const core = compiledFor(tier, input.timeZone, input.holidays)
  return { tier, severity, policy, openedAt, zone, core }
}

export function targetOf(r: ResolvedInput): ResponseTarget {
  const p = r.policy
  if (p.kind === 'best-effort') return { kind: 'best-effort' }
  if (p.kind === 'not-available') return { kind: 'not-available', reason: p.reason }
  const ms = msOf(p.minutes)
  let due: number
  if (r.core !== null) due = addMs(r.core, r.openedAt, ms)
  else {
    due = r.openedAt + ms
    if (due > MAX_MS) throw new SlaError('OUT_OF_RANGE', `a target of ${p.minutes} minutes from ${new Date(r.openedAt).toISOString()} ends after 2100-12-31`)
  }
  return { kind: 'deadline', dueAt: new Date(due), minutes: p.minutes, clock: p.clock }
}

/**
 * The initial response target of a case: a deadline (business or continuous clock), best effort,
 * or not available (with the reason to show). Throws SlaError on bad input.
 */
export function responseTarget(input: ResponseTargetInput): ResponseTarget {
  return targetOf(resolveInput(input))
}
