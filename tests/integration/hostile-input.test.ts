import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { AppError } from '@/server/errors'
import { hashToken } from '@/server/auth/token-hash'
import { openCase } from '@/server/cases/open-case'
import { changeSeverity } from '@/server/cases/change-severity'
import { addComment, closeCase, escalateCase } from '@/server/cases/customer-actions'
import { listCases } from '@/server/cases/list-cases'
import { getCase } from '@/server/cases/get-case'
import { replyToCase, requestInformation } from '@/server/engineer/reply-to-case'
import { resolveCase } from '@/server/engineer/resolve-case'
import { logContactAttempt } from '@/server/engineer/contact-attempts'
import { acknowledgeEscalation, addEscalationNote, assignEscalationEngineer, resolveEscalation } from '@/server/escalations/handle-escalation'
import { findQueue, encodeCursor } from '@/server/queue/find-queue'
import { complianceReport } from '@/server/reports/compliance'
import { createProduct } from '@/server/admin/catalogue'
import { addHoliday, createCalendar } from '@/server/admin/calendars'
import { createApiToken } from '@/server/tokens/api-tokens'
import { registerFromInvitation } from '@/server/organisation/invitations'
import { requestPartnerAccess } from '@/server/partners/request-access'
import { searchKnowledgeBase } from '@/server/kb/search-kb'
import { makeCaseWithDeadline } from '../support/make-case'
import { createWorld } from '../support/world'

// Issue 10: every input class that reached PostgreSQL (NUL in text, lone surrogates in jsonb,
// impossible dates, numbers beyond 32 bits, out-of-range cursors) or raced a unique index and
// answered 500. Each must be a typed 4xx (an AppError) naming the field, with nothing written.

const NUL = 'valid text \u0000 with a NUL byte'
const SURROGATE = 'valid text \ud800 with a lone surrogate'

async function refusedWith(call: () => Promise<unknown>, field: RegExp) {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, `${String(call)} should have been refused`).toBeInstanceOf(AppError)
  expect((error as AppError).code, `${String(call)}: ${(error as Error).message}`).toBe('BAD_REQUEST')
  expect((error as AppError).message).toMatch(field)
}

