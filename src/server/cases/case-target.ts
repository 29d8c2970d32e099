import 'server-only'
import { responseTarget, type Severity, type Tier } from '@/lib/sla'
import { clockColumnOf, type CustomerCalendar } from '@/lib/sla-state'
import type { CaseCategory, SlaClock, TargetKind } from '@/generated/prisma/enums'
import { AppError } from '@/server/errors'

export type StoredTarget = {
  targetKind: TargetKind
  targetDueAt: Date | null
  targetMinutes: number | null
  targetClock: SlaClock | null
}

/**
 * The response target a case gets, as stored on it. Feedback has no target (policy: "no SLA");
 * a tier × severity the policy marks N/A is refused with the policy's reason (422).
 */
export function computeCaseTarget(input: { tier: Tier; severity: Severity; category: CaseCategory; openedAt: Date; calendar: CustomerCalendar }): StoredTarget {
  if (input.category === 'FEEDBACK') return { targetKind: 'NONE', targetDueAt: null, targetMinutes: null, targetClock: null }
  const target = responseTarget({
    tier: input.tier,
    severity: input.severity,
    openedAt: input.openedAt,
    timeZone: input.calendar.timeZone,
    holidays: input.calendar.holidays,
  })
  if (target.kind === 'not-available') throw new AppError('UNPROCESSABLE', target.reason)
  if (target.kind === 'best-effort') return { targetKind: 'BEST_EFFORT', targetDueAt: null, targetMinutes: null, targetClock: null }
  return {
    targetKind: 'DEADLINE',
    targetDueAt: target.dueAt,
    targetMinutes: target.minutes,
    targetClock: clockColumnOf(target.clock),
  }
}
