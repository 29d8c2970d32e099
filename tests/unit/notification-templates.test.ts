import { describe, expect, it } from 'vitest'
import { backoffMs } from '@/server/notifications/deliver'
import { severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import { breachWarningMail, caseOpenedMail, closedWithoutConsentMail, contactAttemptMail, partnerDecisionMail } from '@/server/notifications/templates'

const c = { number: 100123, title: 'Backups fail', severity: 2, tier: 'BASIC', supportIdCode: 'AC-BASC-1003', url: 'https://portal.example/cases/100123' }
const chicago = { email: 'a@x.example', name: 'Lena Ortiz', timeZone: 'America/Chicago' }
const berlin = { email: 'b@x.example', name: 'Greta Braun', timeZone: 'Europe/Berlin' }

describe('notification e-mails', () => {
  it("show instants in each recipient's own zone", () => {
    const target = { kind: 'deadline' as const, dueAt: new Date('2026-11-23T15:00:00Z'), minutes: 720, clock: 'business' as const }
    const d = {
      case: c,
      openedBy: 'Carl Mendes',
      openedAt: new Date('2026-11-20T15:00:00Z'),
      target,
      phoneLines: [{ country: 'United States', number: '+1 800 555 0142' }],
    }
    expect(caseOpenedMail(chicago, d).text).toContain('Initial response target: 12 business hours, due by Mon 23 Nov 2026, 09:00 (America/Chicago).')
    expect(caseOpenedMail(berlin, d).text).toContain('due by Mon 23 Nov 2026, 16:00 (Europe/Berlin)')
    expect(caseOpenedMail(chicago, d).text).toContain('Phone support: quote case number #100123 when you call.\n  United States: +1 800 555 0142')
    expect(caseOpenedMail(chicago, { ...d, target: { kind: 'best-effort' }, phoneLines: [] }).text).toContain('best effort (no response target for this tier)')
  })

  it('a Severity 1 Production case says the 24/7 initial target holds and what the technical contact decides, in the shared words', () => {
    const target = { kind: 'deadline' as const, dueAt: new Date('2026-11-20T16:00:00Z'), minutes: 60, clock: 'continuous' as const }
    const sev1 = { ...c, severity: 1, tier: 'PRODUCTION' }
    const d = { case: sev1, openedBy: 'Carl Mendes', openedAt: new Date('2026-11-20T15:00:00Z'), target, phoneLines: [] }
    const without = caseOpenedMail(chicago, { ...d, businessHoursOnly: true }).text
    expect(without).toContain('Initial response target: 1 hour, due by')
    expect(without).toContain(severity1WorkSentence({ tier: 'PRODUCTION', hasContact: false }))
    expect(without).toContain('Add the technical contact on the case: https://portal.example/cases/100123')
    expect(caseOpenedMail(chicago, { ...d, businessHoursOnly: false }).text).toContain(severity1WorkSentence({ tier: 'PRODUCTION', hasContact: true }))
    expect(caseOpenedMail(chicago, { ...d, case: c }).text).not.toContain('technical contact')
  })

  it.each([
    ['APPROVED', 'Access to Support ID AC-BASC-1003 approved', 'You may now open and manage cases'],
    ['DECLINED', 'Access to Support ID AC-BASC-1003 declined', 'You cannot open cases'],
    ['REVOKED', 'Access to Support ID AC-BASC-1003 revoked', 'can no longer open or see cases'],
  ])('partner decision %s', (status, subject, text) => {
    const mail = partnerDecisionMail(chicago, {
      supportIdCode: 'AC-BASC-1003',
      status,
      decidedAt: new Date('2026-11-20T15:00:00Z'),
      url: 'https://portal.example/partner',
    })
    expect(mail.subject).toBe(subject)
    expect(mail.text).toContain(text)
  })

  it('contact attempts count towards closure; closure without consent says how to go on', () => {
    const attempt = { case: c, engineer: 'Erin Walsh', at: new Date('2026-11-20T15:00:00Z'), channel: 'PHONE', outcome: 'VOICEMAIL', unanswered: 2 }
    expect(contactAttemptMail(chicago, attempt).text).toContain(
      'Erin Walsh tried to reach you by phone on Fri 20 Nov 2026, 09:00 (America/Chicago); a voicemail was left.',
    )
    expect(contactAttemptMail(chicago, attempt).text).toContain('Unanswered attempts on this case so far: 2')
    expect(contactAttemptMail(chicago, { ...attempt, outcome: 'REACHED' }).text).not.toContain('Unanswered')
    const closed = closedWithoutConsentMail(chicago, {
      case: c,
      closedAt: new Date('2026-11-25T15:00:00Z'),
      newCaseUrl: 'https://portal.example/cases/new?related=100123',
    })
    expect(closed.subject).toBe('Case #100123 closed: no response from you')
    expect(closed.text).toContain('If the problem persists, open a new case and reference case #100123: https://portal.example/cases/new?related=100123')
  })

  it('breach warnings name who holds the case', () => {
    const d = { case: c, dueAt: new Date('2026-11-20T15:30:00Z'), left: '30 min of business time' }
    expect(breachWarningMail(chicago, { ...d, assigned: true }).text).toContain(
      'is assigned to you, and its initial response is due by Fri 20 Nov 2026, 09:30 (America/Chicago) (30 min of business time left)',
    )
    expect(breachWarningMail(chicago, { ...d, assigned: false }).text).toContain('unassigned and waiting in the queue')
  })

  it('backs off exponentially, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffMs(n) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600])
  })
})
