import 'server-only'
import type { SlaClock, TargetKind } from '@/generated/prisma/enums'
import type { Clock } from '@/lib/sla'
import { clockOf } from '@/lib/sla-state'

export type ApiResponseTarget = { kind: 'deadline'; dueAt: Date; minutes: number; clock: Clock } | { kind: 'best-effort' } | { kind: 'none' }

/** A case's stored target in the engine's shape (`none`: feedback, which has no target). */
export function toResponseTarget(c: {
  targetKind: TargetKind
  targetDueAt: Date | null
  targetMinutes: number | null
  targetClock: SlaClock | null
}): ApiResponseTarget {
  if (c.targetKind === 'DEADLINE' && c.targetDueAt && c.targetMinutes !== null) {
    return { kind: 'deadline', dueAt: c.targetDueAt, minutes: c.targetMinutes, clock: clockOf(c.targetClock) }
  }
  return c.targetKind === 'NONE' ? { kind: 'none' } : { kind: 'best-effort' }
}
