// The response target in the customer's own words, computed in the browser by the same pure SLA
// engine the server uses.
import { formatInTimeZone } from 'date-fns-tz'
import { describeDuration, describeTierHours, responseTarget, type Severity, type Tier } from '@/lib/sla'

export function describeTarget(input: {
  tier: Tier
  severity: Severity
  openedAt: Date
  calendar: { timeZone: string; holidays: string[] }
  viewerTimeZone: string
  feedback: boolean
}): { tone: 'blue' | 'amber' | 'red'; text: string } {
  if (input.feedback) return { tone: 'amber', text: 'Feedback has no response target and no phone line: it reaches the team that owns the website or service.' }
  const target = responseTarget({
    tier: input.tier,
    severity: input.severity,
    openedAt: input.openedAt,
    timeZone: input.calendar.timeZone,
    holidays: input.calendar.holidays,
  })
  if (target.kind === 'not-available') return { tone: 'red', text: target.reason }
  if (target.kind === 'best-effort') return { tone: 'amber', text: 'Best effort, no target: Free / NFR licences get online support as staff are available.' }
  const when = formatInTimeZone(target.dueAt, input.viewerTimeZone, 'EEEE d MMMM, HH:mm')
  const hours = target.clock === 'business' ? `${describeTierHours(input.tier)} ${input.calendar.timeZone}` : '24/7'
  return { tone: 'blue', text: `Response by ${when} (your time) — ${describeDuration(target.minutes, target.clock)}, ${hours}` }
}
