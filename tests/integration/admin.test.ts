import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { AppError, type ErrorCode } from '@/server/errors'
import { addVersion, createProduct, deleteProduct, deleteVersion, listCatalogue, renameProduct, updateVersion } from '@/server/admin/catalogue'
import { addPhoneLine, deletePhoneLine, listRegions, updatePhoneLine, updateRegion } from '@/server/admin/regions'
import { addHoliday, createCalendar, deleteCalendar, deleteHoliday, getCalendar, listCalendars, renameCalendar, updateHoliday } from '@/server/admin/calendars'
import { makeCaseWithDeadline } from '../support/make-case'
import { createWorld, type World } from '../support/world'
import { expectRefused } from '../support/refused'

// Products, regions and calendars are shared reference data: these tests make their own (named
// after the world's tag, products sorting after the seeded ones) and never edit the seeded rows.

async function refused(world: World, call: () => Promise<unknown>, code: ErrorCode, message: RegExp) {
  // Scoped to this world's rows: other suites create their own in parallel.
  const count = () =>
    Promise.all([
      prisma.auditEntry.count({ where: { actorId: { in: Object.values(world.users).map((u) => u.id) } } }),
      prisma.product.count({ where: { name: { contains: world.tag } } }),
      prisma.productVersion.count({ where: { OR: [{ product: { name: { contains: world.tag } } }, { name: '99' }] } }),
      prisma.holidayCalendar.count({ where: { name: { contains: world.tag } } }),
      prisma.holiday.count({ where: { calendar: { name: { contains: world.tag } } } }),
      prisma.phoneLine.count({ where: { regionCode: { startsWith: `T${world.tag}` } } }),
      prisma.region.findUniqueOrThrow({ where: { code: 'US' } }).then((r) => JSON.stringify(r)),
    ])
  await expectRefused(call, code, message, count)
}

async function testRegion(world: World) {
  const calendar = await prisma.holidayCalendar.create({ data: { name: `Test region calendar ${world.tag}` } })
  return prisma.region.create({
    data: { code: `T${world.tag}`, name: `Test region ${world.tag}`, languages: ['English'], defaultTimeZone: 'UTC', holidayCalendarId: calendar.id },
  })
}

describe('vendor administration: products and versions', () => {
  it('creates, renames and versions a product with lifecycle phases; every change audited', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const product = await createProduct({ actor: actors.admin, input: { name: `zz Test Product ${world.tag}` }, now })
    await refused(world, () => createProduct({ actor: actors.admin, input: { name: `ZZ TEST PRODUCT ${world.tag}` }, now }), 'CONFLICT', /already exists/)
    await renameProduct({ actor: actors.admin, productId: product.id, input: { name: `zz Test Suite ${world.tag}` }, now })
    const v1 = await addVersion({ actor: actors.admin, productId: product.id, input: { name: '1.0', phase: 'CURRENT', releasedAt: '2026-01-15' }, now })
    await refused(
      world,
      () => addVersion({ actor: actors.admin, productId: product.id, input: { name: '1.0', phase: 'LIMITED' }, now }),
      'CONFLICT',
      /already has a version 1.0/,
    )
    await refused(
      world,
      () => addVersion({ actor: actors.admin, productId: product.id, input: { name: '2.0', phase: 'BETA' }, now }),
      'BAD_REQUEST',
      /phase: Lifecycle phase must be CURRENT, LIMITED or DISCONTINUED/,
    )
    await refused(
      world,
      () => addVersion({ actor: actors.admin, productId: product.id, input: { name: '2.0', phase: 'CURRENT', releasedAt: '2026-02-30' }, now }),
      'BAD_REQUEST',
      /releasedAt: Release date is not a real date/,
    )
    const v2 = await addVersion({ actor: actors.admin, productId: product.id, input: { name: '2.0', phase: 'CURRENT', releasedAt: '' }, now })
    expect(await updateVersion({ actor: actors.admin, versionId: v1.id, input: { phase: 'LIMITED' }, now })).toMatchObject({ name: '1.0', phase: 'LIMITED' })

    const listed = (await listCatalogue({ actor: actors.admin })).find((p) => p.id === product.id)!
    expect(listed).toMatchObject({ name: `zz Test Suite ${world.tag}`, supportIds: expect.any(Number) })
    expect(listed.versions.map((v) => [v.name, v.phase])).toEqual([
      ['1.0', 'LIMITED'],
      ['2.0', 'CURRENT'],
    ])

    await deleteVersion({ actor: actors.admin, versionId: v2.id, now })
    // Unlink any Support ID another suite's world just made (worlds cover every product), then delete.
    await prisma.supportIdProduct.deleteMany({ where: { productId: product.id } })
    await prisma.productVersion.deleteMany({ where: { productId: product.id } })
    await deleteProduct({ actor: actors.admin, productId: product.id, now })
    const audit = await prisma.auditEntry.findMany({ where: { actorId: world.users.admin.id }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => a.action)).toEqual([
      'product.created',
      'product.renamed',
      'product-version.created',
      'product-version.created',
      'product-version.updated',
      'product-version.deleted',
      'product.deleted',
    ])
    expect(audit[4]!.data).toMatchObject({ before: { phase: 'CURRENT' }, after: { phase: 'LIMITED' } })
    expect(audit.every((a) => a.at.getTime() === now.getTime())).toBe(true)
  })

  it('refuses to delete what cases or Support IDs use', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const version = world.version('CURRENT')
    const c = await makeCaseWithDeadline(world)
    await prisma.case.update({ where: { id: c.id }, data: { productVersionId: version.id } })
    await refused(
      world,
      () => deleteVersion({ actor: actors.admin, versionId: version.id, now }),
      'CONFLICT',
      /cannot be deleted: \d+ case\(s\) are about it. Mark it discontinued instead/,
    )
    await refused(
      world,
      () => deleteProduct({ actor: actors.admin, productId: version.productId, now }),
      'CONFLICT',
      /cannot be deleted: \d+ Support ID\(s\) cover it/,
    )
  })
})

