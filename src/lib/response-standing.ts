// Where a case stands against its initial response target, said the same way wherever it is shown
// without a ticking clock (the managers' escalation card, the vendor tools). Pure: `now` is passed in.
// A case closed before any response is neither best effort nor still pending: its clock stopped at
// the closing, and whether the target had passed by then is measured up to that instant.
import { describeDuration, type Tier } from '@/lib/sla'
import { formatMinutes } from '@/lib/format'
import { clockOf, slaState } from '@/lib/sla-state'

export type ResponseStandingCase = {
  tier: Tier
  targetKind: 'DEADLINE' | 'BEST_EFFORT' | 'NONE'
  targetDueAt: Date | null
  targetMinutes: number | null
  targetClock: 'BUSINESS' | 'CONTINUOUS' | null
  firstResponseAt: Date | null
  closedAt: Date | null
  calendar: { timeZone: string; holidays: string[] }
}

type Target = { minutes: number; clock: 'business' | 'continuous' }

export type ResponseStanding =
  | { kind: 'pending'; target: Target; minutesLeft: number }
  | { kind: 'breached'; target: Target; breachedByMinutes: number }
  | { kind: 'met'; target: Target }
  /** Closed with no response: `breachedByMinutes` null when the target was not yet due at the closing. */
  | { kind: 'closed-unanswered'; target: Target; breachedByMinutes: number | null }
  | { kind: 'best-effort' }
  | { kind: 'no-target' }

export function responseStanding(c: ResponseStandingCase, now: Date): ResponseStanding {
  if (c.targetKind === 'NONE') return { kind: 'no-target' }
  if (c.targetKind !== 'DEADLINE' || !c.targetDueAt || c.targetMinutes === null) return { kind: 'best-effort' }
  const target: Target = { minutes: c.targetMinutes, clock: clockOf(c.targetClock) }
  if (!c.firstResponseAt && c.closedAt) {
    const atClose = slaState(c, c.closedAt)
    return { kind: 'closed-unanswered', target, breachedByMinutes: atClose.status === 'breached' ? (atClose.breachedByMinutes ?? 0) : null }
  }
  const s = slaState(c, now)
  if (s.status === 'met') return { kind: 'met', target }
  if (s.status === 'breached') return { kind: 'breached', target, breachedByMinutes: s.breachedByMinutes ?? 0 }
  return { kind: 'pending', target, minutesLeft: s.minutesLeft ?? 0 }
}

const describeTarget = (t: Target) => `${describeDuration(t.minutes, t.clock)}${t.clock === 'continuous' ? ', 24/7' : ''}`

export function describeResponseStanding(s: ResponseStanding): string {
  switch (s.kind) {
    case 'no-target':
      return 'No response target (feedback)'
    case 'best-effort':
      return 'Best effort (Free / NFR: no response target)'
    case 'met':
      return 'Response target met'
    case 'breached':
      return `Response breached by ${formatMinutes(s.breachedByMinutes)}`
    case 'pending':
      return `Response due in ${formatMinutes(s.minutesLeft)}`
    case 'closed-unanswered':
      return `Closed before any response (target ${describeTarget(s.target)}; ${s.breachedByMinutes === null ? 'not yet due when it closed' : `breached by ${formatMinutes(s.breachedByMinutes)} before it closed`})`
  }
}
