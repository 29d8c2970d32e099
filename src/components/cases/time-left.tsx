'use client'

import { useEffect, useState } from 'react'
import { clockColumnOf, signedMinutes, slaState, type SlaState } from '@/lib/sla-state'
import { formatMinutes } from '@/lib/format'
import type { Clock, Tier } from '@/lib/sla'

export type TimeLeftProps = {
  tier: Tier
  /** The response target's due instant (ISO) and its clock. */
  dueAt: string
  clock: Clock
  /** For the business clock: the customer's calendar (only the holidays near now and the deadline). */
  timeZone: string
  holidays: string[]
  /** Once answered, the state stands still: met, or breached by how much. */
  firstResponseAt?: string | null
  /** The first paint (no hydration mismatch): the server's instant, or the server's figure (negative: breached by that much). */
  initialNow?: string
  initialMinutes?: number
  /** 'cell' (queue, escalations, vendor tools): the figure, the clock's name beneath; 'inline' (the case page): one phrase. */
  layout?: 'cell' | 'inline'
}

/**
 * The one countdown: "2 h 10 min left" / "breached by 35 min", ticking every 30 s in the browser
 * with the same SLA engine and the same module (src/lib/sla-state.ts) the server uses: business
 * time in the customer's calendar, or real time for 24/7 targets.
 */
export function TimeLeft(props: TimeLeftProps) {
  const [tick, setTick] = useState<number | null>(null)
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  const now = tick ?? (props.initialNow ? Date.parse(props.initialNow) : null)
  const state: SlaState | null =
    now === null
      ? null
      : slaState(
          {
            tier: props.tier,
            targetKind: 'DEADLINE',
            targetDueAt: new Date(props.dueAt),
            targetClock: clockColumnOf(props.clock),
            firstResponseAt: props.firstResponseAt ? new Date(props.firstResponseAt) : null,
            calendar: { timeZone: props.timeZone, holidays: props.holidays },
          },
          new Date(now),
        )
  const business = props.clock === 'business'
  if (props.layout === 'inline') {
    const unit = business ? ' business time' : ''
    if (state?.status === 'pending')
      return (
        <span className="font-medium text-brand-700">
          {formatMinutes(state.minutesLeft ?? 0)}
          {unit} left
        </span>
      )
    if (state?.status === 'breached')
      return (
        <span className="font-medium text-red-700">
          Breached by {formatMinutes(state.breachedByMinutes ?? 0)}
          {unit}
        </span>
      )
    // Met and best effort are said by the badge beside it.
    return null
  }
  const minutes = state ? signedMinutes(state) : (props.initialMinutes ?? 0)
  const unit = business ? <span className="block text-xs font-normal text-slate-500">business time</span> : null
  if (minutes <= 0) {
    // Past the deadline, but possibly with no business time elapsed since (e.g. over a weekend).
    const by = -minutes >= 1 ? ` by ${formatMinutes(-minutes)}` : ''
    return (
      <span className="font-medium text-red-700" data-testid="time-left">
        Breached{by}
        {by && unit}
      </span>
    )
  }
  return (
    <span
      className={minutes < 60 ? 'font-medium text-amber-700' : 'text-slate-700'}
      data-testid="time-left"
      title={business ? "In the customer's business hours" : 'Around the clock'}
    >
      {formatMinutes(minutes)} left
      {unit}
    </span>
  )
}