describe('vendor administration: regions and phone lines', () => {
  it('edits languages, default zone and calendar; manages phone lines', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const region = await testRegion(world)
    const calendar = await createCalendar({ actor: actors.admin, input: { name: `Other ${world.tag}` }, now })
    const updated = await updateRegion({
      actor: actors.admin,
      regionCode: region.code,
      input: { languages: ['English', 'Japanese'], defaultTimeZone: 'asia/tokyo', holidayCalendarId: calendar.id },
      now,
    })
    expect(updated).toMatchObject({ languages: ['English', 'Japanese'], defaultTimeZone: 'Asia/Tokyo', holidayCalendarId: calendar.id })
    await refused(
      world,
      () => updateRegion({ actor: actors.admin, regionCode: region.code, input: { defaultTimeZone: 'Mars/Olympus_Mons' }, now }),
      'BAD_REQUEST',
      /Mars\/Olympus_Mons is not an IANA time zone/,
    )
    await refused(
      world,
      () => updateRegion({ actor: actors.admin, regionCode: region.code, input: { languages: [] }, now }),
      'BAD_REQUEST',
      /at least one language/,
    )
    await refused(
      world,
      () => updateRegion({ actor: actors.admin, regionCode: region.code, input: { languages: ['English', 'english'] }, now }),
      'BAD_REQUEST',
      /listed twice/,
    )
    await refused(
      world,
      () => updateRegion({ actor: actors.admin, regionCode: region.code, input: { holidayCalendarId: 'nope' }, now }),
      'UNPROCESSABLE',
      /does not exist/,
    )
    await refused(
      world,
      () => updateRegion({ actor: actors.admin, regionCode: 'NOWHERE', input: { name: 'x' }, now }),
      'NOT_FOUND',
      /Region NOWHERE was not found/,
    )

    const line = await addPhoneLine({
      actor: actors.admin,
      regionCode: region.code,
      input: { country: 'Japan', number: '+81 3 5555 0123', hours: 'Mon–Fri 09:00–18:00 JST' },
      now,
    })
    await refused(
      world,
      () => addPhoneLine({ actor: actors.admin, regionCode: region.code, input: { country: 'Japan', number: 'call us' }, now }),
      'BAD_REQUEST',
      /Number must be a phone number/,
    )
    expect(
      await updatePhoneLine({ actor: actors.admin, phoneLineId: line.id, input: { country: 'Japan', number: '+81 3 5555 0199', hours: '' }, now }),
    ).toMatchObject({ number: '+81 3 5555 0199', hours: null })
    const listed = (await listRegions({ actor: actors.admin })).regions.find((r) => r.code === region.code)!
    expect(listed.phoneLines).toEqual([{ id: line.id, country: 'Japan', number: '+81 3 5555 0199', hours: null }])
    await deletePhoneLine({ actor: actors.admin, phoneLineId: line.id, now })
    expect(await prisma.phoneLine.count({ where: { regionCode: region.code } })).toBe(0)
    expect((await prisma.auditEntry.findMany({ where: { actorId: world.users.admin.id }, orderBy: { id: 'asc' } })).map((a) => a.action)).toEqual([
      'holiday-calendar.created',
      'region.updated',
      'phone-line.created',
      'phone-line.updated',
      'phone-line.deleted',
    ])
  })
})

