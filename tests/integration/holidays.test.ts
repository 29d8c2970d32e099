import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { AppError } from '@/server/errors'
import { addHoliday, createCalendar, deleteHoliday, getCalendar } from '@/server/admin/calendars'
import { applyIcsImport, previewIcsImport } from '@/server/admin/ics-import'
import { openCase } from '@/server/cases/open-case'
import { changeSeverity } from '@/server/cases/change-severity'
import { createWorld, type World } from '../support/world'

const ics = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/ics/vault-closures-2027.ics'), 'utf8')

async function calendarWith(world: World, holidays: [string, string][] = []) {
  const calendar = await createCalendar({ actor: world.actors.admin, input: { name: `Closures ${world.tag}` }, now: world.now })
  for (const [date, name] of holidays) await addHoliday({ actor: world.actors.admin, calendarId: calendar.id, input: { date, name }, now: world.now })
  return calendar
}
const datesOf = async (world: World, calendarId: string) =>
  (await getCalendar({ actor: world.actors.admin, calendarId })).holidays.map((h) => `${h.date} ${h.name}`)

describe('importing an iCalendar file', () => {
  it('previews what will change, saves exactly that in one audited step, and is idempotent', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const calendar = await calendarWith(world, [
      ['2027-03-12', 'Founders Day'],
      ['2027-12-24', 'Christmas Eve'],
      ['2027-05-01', 'Labour Day'],
    ])
    const before = await datesOf(world, calendar.id)

    const preview = await previewIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics, fromYear: 2027, toYear: 2028 }, now })
    expect(preview).toMatchObject({
      mode: 'merge',
      years: { fromYear: 2027, toYear: 2028 },
      add: [
        { date: '2027-08-09', name: 'Summer shutdown' },
        { date: '2027-08-10', name: 'Summer shutdown' },
        { date: '2027-08-11', name: 'Summer shutdown' },
        { date: '2028-12-24', name: 'Christmas Eve' },
      ],
      rename: [{ date: '2027-03-12', from: 'Founders Day', to: "Founders' Day" }],
      remove: [],
      unchanged: 1,
    })
    expect(preview.skipped.map((s) => s.reason)).toEqual(['not an all-day event (it has a time of day)', 'cancelled'])
    // Previewing changed nothing.
    expect(await datesOf(world, calendar.id)).toEqual(before)

    expect(
      await applyIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics, fromYear: 2027, toYear: 2028, digest: preview.digest }, now }),
    ).toEqual({ added: 4, renamed: 1, removed: 0, unchanged: 1 })
    expect(await datesOf(world, calendar.id)).toEqual([
      "2027-03-12 Founders' Day",
      '2027-05-01 Labour Day',
      '2027-08-09 Summer shutdown',
      '2027-08-10 Summer shutdown',
      '2027-08-11 Summer shutdown',
      '2027-12-24 Christmas Eve',
      '2028-12-24 Christmas Eve',
    ])
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: calendar.id, action: 'holiday-calendar.imported' } })
    expect(audit).toMatchObject({
      actorId: world.users.admin.id,
      at: now,
      data: { mode: 'merge', renamed: [{ date: '2027-03-12', from: 'Founders Day', to: "Founders' Day" }], unchanged: 1, skipped: 2 },
    })
    expect((audit.data as { added: unknown[] }).added).toHaveLength(4)

    const again = await previewIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics, fromYear: 2027, toYear: 2028 }, now })
    expect(again).toMatchObject({ add: [], rename: [], remove: [], unchanged: 6 })
  })

  it('replace mode also deletes the holidays of the chosen years that the file does not have', async () => {
    const world = await createWorld()
    const calendar = await calendarWith(world, [
      ['2027-05-01', 'Labour Day'],
      ['2026-05-01', 'Labour Day'],
    ])
    const preview = await previewIcsImport({
      actor: world.actors.admin,
      calendarId: calendar.id,
      input: { ics, mode: 'replace', fromYear: 2027, toYear: 2027 },
      now: world.now,
    })
    expect(preview.remove.map((r) => r.date)).toEqual(['2027-05-01'])
    expect(
      await applyIcsImport({
        actor: world.actors.admin,
        calendarId: calendar.id,
        input: { ics, mode: 'replace', fromYear: 2027, toYear: 2027, digest: preview.digest },
        now: world.now,
      }),
    ).toMatchObject({ removed: 1, added: 5 })
    expect(await datesOf(world, calendar.id)).toContain('2026-05-01 Labour Day')
    expect(await datesOf(world, calendar.id)).not.toContain('2027-05-01 Labour Day')
  })

  it('refuses a stale preview, a file that is not iCalendar, an oversized file, and non-administrators — writing nothing', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const calendar = await calendarWith(world)
    const preview = await previewIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics, fromYear: 2027, toYear: 2027 }, now })
    // Someone adds a holiday between the preview and the save.
    await addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '2027-08-10', name: 'Local fair' }, now })
    const snapshot = async () => [await datesOf(world, calendar.id), await prisma.auditEntry.count({ where: { entityId: calendar.id } })]
    const before = await snapshot()
    const expectRefused = async (call: () => Promise<unknown>, code: string, message: RegExp) => {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(AppError)
      expect(error).toMatchObject({ code })
      expect((error as AppError).message).toMatch(message)
      expect(await snapshot()).toEqual(before)
    }
    await expectRefused(
      () => applyIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics, fromYear: 2027, toYear: 2027, digest: preview.digest }, now }),
      'CONFLICT',
      /changed since the preview/,
    )
    await expectRefused(
      () => previewIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics: 'Date,Name\n2027-01-01,New Year' }, now }),
      'UNPROCESSABLE',
      /not an iCalendar file/,
    )
    await expectRefused(
      () => previewIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics: `BEGIN:VCALENDAR\n${'X'.repeat(1_000_001)}` }, now }),
      'PAYLOAD_TOO_LARGE',
      /larger than 1 MB/,
    )
    await expectRefused(
      () => previewIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics, fromYear: 2030, toYear: 2027 }, now }),
      'BAD_REQUEST',
      /toYear: The first year must not be after the last/,
    )
    await expectRefused(
      () => applyIcsImport({ actor: actors.admin, calendarId: calendar.id, input: { ics }, now }),
      'BAD_REQUEST',
      /digest: Preview the import first/,
    )
    await expectRefused(
      () => applyIcsImport({ actor: actors.engineer, calendarId: calendar.id, input: { ics, digest: preview.digest }, now }),
      'FORBIDDEN',
      /admin role/,
    )
    await expectRefused(() => previewIcsImport({ actor: actors.caseadmin, calendarId: calendar.id, input: { ics }, now }), 'NOT_FOUND', /Not found/)
    await expectRefused(
      () => previewIcsImport({ actor: actors.admin, calendarId: 'no-such-calendar', input: { ics }, now }),
      'NOT_FOUND',
      /That holiday calendar was not found/,
    )
  })
})

