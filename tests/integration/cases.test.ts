import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { openCase } from '@/server/cases/open-case'
import { getCase } from '@/server/cases/get-case'
import { listCases } from '@/server/cases/list-cases'
import { changeSeverity } from '@/server/cases/change-severity'
import { addComment, closeCase, escalateCase } from '@/server/cases/customer-actions'
import { readAttachment, uploadAttachment } from '@/server/cases/attachments'
import { listSupportIdsForCases } from '@/server/support-ids/list-for-cases'
import { searchKnowledgeBase } from '@/server/kb/search-kb'
import type { ErrorCode } from '@/server/errors'
import type { Actor } from '@/server/auth/actor'
import { createWorld, type World } from '../support/world'
import { expectRefused } from '../support/refused'

// Friday 20 November 2026, 15:00 UTC = 09:00 in Chicago (CST, UTC-6).
const NOW = new Date('2026-11-20T15:00:00Z')

let w: World
beforeAll(async () => {
  w = await createWorld(NOW)
})

const input = (over: Record<string, unknown> = {}) => ({
  supportId: w.supportIds.basic.code,
  productVersionId: w.version('CURRENT').id,
  category: 'TECHNICAL',
  severity: 2,
  title: 'Backup job fails every night',
  description: 'The nightly job fails with insufficient space on the repository.',
  preferredLanguage: 'English',
  ...over,
})

/** Mail to this world's people only: other files write to the outbox in parallel. */
const worldOutbox = () => prisma.outboxMessage.count({ where: { to: { in: Object.values(w.users).map((u) => u.email) } } })

/** Rows a refused call must not have written for this world. */
async function footprint() {
  const org = w.orgs.customer.id
  return {
    cases: await prisma.case.count({ where: { organisationId: org } }),
    events: await prisma.caseEvent.count({ where: { case: { organisationId: org } } }),
    outbox: await worldOutbox(),
    escalations: await prisma.escalation.count({ where: { case: { organisationId: org } } }),
    attachments: await prisma.attachment.count({ where: { case: { organisationId: org } } }),
  }
}

const refused = (run: () => Promise<unknown>, code: ErrorCode, message: RegExp) => expectRefused(run, code, message, footprint)

