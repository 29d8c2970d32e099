import { describe, expect, it } from 'vitest'
import { CaseStatus, CustomerRole, LifecyclePhase, ResolutionCode, Tier, VendorRole } from '@/generated/prisma/enums'
import { OPEN_STATUSES, isOpenStatus } from '@/lib/cases/status'
import { PHASE_LABELS, PHASE_WORDS, RESOLUTION_LABELS, ROLE_LABELS, TIER_LABELS, resolutionLabel, tierLabel } from '@/lib/cases/labels'

// The case rules in src/lib/cases/: one source each, used by the services and the pages.

describe('open statuses', () => {
  it('are every status but RESOLVED and CLOSED', () => {
    expect(Object.values(CaseStatus).filter(isOpenStatus)).toEqual([...OPEN_STATUSES])
    expect(isOpenStatus('RESOLVED')).toBe(false)
    expect(isOpenStatus('CLOSED')).toBe(false)
    expect(isOpenStatus('OPEN')).toBe(false)
  })
})

describe('resolution labels', () => {
  it('name every resolution code of the schema, NO_RESPONSE in the policy\'s words', () => {
    expect(Object.keys(RESOLUTION_LABELS).sort()).toEqual(Object.values(ResolutionCode).sort())
    expect(resolutionLabel('NO_RESPONSE')).toBe('No response from the customer after three contact attempts')
    expect(resolutionLabel('SOMETHING_ELSE')).toBe('SOMETHING_ELSE')
  })
})

describe('lifecycle phase labels', () => {
  it('name every phase, on its own and after a version name', () => {
    expect(Object.keys(PHASE_LABELS).sort()).toEqual(Object.values(LifecyclePhase).sort())
    expect(Object.keys(PHASE_WORDS).sort()).toEqual(Object.values(LifecyclePhase).sort())
    expect(PHASE_WORDS.DISCONTINUED).toBe('discontinued: known solutions and upgrade help only')
  })
})

describe('tier and role labels', () => {
  it('name every tier and every customer and vendor role', () => {
    expect(Object.keys(TIER_LABELS).sort()).toEqual(Object.values(Tier).sort())
    expect(tierLabel('FREE_NFR')).toBe('Free / NFR')
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...Object.values(CustomerRole), ...Object.values(VendorRole)].sort())
  })
})
