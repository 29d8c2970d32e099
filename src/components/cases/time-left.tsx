'use client'

import { useEffect, useState } from 'react'
import { slaState } from '@/lib/sla-state'
import { formatMinutes } from '@/lib/format'
import type { Tier } from '@/lib/sla'

/** "3 h 20 min left" / "breached by 2 h 10 min", recomputed in the browser every 30 s with the
 * same pure engine the server uses. */
export function SlaCountdown(props: {
  tier: Tier
  targetKind: 'DEADLINE' | 'BEST_EFFORT' | 'NONE'
  targetDueAt: string | null
  targetClock: 'BUSINESS' | 'CONTINUOUS' | null
  firstResponseAt: string | null
  calendar: { timeZone: string; holidays: string[] }
  initialNow: string
}) {
  const [now, setNow] = useState(() => new Date(props.initialNow))
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000)
    return () => clearInterval(timer)
  }, [])
  const state = slaState(
    {
      ...props,
      targetDueAt: props.targetDueAt ? new Date(props.targetDueAt) : null,
      firstResponseAt: props.firstResponseAt ? new Date(props.firstResponseAt) : null,
    },
    now,
  )
  const unit = props.targetClock === 'BUSINESS' ? ' business time' : ''
  if (state.status === 'pending')
    return (
      <span className="font-medium text-brand-700">
        {formatMinutes(state.minutesLeft ?? 0)}
        {unit} left
      </span>
    )
  if (state.status === 'breached')
    return (
      <span className="font-medium text-red-700">
        Breached by {formatMinutes(state.breachedByMinutes ?? 0)}
        {unit}
      </span>
    )
  // Met and best effort are said by the badge beside it.
  return null
}