describe('opening a case', () => {
  it('gives a Basic Severity 2 case 8 business hours on the site calendar, logs it and queues the mail', async () => {
    const outboxBefore = await worldOutbox()
    const c = await openCase({ actor: w.actors.caseadmin, input: input(), now: NOW })
    // 09:00 Friday + 8 business hours (Mon–Fri 08–20 Chicago) = 17:00 Friday Chicago = 23:00 UTC.
    expect(c.responseTarget).toEqual({ kind: 'deadline', dueAt: new Date('2026-11-20T23:00:00Z'), minutes: 480, clock: 'business' })
    expect(c).toMatchObject({ status: 'NEW', severity: 2, tier: 'BASIC', supportId: w.supportIds.basic.code, businessHoursOnly: false })
    expect(c.phoneLines.length).toBeGreaterThan(0)
    const stored = await prisma.case.findUniqueOrThrow({ where: { number: c.number }, include: { events: true } })
    expect(stored.responseDueAt).toEqual(new Date('2026-11-20T23:00:00Z'))
    expect(stored.events.map((e) => [e.type, e.actorId])).toEqual([['case.opened', w.users.caseadmin.id]])
    expect(await worldOutbox()).toBeGreaterThan(outboxBefore)
  })

  it('carries the clock over a weekend and a holiday (Thanksgiving 2026)', async () => {
    // Wednesday 25 Nov 2026 19:00 Chicago; Thu 26 is Thanksgiving: 1 h Wed + Fri 08–20 (12 h) = 13 h ≥ 12 h.
    const c = await openCase({ actor: w.actors.caseadmin, input: input({ severity: 3 }), now: new Date('2026-11-26T01:00:00Z') })
    expect(c.responseTarget).toMatchObject({ kind: 'deadline', dueAt: new Date('2026-11-28T01:00:00Z'), minutes: 720 })
  })

  it('is open to the License Administrator and the approved partner', async () => {
    const a = await openCase({
      actor: w.actors.licadmin,
      input: input({ supportId: w.supportIds.premier.code, severity: 1, technicalContact: { name: 'Jo Doe', phone: '+1 312 555 0100' } }),
      now: NOW,
    })
    expect(a.responseTarget).toEqual({ kind: 'deadline', dueAt: new Date('2026-11-20T15:30:00Z'), minutes: 30, clock: 'continuous' })
    const p = await openCase({ actor: w.actors.partner, input: input({ supportId: w.supportIds.production.code, severity: 1 }), now: NOW })
    // Severity 1 on Production without a technical contact: accepted, worked in business hours only.
    expect(p).toMatchObject({ businessHoursOnly: true, responseTarget: { kind: 'deadline', minutes: 60, clock: 'continuous' } })
  })

  it('gives Free / NFR best effort and no phone line; feedback no target', async () => {
    const free = await openCase({ actor: w.actors.caseadmin, input: input({ supportId: w.supportIds.free.code, severity: 3 }), now: NOW })
    expect(free.responseTarget).toEqual({ kind: 'best-effort' })
    expect(free.phoneLines).toEqual([])
    const fb = await openCase({ actor: w.actors.caseadmin, input: input({ category: 'FEEDBACK', severity: 4, productVersionId: undefined }), now: NOW })
    expect(fb.responseTarget).toEqual({ kind: 'none' })
    expect(fb.phoneLines).toEqual([])
  })

  it('allows only licensing cases on an expired Support ID', async () => {
    const c = await openCase({ actor: w.actors.licadmin, input: input({ supportId: w.supportIds.expired.code, category: 'LICENSING' }), now: NOW })
    expect(c.category).toBe('LICENSING')
  })

  describe('refuses, with a clear message, writing nothing', () => {
    it('a customer user without case rights', () =>
      refused(() => openCase({ actor: w.actors.user, input: input(), now: NOW }), 'NOT_FOUND', /was not found among the Support IDs you may open cases for/))
    it('a pending partner', () =>
      refused(
        () => openCase({ actor: w.actors.pendingPartner, input: input({ supportId: w.supportIds.production.code }), now: NOW }),
        'NOT_FOUND',
        /not found/,
      ))
    it('a revoked partner', () =>
      refused(
        () => openCase({ actor: w.actors.revokedPartner, input: input({ supportId: w.supportIds.production.code }), now: NOW }),
        'NOT_FOUND',
        /not found/,
      ))
    it('the partner on a Support ID it was not granted', () =>
      refused(() => openCase({ actor: w.actors.partner, input: input({ supportId: w.supportIds.basic.code }), now: NOW }), 'NOT_FOUND', /not found/))
    it("another organisation's administrator", () =>
      refused(() => openCase({ actor: w.actors.otherAdmin, input: input(), now: NOW }), 'NOT_FOUND', /not found/))
    it('vendor staff', () => refused(() => openCase({ actor: w.actors.engineer, input: input(), now: NOW }), 'FORBIDDEN', /ask the customer/))
    it('Severity 1 on Evaluation (N/A)', () =>
      refused(
        () => openCase({ actor: w.actors.caseadmin, input: input({ supportId: w.supportIds.evaluation.code, severity: 1 }), now: NOW }),
        'UNPROCESSABLE',
        /not available on Evaluation/,
      ))
    it('Severity 1 on Free / NFR (N/A)', () =>
      refused(
        () => openCase({ actor: w.actors.caseadmin, input: input({ supportId: w.supportIds.free.code, severity: 1 }), now: NOW }),
        'UNPROCESSABLE',
        /not available for Free \/ NFR/,
      ))
    it('a technical case on an expired Support ID', () =>
      refused(
        () => openCase({ actor: w.actors.licadmin, input: input({ supportId: w.supportIds.expired.code }), now: NOW }),
        'UNPROCESSABLE',
        /maintenance ended on .* Only licensing cases/,
      ))
    it('a language the region does not offer', () =>
      refused(
        () => openCase({ actor: w.actors.caseadmin, input: input({ preferredLanguage: 'German' }), now: NOW }),
        'UNPROCESSABLE',
        /German is not offered in United States: choose one of English, Spanish/,
      ))
    it('feedback with a severity other than 4', () =>
      refused(() => openCase({ actor: w.actors.caseadmin, input: input({ category: 'FEEDBACK', severity: 2 }), now: NOW }), 'UNPROCESSABLE', /Severity 4/))
    it('a product the Support ID does not cover', async () => {
      const product = await prisma.product.create({
        data: { name: `Uncovered ${w.tag}`, versions: { create: { name: '1.0', phase: 'CURRENT' } } },
        include: { versions: true },
      })
      await refused(
        () => openCase({ actor: w.actors.caseadmin, input: input({ productVersionId: product.versions[0]!.id }), now: NOW }),
        'UNPROCESSABLE',
        /is not covered by Support ID/,
      )
    })
    it('a reference to a case of another Support ID', async () => {
      const other = await openCase({ actor: w.actors.caseadmin, input: input({ supportId: w.supportIds.production.code }), now: NOW })
      await refused(
        () => openCase({ actor: w.actors.caseadmin, input: input({ relatedCaseNumber: other.number }), now: NOW }),
        'UNPROCESSABLE',
        /is not a case of Support ID/,
      )
    })
    it('malformed input, naming each bad field', async () => {
      await refused(
        () => openCase({ actor: w.actors.caseadmin, input: input({ title: 'x', severity: 7, extra: true }), now: NOW }),
        'BAD_REQUEST',
        /title: Title needs at least 5 characters/,
      )
      await refused(
        () => openCase({ actor: w.actors.caseadmin, input: input({ severity: 7 }), now: NOW }),
        'BAD_REQUEST',
        /severity: Severity must be 1, 2, 3 or 4/,
      )
      await refused(() => openCase({ actor: w.actors.caseadmin, input: input({ extra: true }), now: NOW }), 'BAD_REQUEST', /Unrecognized key: "extra"/)
    })
  })
})

