import { describe, expect, it } from 'vitest'
import { responseStanding, describeResponseStanding } from '@/lib/response-standing'
import { contactAttemptText } from '@/lib/cases/timeline-text'
import { openedConfirmation } from '@/lib/cases/phone-support'
import { ZContactAttemptInput, contactOutcomesFor } from '@/lib/engineer/schemas'

// Issue 11, smaller defects: the rules behind the escalation card, the timeline wording, the
// contact-attempt form and the case-opened confirmation. Fixed instants; no clock is read.

const calendar = { timeZone: 'America/Chicago', holidays: [] as string[] }
const opened = new Date('2026-11-20T15:00:00Z')
const premier = (over: Partial<Parameters<typeof responseStanding>[0]> = {}) => ({
  tier: 'PREMIER' as const,
  targetKind: 'DEADLINE' as const,
  targetDueAt: new Date('2026-11-20T15:30:00Z'),
  targetMinutes: 30,
  targetClock: 'CONTINUOUS' as const,
  firstResponseAt: null,
  closedAt: null,
  calendar,
  ...over,
})

describe('responseStanding: where a case stands against its response target', () => {
  it.each([
    {
      name: 'Premier, closed 10 minutes after opening, before any response: not best effort',
      c: premier({ closedAt: new Date(opened.getTime() + 10 * 60_000) }),
      now: new Date('2026-11-21T00:00:00Z'),
      kind: 'closed-unanswered',
      text: 'Closed before any response (target 30 minutes, 24/7; not yet due when it closed)',
    },
    {
      name: 'Premier, closed after its target passed without a response',
      c: premier({ closedAt: new Date('2026-11-20T16:30:00Z') }),
      now: new Date('2026-11-22T00:00:00Z'),
      kind: 'closed-unanswered',
      text: 'Closed before any response (target 30 minutes, 24/7; breached by 1 h before it closed)',
    },
    { name: 'Premier, open and pending', c: premier(), now: new Date('2026-11-20T15:10:00Z'), kind: 'pending', text: 'Response due in 20 min' },
    {
      name: 'Premier, answered in time',
      c: premier({ firstResponseAt: new Date('2026-11-20T15:20:00Z') }),
      now: new Date('2026-11-22T00:00:00Z'),
      kind: 'met',
      text: 'Response target met',
    },
    { name: 'Premier, open and breached', c: premier(), now: new Date('2026-11-20T16:00:00Z'), kind: 'breached', text: 'Response breached by 30 min' },
    {
      name: 'Free / NFR: best effort',
      c: premier({ tier: 'FREE_NFR', targetKind: 'BEST_EFFORT', targetDueAt: null, targetMinutes: null, targetClock: null }),
      now: opened,
      kind: 'best-effort',
      text: 'Best effort (Free / NFR: no response target)',
    },
    {
      name: 'Feedback: no target',
      c: premier({ targetKind: 'NONE', targetDueAt: null, targetMinutes: null, targetClock: null }),
      now: opened,
      kind: 'no-target',
      text: 'No response target (feedback)',
    },
  ])('$name', ({ c, now, kind, text }) => {
    const s = responseStanding(c, now)
    expect(s.kind).toBe(kind)
    expect(describeResponseStanding(s)).toBe(text)
  })

  it('measures a business-hours breach in business time, up to the closing', () => {
    // Basic: Mon–Fri 08:00–20:00 Chicago. Due Fri 20 Nov 19:00 local; closed Mon 23 Nov 09:00 local: 1 h Fri + 1 h Mon.
    const s = responseStanding(
      premier({
        tier: 'BASIC',
        targetClock: 'BUSINESS',
        targetMinutes: 240,
        targetDueAt: new Date('2026-11-21T01:00:00Z'),
        closedAt: new Date('2026-11-23T15:00:00Z'),
      }),
      new Date('2026-11-30T00:00:00Z'),
    )
    expect(s).toMatchObject({ kind: 'closed-unanswered', breachedByMinutes: 120 })
  })
})

describe('contact-attempt wording in the timeline depends on who reads it', () => {
  const after = { channel: 'PHONE', outcome: 'VOICEMAIL', contact: 'Dana Lee' }
  it('tells the customer "you"', () => {
    expect(contactAttemptText(after, { side: 'customer', fallbackContact: 'Chris Opener' })).toBe('tried to reach you by phone (voicemail left)')
  })
  it('tells vendor staff whom they tried to reach', () => {
    expect(contactAttemptText(after, { side: 'vendor', fallbackContact: 'Chris Opener' })).toBe('tried to reach Dana Lee by phone (voicemail left)')
  })
  it('names the case’s contact for events logged before the contact was recorded', () => {
    expect(contactAttemptText({ channel: 'EMAIL', outcome: 'NO_ANSWER' }, { side: 'vendor', fallbackContact: 'Chris Opener' })).toBe(
      'tried to reach Chris Opener by e-mail (no answer)',
    )
  })
})

describe('contact-attempt input: a voicemail is left on a phone call only', () => {
  it('refuses e-mail + voicemail with a field error on the outcome', () => {
    const r = ZContactAttemptInput.safeParse({ channel: 'email', outcome: 'voicemail' })
    expect(r.success).toBe(false)
    expect(r.error!.issues).toEqual([
      expect.objectContaining({
        path: ['outcome'],
        message: 'Outcome: a voicemail can only be left on a phone call; for an e-mail choose "No answer" or "Reached the customer"',
      }),
    ])
  })
  it.each([
    ['phone', 'voicemail'],
    ['phone', 'no-answer'],
    ['phone', 'reached'],
    ['email', 'no-answer'],
    ['email', 'reached'],
  ])('accepts %s + %s', (channel, outcome) => {
    expect(ZContactAttemptInput.safeParse({ channel, outcome }).success).toBe(true)
  })
  it('offers the outcomes that fit the channel', () => {
    expect(contactOutcomesFor('phone')).toEqual(['no-answer', 'voicemail', 'reached'])
    expect(contactOutcomesFor('email')).toEqual(['no-answer', 'reached'])
  })
})

describe('the case-opened confirmation says one consistent thing about phone support', () => {
  const lines = [{ country: 'United States', number: '+1 800 555 0100' }]
  it.each([
    {
      name: 'Free / NFR: online only, no phone support',
      input: { number: 100200, tier: 'FREE_NFR' as const, category: 'TECHNICAL' as const, phoneLines: [] },
      text: 'Case #100200 is followed online: Free / NFR support has no phone support, so there is no phone line to call.',
    },
    {
      name: 'feedback: online only',
      input: { number: 100201, tier: 'PREMIER' as const, category: 'FEEDBACK' as const, phoneLines: [] },
      text: 'Case #100201 is followed online: feedback has no phone support, so there is no phone line to call.',
    },
    {
      name: 'a phone line: quote the number',
      input: { number: 100202, tier: 'PREMIER' as const, category: 'TECHNICAL' as const, phoneLines: lines },
      text: 'Keep case #100202: phone support needs it, quote it when you call.',
    },
    {
      name: 'a paid tier in a region without a phone line',
      input: { number: 100203, tier: 'BASIC' as const, category: 'TECHNICAL' as const, phoneLines: [] },
      text: 'Case #100203 is followed online: your region has no phone line.',
    },
  ])('$name', ({ input, text }) => {
    const s = openedConfirmation(input)
    expect(s).toBe(text)
    expect(/phone support needs it/.test(s) && /no phone/.test(s)).toBe(false)
  })
})
