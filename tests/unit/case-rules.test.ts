import { describe, expect, it } from 'vitest'
import { CaseStatus } from '@/generated/prisma/enums'
import { OPEN_STATUSES, isOpenStatus } from '@/lib/cases/status'

// The case rules in src/lib/cases/: one source each, used by the services and the pages.

describe('open statuses', () => {
  it('are every status but RESOLVED and CLOSED', () => {
    expect(Object.values(CaseStatus).filter(isOpenStatus)).toEqual([...OPEN_STATUSES])
    expect(isOpenStatus('RESOLVED')).toBe(false)
    expect(isOpenStatus('CLOSED')).toBe(false)
    expect(isOpenStatus('OPEN')).toBe(false)
  })
})