describe('following a case', () => {
  async function fresh(actor: Actor = w.actors.caseadmin, over: Record<string, unknown> = {}) {
    return openCase({ actor, input: input(over), now: NOW })
  }

  it('recomputes the target from the opening time when the severity changes, keeping both in the log', async () => {
    const c = await fresh()
    const later = new Date('2026-11-20T18:00:00Z')
    const changed = await changeSeverity({ actor: w.actors.caseadmin, number: c.number, input: { severity: 1, reason: 'Production is down now' }, now: later })
    // From the opening (09:00 Chicago) + 2 business hours = 11:00 Chicago = 17:00 UTC: already past.
    expect(changed.responseTarget).toEqual({ kind: 'deadline', dueAt: new Date('2026-11-20T17:00:00Z'), minutes: 120, clock: 'business' })
    const detail = await getCase({ actor: w.actors.caseadmin, number: c.number, now: later })
    expect(detail.responseStatus).toBe('breached')
    const event = detail.timeline.find((t) => t.kind === 'event' && t.type === 'case.severity-changed')
    expect(event).toMatchObject({ before: { severity: 2, targetMinutes: 480 }, after: { severity: 1, targetMinutes: 120, reason: 'Production is down now' } })
  })

  it('refuses an N/A severity, a stale version and a closed case, writing nothing', async () => {
    const evalCase = await fresh(w.actors.caseadmin, { supportId: w.supportIds.evaluation.code })
    await refused(
      () => changeSeverity({ actor: w.actors.caseadmin, number: evalCase.number, input: { severity: 1, reason: 'It is critical' }, now: NOW }),
      'UNPROCESSABLE',
      /not available on Evaluation/,
    )
    await refused(
      () => changeSeverity({ actor: w.actors.caseadmin, number: evalCase.number, input: { severity: 3, reason: 'Less urgent', version: 99 }, now: NOW }),
      'CONFLICT',
      /changed by someone else/,
    )
    await closeCase({ actor: w.actors.caseadmin, number: evalCase.number, input: {}, now: NOW })
    await refused(
      () => changeSeverity({ actor: w.actors.caseadmin, number: evalCase.number, input: { severity: 3, reason: 'Less urgent' }, now: NOW }),
      'CONFLICT',
      /closed/,
    )
    await refused(
      () => addComment({ actor: w.actors.caseadmin, number: evalCase.number, input: { body: 'Hello?' }, now: NOW }),
      'CONFLICT',
      /open a new case that references it/,
    )
  })

  it('a customer reply sends a case waiting on the customer back to the engineer', async () => {
    const c = await fresh()
    await prisma.case.update({ where: { number: c.number }, data: { status: 'WAITING_ON_CUSTOMER' } })
    const later = new Date('2026-11-20T16:00:00Z')
    const reply = await addComment({ actor: w.actors.licadmin, number: c.number, input: { body: 'Logs attached.' }, now: later })
    expect(reply.status).toBe('IN_PROGRESS')
    const stored = await prisma.case.findUniqueOrThrow({ where: { number: c.number } })
    expect(stored).toMatchObject({ status: 'IN_PROGRESS', lastCustomerActivityAt: later })
  })

  it('hides cases from everyone outside the Support ID, as not found', async () => {
    const c = await fresh()
    for (const actor of [w.actors.otherAdmin, w.actors.user, w.actors.partner, w.actors.pendingPartner, w.actors.revokedPartner]) {
      await refused(() => getCase({ actor, number: c.number, now: NOW }), 'NOT_FOUND', new RegExp(`Case #${c.number} was not found`))
      await refused(() => addComment({ actor, number: c.number, input: { body: 'hi' }, now: NOW }), 'NOT_FOUND', /not found/)
      await refused(() => changeSeverity({ actor, number: c.number, input: { severity: 3, reason: 'because' }, now: NOW }), 'NOT_FOUND', /not found/)
      await refused(() => escalateCase({ actor, number: c.number, input: { reason: 'Nobody answers us' }, now: NOW }), 'NOT_FOUND', /not found/)
    }
    const partnerCases = (await listCases({ actor: w.actors.partner, now: NOW })).cases
    expect(new Set(partnerCases.map((x) => x.supportId))).toEqual(new Set([w.supportIds.production.code]))
    expect(
      (await listCases({ actor: w.actors.otherAdmin, now: NOW })).cases.some((x) => x.supportId.endsWith(w.tag) && x.supportId !== w.supportIds.other.code),
    ).toBe(false)
  })

  it('opens one manager escalation at a time', async () => {
    const c = await fresh()
    const e = await escalateCase({
      actor: w.actors.caseadmin,
      number: c.number,
      input: { reason: 'No progress for two days', preferredContactTime: 'mornings' },
      now: NOW,
    })
    expect(e.status).toBe('OPEN')
    await refused(
      () => escalateCase({ actor: w.actors.licadmin, number: c.number, input: { reason: 'Still no progress at all' }, now: NOW }),
      'CONFLICT',
      /already asked/,
    )
    await refused(
      () => escalateCase({ actor: w.actors.engineer, number: c.number, input: { reason: 'Engineers do not escalate' }, now: NOW }),
      'FORBIDDEN',
      /customer/,
    )
  })

  it('stores uploads outside public/, serves them to allowed people only, and refuses bad files', async () => {
    const c = await fresh()
    const bytes = new TextEncoder().encode('2026-11-20 09:00:01 ERROR insufficient space\n')
    const a = await uploadAttachment({ actor: w.actors.caseadmin, number: c.number, file: { name: '../../etc/job.log', bytes }, now: NOW })
    expect(a).toMatchObject({ name: 'job.log', size: bytes.byteLength, contentType: 'text/plain' })
    const read = await readAttachment({ actor: w.actors.licadmin, number: c.number, attachmentId: a.id })
    expect(await new Response(read.body).text()).toBe('2026-11-20 09:00:01 ERROR insufficient space\n')
    const vendorRead = await readAttachment({ actor: w.actors.engineer, number: c.number, attachmentId: a.id })
    expect(vendorRead.size).toBe(bytes.byteLength)
    await refused(() => readAttachment({ actor: w.actors.otherAdmin, number: c.number, attachmentId: a.id }), 'NOT_FOUND', /not found/)
    await refused(
      () => uploadAttachment({ actor: w.actors.caseadmin, number: c.number, file: { name: 'run.exe', bytes }, now: NOW }),
      'UNSUPPORTED_MEDIA_TYPE',
      /run.exe: this file type is not accepted/,
    )
    await refused(
      () => uploadAttachment({ actor: w.actors.caseadmin, number: c.number, file: { name: 'huge.zip', bytes: new Uint8Array(26 * 1024 * 1024) }, now: NOW }),
      'PAYLOAD_TOO_LARGE',
      /limit is 25.0 MB/,
    )
    await refused(() => uploadAttachment({ actor: w.actors.otherAdmin, number: c.number, file: { name: 'x.log', bytes }, now: NOW }), 'NOT_FOUND', /not found/)
  })
})

