// Where a case stands against its initial response target. Pure: `now` is passed in.
export type ResponseStatus = 'pending' | 'met' | 'breached' | 'best-effort'

export function responseStatus(
  c: {
    targetKind: 'DEADLINE' | 'BEST_EFFORT' | 'NONE'
    targetDueAt: Date | null
    firstResponseAt: Date | null
  },
  now: Date,
): ResponseStatus {
  if (c.targetKind !== 'DEADLINE' || !c.targetDueAt) return 'best-effort'
  if (c.firstResponseAt) return c.firstResponseAt <= c.targetDueAt ? 'met' : 'breached'
  return now < c.targetDueAt ? 'pending' : 'breached'
}
