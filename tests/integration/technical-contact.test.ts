// Severity 1 on Production / Premier without a technical contact (issue 11): the initial response
// target stays the tier's 24/7 one; the customer adds the contact later, which lifts the
// business-hours flag, logged as a CaseEvent and an AuditEntry in the same transaction.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { openCase } from '@/server/cases/open-case'
import { getCase } from '@/server/cases/get-case'
import { changeSeverity } from '@/server/cases/change-severity'
import { addTechnicalContact } from '@/server/cases/technical-contact'
import { severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import type { ErrorCode } from '@/server/errors'
import { createWorld, type World } from '../support/world'
import { expectRefused } from '../support/refused'

const NOW = new Date('2026-11-20T15:00:00Z')
const LATER = new Date('2026-11-20T16:00:00Z')
let w: World
beforeAll(async () => {
  w = await createWorld(NOW)
})

const open = (over: Record<string, unknown> = {}) =>
  openCase({
    actor: w.actors.caseadmin,
    now: NOW,
    input: {
      supportId: w.supportIds.production.code,
      productVersionId: w.version('CURRENT').id,
      category: 'TECHNICAL',
      severity: 1,
      title: 'Production backup server down',
      description: 'The backup server does not start after the update.',
      preferredLanguage: 'English',
      ...over,
    },
  })
const CONTACT = { name: 'Dana Night', phone: '+1 312 555 0199' }

async function footprint(caseNumber: number) {
  const c = await prisma.case.findUniqueOrThrow({
    where: { number: caseNumber },
    select: { id: true, version: true, businessHoursOnly: true, technicalContactName: true },
  })
  return {
    ...c,
    events: await prisma.caseEvent.count({ where: { caseId: c.id } }),
    audit: await prisma.auditEntry.count({ where: { entityType: 'Case', entityId: c.id } }),
  }
}

const refused = (caseNumber: number, run: () => Promise<unknown>, code: ErrorCode, message: RegExp) =>
  expectRefused(run, code, message, () => footprint(caseNumber))

describe('Severity 1 on Production without a technical contact', () => {
  it('keeps the 1 hour 24/7 initial response target and says work after it is in business hours', async () => {
    const c = await open()
    expect(c.businessHoursOnly).toBe(true)
    expect(c.responseTarget).toMatchObject({ kind: 'deadline', minutes: 60, clock: 'continuous' })
    expect(severity1WorkSentence({ tier: 'PRODUCTION', hasContact: false })).toBe(
      'Initial response: 1 hour, 24/7, with or without a technical contact. Without one, work after that first response happens in business hours only, until a technical contact is added to the case.',
    )
    expect(severity1WorkSentence({ tier: 'PREMIER', hasContact: true })).toBe(
      'Initial response: 30 minutes, 24/7. With a technical contact available, work continues around the clock after that first response.',
    )
  })

  it('adding the contact later lifts the flag, logs a CaseEvent and an AuditEntry, and leaves the target as it was', async () => {
    const c = await open()
    const before = await prisma.case.findUniqueOrThrow({ where: { number: c.number }, select: { id: true, targetDueAt: true, version: true } })
    const result = await addTechnicalContact({ actor: w.actors.licadmin, number: c.number, input: { ...CONTACT, version: before.version }, now: LATER })
    expect(result).toEqual({ number: c.number, technicalContact: CONTACT, businessHoursOnly: false })
    const after = await prisma.case.findUniqueOrThrow({
      where: { number: c.number },
      select: { businessHoursOnly: true, technicalContactName: true, technicalContactPhone: true, targetDueAt: true, version: true },
    })
    expect(after).toMatchObject({
      businessHoursOnly: false,
      technicalContactName: CONTACT.name,
      technicalContactPhone: CONTACT.phone,
      targetDueAt: before.targetDueAt,
      version: before.version + 1,
    })
    const event = await prisma.caseEvent.findFirstOrThrow({ where: { caseId: before.id, type: 'case.technical-contact-added' } })
    expect(event).toMatchObject({ actorId: w.users.licadmin.id, at: LATER, internal: false })
    expect(event.before).toEqual({ name: null, phone: null, businessHoursOnly: true })
    expect(event.after).toEqual({ ...CONTACT, businessHoursOnly: false })
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityType: 'Case', entityId: before.id, action: 'case.technical-contact-added' } })
    expect(audit).toMatchObject({ actorId: w.users.licadmin.id, at: LATER })
    const seen = await getCase({ actor: w.actors.caseadmin, number: c.number, now: LATER })
    expect(seen).toMatchObject({ businessHoursOnly: false, technicalContact: CONTACT })
    expect(seen.timeline.some((i) => i.kind === 'event' && i.type === 'case.technical-contact-added')).toBe(true)
  })

  it('the approved partner may add it too', async () => {
    const c = await open()
    await addTechnicalContact({ actor: w.actors.partner, number: c.number, input: CONTACT, now: LATER })
    expect((await footprint(c.number)).businessHoursOnly).toBe(false)
  })

  describe('refuses, writing nothing', () => {
    it('an invalid phone, naming the field in words', async () => {
      const c = await open()
      await refused(
        c.number,
        () => addTechnicalContact({ actor: w.actors.caseadmin, number: c.number, input: { name: 'Dana Night', phone: 'call me' }, now: LATER }),
        'BAD_REQUEST',
        /Technical contact phone must be a phone number/,
      )
    })
    it('vendor staff (it is the customer’s contact)', async () => {
      const c = await open()
      await refused(c.number, () => addTechnicalContact({ actor: w.actors.engineer, number: c.number, input: CONTACT, now: LATER }), 'FORBIDDEN', /customer/)
    })
    it('a user without case rights and another organisation: not found', async () => {
      const c = await open()
      await refused(c.number, () => addTechnicalContact({ actor: w.actors.user, number: c.number, input: CONTACT, now: LATER }), 'NOT_FOUND', /not found/)
      await refused(c.number, () => addTechnicalContact({ actor: w.actors.otherAdmin, number: c.number, input: CONTACT, now: LATER }), 'NOT_FOUND', /not found/)
      await refused(
        c.number,
        () => addTechnicalContact({ actor: w.actors.pendingPartner, number: c.number, input: CONTACT, now: LATER }),
        'NOT_FOUND',
        /not found/,
      )
    })
    it('a case that is not Severity 1 on Production / Premier', async () => {
      const sev2 = await open({ severity: 2 })
      await refused(
        sev2.number,
        () => addTechnicalContact({ actor: w.actors.caseadmin, number: sev2.number, input: CONTACT, now: LATER }),
        'UNPROCESSABLE',
        /only for Severity 1 on Production and Premier: case #\d+ is Severity 2 on Production/,
      )
      const basic = await open({ supportId: w.supportIds.basic.code })
      await refused(
        basic.number,
        () => addTechnicalContact({ actor: w.actors.caseadmin, number: basic.number, input: CONTACT, now: LATER }),
        'UNPROCESSABLE',
        /Severity 1 on Basic/,
      )
    })
    it('a stale version', async () => {
      const c = await open()
      const { version } = await footprint(c.number)
      await refused(
        c.number,
        () => addTechnicalContact({ actor: w.actors.caseadmin, number: c.number, input: { ...CONTACT, version: version + 5 }, now: LATER }),
        'CONFLICT',
        /changed by someone else/,
      )
    })
  })

  it('a case raised to Severity 1 later without a contact gets the flag; lowered, it loses it', async () => {
    const c = await open({ severity: 2 })
    expect(c.businessHoursOnly).toBe(false)
    await changeSeverity({ actor: w.actors.caseadmin, number: c.number, input: { severity: 1, reason: 'Production is down now' }, now: LATER })
    expect((await footprint(c.number)).businessHoursOnly).toBe(true)
    await changeSeverity({ actor: w.actors.caseadmin, number: c.number, input: { severity: 2, reason: 'Workaround in place' }, now: LATER })
    expect((await footprint(c.number)).businessHoursOnly).toBe(false)
  })
})