describe('what the case form is given', () => {
  it('lists only the Support IDs the actor may act for, with status and calendar', async () => {
    const codes = (actor: Actor) => listSupportIdsForCases({ actor, now: NOW }).then((l) => l.map((s) => s.code).sort())
    expect(await codes(w.actors.partner)).toEqual([w.supportIds.production.code])
    expect(await codes(w.actors.pendingPartner)).toEqual([])
    expect(await codes(w.actors.user)).toEqual([])
    const lic = await listSupportIdsForCases({ actor: w.actors.licadmin, now: NOW })
    expect(lic).toHaveLength(6)
    expect(lic.find((s) => s.code === w.supportIds.expired.code)?.status).toBe('EXPIRED')
    const basic = lic.find((s) => s.code === w.supportIds.basic.code)!
    expect(basic.calendar.timeZone).toBe('America/Chicago')
    expect(basic.calendar.holidays).toContain('2026-11-26')
    expect(basic.region.languages).toEqual(['English', 'Spanish'])
  })

  it('finds knowledge-base articles with the words of a case', async () => {
    const found = await searchKnowledgeBase({ input: { q: 'nightly backup fails insufficient free space repository', take: 3 } })
    expect(found[0]?.title).toMatch(/Insufficient free space on repository/)
  })
})