describe('vendor administration: holiday calendars', () => {
  it('adds, edits and deletes holidays; a calendar in use cannot be deleted', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const calendar = await createCalendar({ actor: actors.admin, input: { name: `Company ${world.tag}` }, now })
    await refused(world, () => createCalendar({ actor: actors.admin, input: { name: `company ${world.tag}` }, now }), 'CONFLICT', /already exists/)
    const h = await addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '2027-03-12', name: "Founders' Day" }, now })
    await refused(
      world,
      () => addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '2027-03-12', name: 'Again' }, now }),
      'CONFLICT',
      /already has a holiday on 2027-03-12: Founders' Day/,
    )
    await refused(
      world,
      () => addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '12/03/2027', name: 'x' }, now }),
      'BAD_REQUEST',
      /Date must be a date \(YYYY-MM-DD\)/,
    )
    await addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '2027-12-24', name: 'Christmas Eve' }, now })
    expect(await updateHoliday({ actor: actors.admin, holidayId: h.id, input: { date: '2027-03-15', name: "Founders' Day (observed)" }, now })).toEqual({
      id: h.id,
      date: '2027-03-15',
      name: "Founders' Day (observed)",
    })
    await refused(
      world,
      () => updateHoliday({ actor: actors.admin, holidayId: h.id, input: { date: '2027-12-24' }, now }),
      'CONFLICT',
      /already has a holiday on 2027-12-24/,
    )
    expect((await getCalendar({ actor: actors.admin, calendarId: calendar.id })).holidays.map((x) => [x.date, x.name])).toEqual([
      ['2027-03-15', "Founders' Day (observed)"],
      ['2027-12-24', 'Christmas Eve'],
    ])
    await deleteHoliday({ actor: actors.admin, holidayId: h.id, now })
    await renameCalendar({ actor: actors.admin, calendarId: calendar.id, input: { name: `Company closures ${world.tag}` }, now })
    expect((await listCalendars({ actor: actors.admin })).find((c) => c.id === calendar.id)).toMatchObject({
      name: `Company closures ${world.tag}`,
      holidays: 1,
      years: [2027],
    })

    await prisma.supportId.update({ where: { id: world.supportIds.basic.id }, data: { holidayCalendarId: calendar.id } })
    await refused(
      world,
      () => deleteCalendar({ actor: actors.admin, calendarId: calendar.id, now }),
      'CONFLICT',
      /in use by 0 region\(s\) and 1 Support ID\(s\)/,
    )
    await prisma.supportId.update({ where: { id: world.supportIds.basic.id }, data: { holidayCalendarId: null } })
    await deleteCalendar({ actor: actors.admin, calendarId: calendar.id, now })
    const audit = await prisma.auditEntry.findMany({ where: { entityType: 'HolidayCalendar', entityId: calendar.id }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => [a.action, a.actorId])).toEqual(
      [
        'holiday-calendar.created',
        'holiday.created',
        'holiday.created',
        'holiday.updated',
        'holiday.deleted',
        'holiday-calendar.renamed',
        'holiday-calendar.deleted',
      ].map((action) => [action, world.users.admin.id]),
    )
  })
})