describe('decision 0004: a calendar change applies to targets computed from then on; open cases keep theirs', () => {
  it("a new holiday does not move an open case's target; a case opened afterwards, or a severity change, uses it", async () => {
    const world = await createWorld()
    const { actors, supportIds } = world
    // Basic, America/Chicago, Mon–Fri 08:00–20:00, on a calendar of its own (an override of the region's).
    const calendar = await calendarWith(world)
    await prisma.supportId.update({ where: { id: supportIds.basic.id }, data: { holidayCalendarId: calendar.id } })
    const input = {
      supportId: supportIds.basic.code,
      productVersionId: world.version('CURRENT').id,
      category: 'TECHNICAL',
      severity: 3,
      title: 'Restore is slow on the new repository',
      description: 'File-level restores take hours since the repository move.',
      preferredLanguage: 'English',
    }
    // Friday 20 Nov 2026, 09:00 CST: 12 business hours = 11 h on Friday + 1 h on Monday → Monday 23 Nov 09:00 CST.
    const friday = new Date('2026-11-20T15:00:00Z')
    const first = await openCase({ actor: actors.caseadmin, input, now: friday })
    expect(first.responseTarget).toMatchObject({ kind: 'deadline', dueAt: new Date('2026-11-23T15:00:00Z') })

    const monday = await addHoliday({
      actor: actors.admin,
      calendarId: calendar.id,
      input: { date: '2026-11-23', name: 'Company day' },
      now: new Date('2026-11-20T16:00:00Z'),
    })
    const stored = await prisma.case.findUniqueOrThrow({ where: { number: first.number } })
    expect(stored.targetDueAt).toEqual(new Date('2026-11-23T15:00:00Z'))
    expect(stored.responseDueAt).toEqual(new Date('2026-11-23T15:00:00Z'))

    // A case opened after the change skips the new holiday: Tuesday 24 Nov 09:00 CST.
    const second = await openCase({ actor: actors.caseadmin, input, now: friday })
    expect(second.responseTarget).toMatchObject({ kind: 'deadline', dueAt: new Date('2026-11-24T15:00:00Z') })
    // A severity change is a new computation (from the opening time): it uses the calendar as it is now.
    await changeSeverity({
      actor: actors.caseadmin,
      number: first.number,
      input: { severity: 4, reason: 'Workaround found, no longer urgent' },
      now: new Date('2026-11-20T17:00:00Z'),
    })
    // 24 business hours from Friday 09:00: 11 h Fri, (Mon holiday), 12 h Tue, 1 h Wed → Wednesday 25 Nov 09:00 CST.
    expect((await prisma.case.findUniqueOrThrow({ where: { number: first.number } })).targetDueAt).toEqual(new Date('2026-11-25T15:00:00Z'))

    // Removing the holiday again does not move the targets already computed either.
    await deleteHoliday({ actor: actors.admin, holidayId: monday.id, now: new Date('2026-11-20T18:00:00Z') })
    expect((await prisma.case.findUniqueOrThrow({ where: { number: second.number } })).targetDueAt).toEqual(new Date('2026-11-24T15:00:00Z'))
  })
})
