import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, notFound, parseInput } from '@/server/errors'
import { ZPhoneLineInput, ZUpdateRegionInput } from '@/lib/admin/schemas'
import { audit } from './write-helpers'
import { safeId } from './safe-id'

type Write = { actor: Actor; input: unknown; now: Date }

/** Regions with languages, default zone, holiday calendar and phone lines. */
export async function listRegions({ actor }: { actor: Actor }) {
  requireVendor(actor, 'ADMIN')
  const [regions, calendars] = await Promise.all([
    prisma.region.findMany({
      orderBy: { name: 'asc' },
      select: {
        code: true,
        name: true,
        languages: true,
        defaultTimeZone: true,
        holidayCalendarId: true,
        holidayCalendar: { select: { id: true, name: true } },
        phoneLines: { orderBy: { country: 'asc' }, select: { id: true, country: true, number: true, hours: true } },
        _count: { select: { supportIds: true } },
      },
    }),
    prisma.holidayCalendar.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ])
  return { regions: regions.map(({ _count, ...r }) => ({ ...r, supportIds: _count.supportIds })), calendars }
}

/** The canonical IANA name of a zone, or a 400 naming it. Zones are never inferred (conventions). */
export function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    throw new AppError('BAD_REQUEST', `Invalid input: defaultTimeZone: ${zone} is not an IANA time zone (e.g. Europe/Berlin)`, [
      { path: 'defaultTimeZone', message: `${zone} is not an IANA time zone (e.g. Europe/Berlin)` },
    ])
  }
}

/**
 * Name, languages, default zone and holiday calendar of a region. Cases keep the language they were
 * opened in; Support IDs keep the site zone they were given (the default applies to new ones);
 * a calendar change applies to targets computed from now on (decision 0004).
 */
export async function updateRegion({ actor, regionCode, input, now }: Write & { regionCode: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(regionCode, `Region ${String(regionCode).slice(0, 40)}`)
  const data = parseInput(ZUpdateRegionInput, input)
  const defaultTimeZone = data.defaultTimeZone ? canonicalZone(data.defaultTimeZone) : undefined
  return prisma.$transaction(async (tx) => {
    const region = await tx.region.findUnique({
      where: { code: regionCode },
      select: { code: true, name: true, languages: true, defaultTimeZone: true, holidayCalendarId: true },
    })
    if (!region) throw notFound(`Region ${regionCode}`)
    if (data.holidayCalendarId && !(await tx.holidayCalendar.count({ where: { id: data.holidayCalendarId } }))) {
      throw new AppError('UNPROCESSABLE', 'That holiday calendar does not exist')
    }
    const updated = await tx.region.update({
      where: { code: regionCode },
      data: {
        ...(data.name ? { name: data.name } : {}),
        ...(data.languages ? { languages: data.languages } : {}),
        ...(defaultTimeZone ? { defaultTimeZone } : {}),
        ...(data.holidayCalendarId ? { holidayCalendarId: data.holidayCalendarId } : {}),
      },
      select: { code: true, name: true, languages: true, defaultTimeZone: true, holidayCalendarId: true },
    })
    await audit(tx, actor, now, 'region.updated', 'Region', regionCode, { before: region, after: updated })
    return updated
  })
}

export async function addPhoneLine({ actor, regionCode, input, now }: Write & { regionCode: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(regionCode, `Region ${String(regionCode).slice(0, 40)}`)
  const data = parseInput(ZPhoneLineInput, input)
  return prisma.$transaction(async (tx) => {
    if (!(await tx.region.count({ where: { code: regionCode } }))) throw notFound(`Region ${regionCode}`)
    const line = await tx.phoneLine.create({ data: { regionCode, ...data }, select: { id: true, country: true, number: true, hours: true } })
    await audit(tx, actor, now, 'phone-line.created', 'PhoneLine', line.id, { regionCode, ...data })
    return line
  })
}

export async function updatePhoneLine({ actor, phoneLineId, input, now }: Write & { phoneLineId: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(phoneLineId, 'That phone line')
  const data = parseInput(ZPhoneLineInput, input)
  return prisma.$transaction(async (tx) => {
    const line = await tx.phoneLine.findUnique({ where: { id: phoneLineId }, select: { id: true, regionCode: true, country: true, number: true, hours: true } })
    if (!line) throw notFound('That phone line')
    const updated = await tx.phoneLine.update({ where: { id: phoneLineId }, data, select: { id: true, country: true, number: true, hours: true } })
    await audit(tx, actor, now, 'phone-line.updated', 'PhoneLine', phoneLineId, {
      regionCode: line.regionCode,
      before: { country: line.country, number: line.number, hours: line.hours },
      after: data,
    })
    return updated
  })
}

export async function deletePhoneLine({ actor, phoneLineId, now }: { actor: Actor; phoneLineId: string; now: Date }) {
  requireVendor(actor, 'ADMIN')
  safeId(phoneLineId, 'That phone line')
  await prisma.$transaction(async (tx) => {
    const line = await tx.phoneLine.findUnique({ where: { id: phoneLineId }, select: { id: true, regionCode: true, country: true, number: true } })
    if (!line) throw notFound('That phone line')
    await tx.phoneLine.delete({ where: { id: phoneLineId } })
    await audit(tx, actor, now, 'phone-line.deleted', 'PhoneLine', phoneLineId, { regionCode: line.regionCode, country: line.country, number: line.number })
  })
}
