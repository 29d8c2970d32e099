import { describe, expect, it } from 'vitest'
import { CaseStatus, CustomerRole, LifecyclePhase, ResolutionCode, Tier, VendorRole } from '@/generated/prisma/enums'
import { OPEN_STATUSES, customerActivityResumes, isOpenStatus } from '@/lib/cases/status'
import { timelineEventText } from '@/lib/cases/timeline-text'
import { hasPhoneSupport } from '@/lib/cases/phone-support'
import {
  CUSTOMER_STATUS_LABELS,
  PHASE_LABELS,
  PHASE_WORDS,
  RESOLUTION_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
  TIER_LABELS,
  resolutionLabel,
  tierLabel,
} from '@/lib/cases/labels'

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
  it("name every resolution code of the schema, NO_RESPONSE in the policy's words", () => {
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

describe('timeline wording', () => {
  const customer = { side: 'customer' as const, fallbackContact: 'Lena Ortiz' }
  it('says each event type in words, as the case page showed them', () => {
    expect(timelineEventText('case.opened', { severity: 2 }, undefined, customer)).toBe('opened the case (Severity 2)')
    expect(timelineEventText('case.resolved', { resolutionCode: 'UPGRADE' }, {}, customer)).toBe('resolved the case: Upgrade to a supported version')
    expect(timelineEventText('case.status-changed', { status: 'IN_PROGRESS', reason: 'customer replied' }, { status: 'WAITING_ON_CUSTOMER' }, customer)).toBe(
      'moved the case to in progress (customer replied)',
    )
    expect(timelineEventText('case.first-response', { met: false, breachedByMinutes: 90 }, null, customer)).toBe(
      'gave the first response (target breached by 1 h 30 min)',
    )
    expect(timelineEventText('case.contact-attempt', { channel: 'PHONE', outcome: 'NO_ANSWER' }, null, customer)).toBe(
      'tried to reach you by phone (no answer)',
    )
    // The e2e tests read these three on the case page.
    expect(timelineEventText('case.reopened', {}, {}, customer)).toBe('reopened the case by replying to the resolution')
    expect(timelineEventText('case.confirmed', {}, {}, customer)).toBe('confirmed the resolution solved it, which closed the case')
    expect(timelineEventText('case.closed', {}, {}, customer)).toBe('closed the case')
    expect(timelineEventText('something.new', {}, {}, customer)).toBe('something.new')
  })
})

describe('phone support', () => {
  it('is for every tier but Free / NFR, and not for feedback', () => {
    expect(hasPhoneSupport({ tier: 'PREMIER', category: 'TECHNICAL' })).toBe(true)
    expect(hasPhoneSupport({ tier: 'EVALUATION', category: 'LICENSING' })).toBe(true)
    expect(hasPhoneSupport({ tier: 'FREE_NFR', category: 'TECHNICAL' })).toBe(false)
    expect(hasPhoneSupport({ tier: 'PREMIER', category: 'FEEDBACK' })).toBe(false)
  })
})

describe('customer activity', () => {
  it('resumes only a case waiting on the customer', () => {
    expect(Object.values(CaseStatus).filter(customerActivityResumes)).toEqual(['WAITING_ON_CUSTOMER'])
  })
})

describe('status labels', () => {
  it('name every status, in the schema\'s order; the customer\'s list says "Waiting on you"', () => {
    expect(Object.keys(STATUS_LABELS)).toEqual(Object.values(CaseStatus))
    expect(Object.keys(CUSTOMER_STATUS_LABELS)).toEqual(Object.values(CaseStatus))
    expect(STATUS_LABELS.WAITING_ON_CUSTOMER).toBe('Waiting on customer')
    expect(CUSTOMER_STATUS_LABELS.WAITING_ON_CUSTOMER).toBe('Waiting on you')
  })
})
