'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult } from '@/server/api/action'
import { addVersion, createProduct, deleteProduct, deleteVersion, renameProduct, updateVersion } from '@/server/admin/catalogue'
import { addPhoneLine, deletePhoneLine, updatePhoneLine, updateRegion } from '@/server/admin/regions'
import { addHoliday, createCalendar, deleteCalendar, deleteHoliday, renameCalendar, updateHoliday } from '@/server/admin/calendars'
import { applyIcsImport, previewIcsImport, type IcsImportPlan } from '@/server/admin/ics-import'

const field = (form: FormData, key: string) => {
  const v = form.get(key)
  return typeof v === 'string' ? v : undefined
}
const now = () => new Date()

// Products and versions
export async function createProductAction(_prev: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction(
    async (actor) => {
      const p = await createProduct({ actor, input: { name: field(form, 'name') }, now: now() })
      revalidatePath('/admin', 'layout')
      return { name: p.name }
    },
    { form },
  )
}
export async function renameProductAction(productId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction(
    async (actor) => {
      const p = await renameProduct({ actor, productId, input: { name: field(form, 'name') }, now: now() })
      revalidatePath('/admin', 'layout')
      return { name: p.name }
    },
    { form, ids: [productId] },
  )
}
export async function deleteProductAction(productId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await deleteProduct({ actor, productId, now: now() })
      revalidatePath('/admin', 'layout')
      return null
    },
    { ids: [productId] },
  )
}
export async function addVersionAction(productId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction(
    async (actor) => {
      const v = await addVersion({
        actor,
        productId,
        input: { name: field(form, 'name'), phase: field(form, 'phase'), releasedAt: field(form, 'releasedAt') ?? '' },
        now: now(),
      })
      revalidatePath('/admin', 'layout')
      return { name: v.name }
    },
    { form, ids: [productId] },
  )
}
export async function updateVersionAction(versionId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction(
    async (actor) => {
      const v = await updateVersion({
        actor,
        versionId,
        input: { name: field(form, 'name'), phase: field(form, 'phase'), releasedAt: field(form, 'releasedAt') ?? '' },
        now: now(),
      })
      revalidatePath('/admin', 'layout')
      return { name: v.name }
    },
    { form, ids: [versionId] },
  )
}
export async function deleteVersionAction(versionId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await deleteVersion({ actor, versionId, now: now() })
      revalidatePath('/admin', 'layout')
      return null
    },
    { ids: [versionId] },
  )
}

// Regions and phone lines
export async function updateRegionAction(regionCode: string, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      const languages = (field(form, 'languages') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean)
      await updateRegion({
        actor,
        regionCode,
        input: { name: field(form, 'name'), languages, defaultTimeZone: field(form, 'defaultTimeZone'), holidayCalendarId: field(form, 'holidayCalendarId') },
        now: now(),
      })
      revalidatePath('/admin', 'layout')
      return null
    },
    { form, ids: [regionCode] },
  )
}
const phoneInput = (form: FormData) => ({ country: field(form, 'country'), number: field(form, 'number'), hours: field(form, 'hours') ?? null })
export async function addPhoneLineAction(regionCode: string, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await addPhoneLine({ actor, regionCode, input: phoneInput(form), now: now() })
      revalidatePath('/admin', 'layout')
      return null
    },
    { form, ids: [regionCode] },
  )
}
export async function updatePhoneLineAction(phoneLineId: string, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await updatePhoneLine({ actor, phoneLineId, input: phoneInput(form), now: now() })
      revalidatePath('/admin', 'layout')
      return null
    },
    { form, ids: [phoneLineId] },
  )
}
export async function deletePhoneLineAction(phoneLineId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await deletePhoneLine({ actor, phoneLineId, now: now() })
      revalidatePath('/admin', 'layout')
      return null
    },
    { ids: [phoneLineId] },
  )
}

// Holiday calendars
export async function createCalendarAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction(
    async (actor) => {
      const c = await createCalendar({ actor, input: { name: field(form, 'name') }, now: now() })
      revalidatePath('/admin', 'layout')
      return c
    },
    { form },
  )
}
export async function renameCalendarAction(calendarId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction(
    async (actor) => {
      const c = await renameCalendar({ actor, calendarId, input: { name: field(form, 'name') }, now: now() })
      revalidatePath('/admin', 'layout')
      return { name: c.name }
    },
    { form, ids: [calendarId] },
  )
}
export async function deleteCalendarAction(calendarId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await deleteCalendar({ actor, calendarId, now: now() })
      revalidatePath('/admin', 'layout')
      return null
    },
    { ids: [calendarId] },
  )
}
export async function addHolidayAction(calendarId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ date: string; name: string }>> {
  return runAction(
    async (actor) => {
      const h = await addHoliday({ actor, calendarId, input: { date: field(form, 'date'), name: field(form, 'name') }, now: now() })
      revalidatePath('/admin', 'layout')
      return { date: h.date, name: h.name }
    },
    { form, ids: [calendarId] },
  )
}
export async function updateHolidayAction(holidayId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ date: string; name: string }>> {
  return runAction(
    async (actor) => {
      const h = await updateHoliday({ actor, holidayId, input: { date: field(form, 'date'), name: field(form, 'name') }, now: now() })
      revalidatePath('/admin', 'layout')
      return { date: h.date, name: h.name }
    },
    { form, ids: [holidayId] },
  )
}
export async function deleteHolidayAction(holidayId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await deleteHoliday({ actor, holidayId, now: now() })
      revalidatePath('/admin', 'layout')
      return null
    },
    { ids: [holidayId] },
  )
}

export type IcsImportRequest = { ics: string; mode: 'merge' | 'replace'; fromYear: number; toYear: number }
export async function previewIcsImportAction(calendarId: string, request: IcsImportRequest): Promise<ActionResult<IcsImportPlan>> {
  return runAction((actor) => previewIcsImport({ actor, calendarId, input: request, now: now() }), { ids: [calendarId] })
}
export async function applyIcsImportAction(
  calendarId: string,
  request: IcsImportRequest & { digest: string },
): Promise<ActionResult<{ added: number; renamed: number; removed: number; unchanged: number }>> {
  return runAction(
    async (actor) => {
      const result = await applyIcsImport({ actor, calendarId, input: request, now: now() })
      revalidatePath('/admin', 'layout')
      return result
    },
    { ids: [calendarId] },
  )
}