describe('vendor administration: refusals', () => {
  it('vendor staff without the administrator role get 403, customers and partners 404; nothing written', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const calendar = await prisma.holidayCalendar.create({ data: { name: `Refusals ${world.tag}` } })
    const product = (await listCatalogue({ actor: actors.admin }))[0]!
    const attempts = [
      (actor: typeof actors.admin) => createProduct({ actor, input: { name: `zz Nope ${world.tag}` }, now }),
      (actor: typeof actors.admin) => addVersion({ actor, productId: product.id, input: { name: '99', phase: 'CURRENT' }, now }),
      (actor: typeof actors.admin) => addHoliday({ actor, calendarId: calendar.id, input: { date: '2027-01-01', name: 'x' }, now }),
      (actor: typeof actors.admin) => deleteCalendar({ actor, calendarId: calendar.id, now }),
      (actor: typeof actors.admin) => updateRegion({ actor, regionCode: 'US', input: { languages: ['Klingon'] }, now }),
      (actor: typeof actors.admin) => listRegions({ actor }),
    ]
    for (const attempt of attempts) {
      await refused(world, () => attempt(actors.engineer), 'FORBIDDEN', /This needs the admin role/)
      await refused(world, () => attempt(actors.manager), 'FORBIDDEN', /This needs the admin role/)
      await refused(world, () => attempt(actors.licadmin), 'NOT_FOUND', /Not found/)
      await refused(world, () => attempt(actors.partner), 'NOT_FOUND', /Not found/)
    }
  })

  it('hostile input (NUL bytes, traversal, huge ids) is refused with a 4xx, never a database error', async () => {
    const world = await createWorld()
    const { actors, now } = world
    const { requestPartnerAccess } = await import('@/server/partners/request-access')
    const { approvePartnerGrant } = await import('@/server/partners/decide-grant')
    const { inviteCaseAdmin, revokeInvitation, registerFromInvitation, acceptInvitation } = await import('@/server/organisation/invitations')
    const { removeCaseAdmin } = await import('@/server/organisation/case-admins')
    const { previewIcsImport } = await import('@/server/admin/ics-import')
    const calendar = await prisma.holidayCalendar.create({ data: { name: `Hostile ${world.tag}` } })
    const nul = 'a\u0000b'
    const ids = [nul, '../../etc/passwd', 'x'.repeat(10_000), '\ud800', '💥']
    const calls: (() => Promise<unknown>)[] = [
      () => createProduct({ actor: actors.admin, input: { name: nul }, now }),
      () => createCalendar({ actor: actors.admin, input: { name: nul }, now }),
      () => addHoliday({ actor: actors.admin, calendarId: calendar.id, input: { date: '2027-01-01', name: nul }, now }),
      () => addPhoneLine({ actor: actors.admin, regionCode: 'US', input: { country: nul, number: '+1 800 555 0100' }, now }),
      () => addPhoneLine({ actor: actors.admin, regionCode: 'US', input: { country: 'US', number: '+1 800 555 0100', hours: nul }, now }),
      () => updateRegion({ actor: actors.admin, regionCode: 'US', input: { languages: [nul] }, now }),
      () => requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: nul }, now }),
      () => requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: world.supportIds.basic.code, note: nul }, now }),
      () => inviteCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: nul, email: 'x@y.example' }, now }),
      () => inviteCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: world.supportIds.basic.code, email: `x${nul}@y.example` }, now }),
      () => registerFromInvitation({ input: { token: nul.repeat(20), name: 'x', password: 'y' }, now }),
      () => acceptInvitation({ actor: actors.user, input: { token: nul.repeat(20) }, now }),
      ...ids.flatMap((id) => [
        () => renameProduct({ actor: actors.admin, productId: id, input: { name: 'x' }, now }),
        () => deleteVersion({ actor: actors.admin, versionId: id, now }),
        () => updateRegion({ actor: actors.admin, regionCode: id, input: { name: 'x' }, now }),
        () => deletePhoneLine({ actor: actors.admin, phoneLineId: id, now }),
        () => getCalendar({ actor: actors.admin, calendarId: id }),
        () => deleteHoliday({ actor: actors.admin, holidayId: id, now }),
        () => previewIcsImport({ actor: actors.admin, calendarId: id, input: { ics: 'BEGIN:VCALENDAR' }, now }),
        () => approvePartnerGrant({ actor: actors.caseadmin, input: { grantId: id }, now }),
        () => revokeInvitation({ actor: actors.licadmin, invitationId: id, now }),
        () => removeCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: id, userId: id }, now }),
      ]),
    ]
    for (const call of calls) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      )
      expect(error, String(call)).toBeInstanceOf(AppError)
      expect(['BAD_REQUEST', 'NOT_FOUND'], `${String(call)}: ${(error as Error).message}`).toContain((error as AppError).code)
    }
  })
})
