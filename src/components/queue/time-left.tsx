'use client'

import { useEffect, useState } from 'react'
import { businessMinutesBetween, tierCalendar, type Tier } from '@/lib/sla'
import { formatMinutes } from '@/lib/format'

export type TimeLeftProps = {
  dueAt: string
  clock: 'business' | 'continuous'
  /** For the business clock: the customer's calendar (only the holidays near now and the deadline). */
  tier: Tier
  timeZone: string
  holidays: string[]
  /** Minutes left as the server computed them (negative: breached by that much), for the first paint. */
  initialMinutes: number
}

/** Minutes left until `dueAt` on the target's clock; negative once past (by how much, same clock). */
export function minutesLeft(p: Omit<TimeLeftProps, 'initialMinutes'>, now: Date): number {
  const due = new Date(p.dueAt)
  if (p.clock === 'continuous') return (due.getTime() - now.getTime()) / 60_000
  const cal = tierCalendar(p.tier, p.timeZone, p.holidays)
  if (!cal) return (due.getTime() - now.getTime()) / 60_000
  return now < due ? businessMinutesBetween(cal, now, due) : -businessMinutesBetween(cal, due, now)
}

/**
 * "2 h 10 min left" / "breached by 35 min", ticking every 30 s in the browser with the same SLA
 * engine the server uses (business time in the customer's calendar, or real time for 24/7 tiers).
 */
export function TimeLeft(props: TimeLeftProps) {
  // The server's figure for the first paint (no hydration mismatch), then the browser's own clock.
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  const { clock } = props
  const minutes = now === null ? props.initialMinutes : minutesLeft(props, new Date(now))
  const unit = clock === 'business' ? <span className="block text-xs font-normal text-slate-500">business time</span> : null
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
      title={clock === 'business' ? "In the customer's business hours" : 'Around the clock'}
    >
      {formatMinutes(minutes)} left
      {unit}
    </span>
  )
}