describe('hostile input is a clear 400, never a database error (issue 10)', () => {
  it('NUL bytes, other control characters and lone surrogates in every free-text field', async () => {
    const world = await createWorld()
    const { actors, now, supportIds } = world
    const c = await makeCaseWithDeadline(world, { supportId: 'production' })
    const esc = await escalateCase({ actor: actors.caseadmin, number: c.number, input: { reason: 'Please call me about this one' }, now })
    const open = (patch: Record<string, unknown>) =>
      openCase({
        actor: actors.caseadmin,
        now,
        input: {
          supportId: supportIds.production.code,
          productVersionId: world.version('CURRENT').id,
          category: 'TECHNICAL',
          severity: 3,
          title: 'Backups fail nightly',
          description: 'The nightly job fails at 02:00',
          preferredLanguage: 'English',
          ...patch,
        },
      })
    for (const bad of [NUL, SURROGATE, 'bell \u0007', 'escape \u001b[31m', 'DEL \u007f']) {
      await refusedWith(() => open({ title: bad }), /title: Title must not contain/)
      await refusedWith(() => open({ description: bad }), /description: Description must not contain/)
      await refusedWith(() => open({ environment: bad }), /environment: Environment must not contain/)
      await refusedWith(() => open({ preferredLanguage: bad }), /preferredLanguage/)
      await refusedWith(() => open({ technicalContact: { name: bad, phone: '+1 312 555 0188' } }), /technicalContact.name/)
      await refusedWith(
        () => changeSeverity({ actor: actors.caseadmin, number: c.number, input: { severity: 2, reason: bad }, now }),
        /reason: Reason must not contain/,
      )
      await refusedWith(() => addComment({ actor: actors.caseadmin, number: c.number, input: { body: bad }, now }), /body: Comment must not contain/)
      await refusedWith(() => closeCase({ actor: actors.caseadmin, number: c.number, input: { reason: bad }, now }), /reason: Reason must not contain/)
      await refusedWith(() => escalateCase({ actor: actors.caseadmin, number: c.number, input: { reason: bad }, now }), /reason: Reason must not contain/)
      await refusedWith(
        () => escalateCase({ actor: actors.caseadmin, number: c.number, input: { reason: 'Please call me about this', preferredContactTime: bad }, now }),
        /preferredContactTime/,
      )
      await refusedWith(() => listCases({ actor: actors.caseadmin, input: { q: bad }, now }), /q: Search must not contain/)
      await refusedWith(
        () => replyToCase({ actor: actors.engineer, number: c.number, input: { body: bad, public: true }, now }),
        /body: Reply must not contain/,
      )
      await refusedWith(() => requestInformation({ actor: actors.engineer, number: c.number, input: { body: bad }, now }), /body: Request must not contain/)
      await refusedWith(
        () => resolveCase({ actor: actors.engineer, number: c.number, input: { code: 'UPGRADE', summary: bad }, now }),
        /summary: Summary must not contain/,
      )
      await refusedWith(() => findQueue({ actor: actors.engineer, input: { product: bad }, now }), /product/)
      await refusedWith(() => addEscalationNote({ actor: actors.manager, escalationId: esc.id, input: { note: bad }, now }), /note: Note must not contain/)
      await refusedWith(
        () => resolveEscalation({ actor: actors.manager, escalationId: esc.id, input: { resolution: bad }, now }),
        /resolution: Resolution must not contain/,
      )
      await refusedWith(() => createApiToken({ actor: actors.caseadmin, input: { name: bad }, now }), /name: Token name must not contain/)
      await refusedWith(() => createProduct({ actor: actors.admin, input: { name: `${world.tag} ${bad}` }, now }), /name: Product name must not contain/)
      await refusedWith(() => createCalendar({ actor: actors.admin, input: { name: `${world.tag} ${bad}` }, now }), /name: Calendar name must not contain/)
      await refusedWith(
        () => requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: supportIds.basic.code, note: bad }, now }),
        /note: The note must not contain/,
      )
      await refusedWith(() => searchKnowledgeBase({ input: { q: bad } }), /q: Search must not contain/)
    }
    // Nothing of it was written.
    expect(await prisma.comment.count({ where: { caseId: c.id } })).toBe(0)
    expect(await prisma.caseEvent.count({ where: { caseId: c.id, type: { not: 'escalation.opened' } } })).toBe(0)
  })

  it('tab, newline and CR LF from a textarea are text: CR LF is stored as LF', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const c = await makeCaseWithDeadline(world)
    await addComment({ actor: actors.caseadmin, number: c.number, input: { body: 'line one\r\n\tline two\rline three' }, now })
    const stored = await prisma.comment.findFirstOrThrow({ where: { caseId: c.id } })
    expect(stored.body).toBe('line one\n\tline two\nline three')
    // A well-formed surrogate pair (an emoji) is fine.
    await addComment({ actor: actors.caseadmin, number: c.number, input: { body: 'works now 💥' }, now })
  })

  it('impossible dates, year 0, numbers beyond 32 bits, out-of-range cursors and contact times', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const c = await makeCaseWithDeadline(world, { status: 'IN_PROGRESS', assignee: 'engineer', openedAt: new Date(now.getTime() - 86_400_000) })
    await refusedWith(() => complianceReport({ actor: actors.manager, input: { from: '2026-02-30', to: '2026-03-31' }, now }), /from: date is not a real date/)
    await refusedWith(() => complianceReport({ actor: actors.manager, input: { from: '2026-01-01', to: '2026-13-01' }, now }), /to: date is not a real date/)
    await refusedWith(() => complianceReport({ actor: actors.manager, input: { from: '0000-01-01', to: '2026-01-01' }, now }), /from/)
    const calendar = await createCalendar({ actor: actors.admin, input: { name: `Hostile dates ${world.tag}` }, now })
    await refusedWith(
      () => addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '0000-01-01', name: 'Year zero' }, now }),
      /date: Date must be between/,
    )
    await refusedWith(
      () => addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '2027-02-29', name: 'Not a leap year' }, now }),
      /date: Date is not a real date/,
    )
    await refusedWith(
      () => addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '2027-01-01', name: `Name ${SURROGATE}` }, now }),
      /name: Holiday name must not contain invalid Unicode/,
    )
    await refusedWith(
      () =>
        resolveCase({ actor: actors.engineer, number: c.number, input: { code: 'DUPLICATE', summary: 'Same as the other one', duplicateOf: 2 ** 32 }, now }),
      /duplicateOf/,
    )
    await refusedWith(
      () => resolveCase({ actor: actors.engineer, number: c.number, input: { code: 'UPGRADE', summary: 'Upgrade to 5.2', version: 2 ** 40 }, now }),
      /version/,
    )
    await refusedWith(
      () => changeSeverity({ actor: actors.caseadmin, number: c.number, input: { severity: 2, reason: 'It got worse today', version: 2 ** 40 }, now }),
      /version/,
    )
    for (const cursor of [
      encodeCursor({ seg: 'due', due: 1e20, id: 'x' }),
      encodeCursor({ seg: 'rest', opened: -1e17, id: 'x' }),
      encodeCursor({ seg: 'due', due: Date.now(), id: '\u0000' }),
    ]) {
      await refusedWith(() => findQueue({ actor: actors.engineer, input: { cursor }, now }), /cursor/)
    }
    for (const at of ['not a time', '2026-02-30T10:00:00Z', '-200000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-11-20T25:00:00Z']) {
      await refusedWith(() => logContactAttempt({ actor: actors.engineer, number: c.number, input: { at, channel: 'phone', outcome: 'no-answer' }, now }), /at/)
    }
    expect(await prisma.holiday.count({ where: { calendarId: calendar.id } })).toBe(0)
    expect(await prisma.contactAttempt.count({ where: { caseId: c.id } })).toBe(0)
  })

  it('a customer sees engineers by name only in the case events, never their e-mail address', async () => {
    const world = await createWorld()
    const { actors, users, now } = world
    const c = await makeCaseWithDeadline(world)
    const esc = await escalateCase({ actor: actors.caseadmin, number: c.number, input: { reason: 'Please call me about this one' }, now })
    await acknowledgeEscalation({ actor: actors.manager, escalationId: esc.id, now })
    await assignEscalationEngineer({ actor: actors.manager, escalationId: esc.id, input: { engineer: users.engineer.email }, now })
    const customerView = JSON.stringify(await getCase({ actor: actors.caseadmin, number: c.number, now }))
    expect(customerView).toContain(users.engineer.name)
    expect(customerView).not.toContain(users.engineer.email)
    expect(customerView).not.toContain(users.manager.email)
    // Vendor staff still see who it was.
    expect(JSON.stringify(await getCase({ actor: actors.manager, number: c.number, now }))).toContain(users.engineer.email)
  })

  it('ten parallel registrations on one invitation link: one account, nine clean refusals', async () => {
    const world = await createWorld()
    const { users, supportIds, now } = world
    const token = `parallel-${world.tag}-0123456789abcdef`
    const email = `parallel.${world.tag}@test.example`
    await prisma.invitation.create({
      data: {
        email,
        supportIdId: supportIds.basic.id,
        role: 'CASE_ADMIN',
        tokenHash: hashToken(token),
        invitedById: users.licadmin.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 86_400_000),
      },
    })
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        registerFromInvitation({ input: { token, name: `Racer ${i}`, password: 'a long enough password' }, now }).then(
          () => 'created',
          (e: unknown) => e,
        ),
      ),
    )
    expect(results.filter((r) => r === 'created')).toHaveLength(1)
    for (const r of results.filter((r) => r !== 'created')) {
      expect(r).toBeInstanceOf(AppError)
      expect((r as AppError).code, (r as Error).message).toBe('CONFLICT')
    }
    expect(await prisma.user.count({ where: { email } })).toBe(1)
    expect(await prisma.supportIdRole.count({ where: { supportIdId: supportIds.basic.id, user: { email } } })).toBe(1)
  })
})
