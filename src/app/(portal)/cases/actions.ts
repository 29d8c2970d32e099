'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult, type FormFields } from '@/server/api/action'
import { changeSeverity } from '@/server/cases/change-severity'
import { addComment, closeCase, confirmResolution, escalateCase } from '@/server/cases/customer-actions'
import { openCase, openCaseOnce } from '@/server/cases/open-case'
import { recordDeflection } from '@/server/kb/search-kb'

const text = (form: FormData, key: string) => {
  const v = form.get(key)
  return typeof v === 'string' && v.trim() !== '' ? v : undefined
}

// The new-case form's names for the schema's fields (decision 0010).
const OPEN_CASE_FIELDS: FormFields = {
  supportId: { label: 'Support ID' },
  productVersionId: { label: 'Product version' },
  technicalContact: { name: 'technicalContactName', label: 'Technical contact' },
  'technicalContact.name': { name: 'technicalContactName', label: 'Technical contact name' },
  'technicalContact.phone': { name: 'technicalContactPhone', label: 'Technical contact phone' },
  relatedCaseNumber: { label: 'Earlier case' },
}

// Files never travel through Server Actions (1 MB body limit): the page uploads them to the
// streamed API route, the new-case form right after the case exists (decision 0011).
export type OpenCaseResult = Awaited<ReturnType<typeof openCase>>

export async function openCaseAction(_prev: unknown, form: FormData): Promise<ActionResult<OpenCaseResult>> {
  return runAction(
    async (actor) => {
      const contactName = text(form, 'technicalContactName')
      const contactPhone = text(form, 'technicalContactPhone')
      const now = new Date()
      const { result } = await openCaseOnce({
        actor,
        now,
        idempotencyKey: text(form, 'idempotencyKey'), // one per form render: a double submit opens one case
        input: {
          supportId: text(form, 'supportId'),
          productVersionId: text(form, 'productVersionId'),
          category: text(form, 'category'),
          severity: text(form, 'severity'),
          title: text(form, 'title'),
          description: text(form, 'description'),
          environment: text(form, 'environment'),
          preferredLanguage: text(form, 'preferredLanguage'),
          technicalContact: contactName || contactPhone ? { name: contactName ?? '', phone: contactPhone ?? '' } : undefined,
          relatedCaseNumber: text(form, 'relatedCaseNumber'),
        },
      })
      revalidatePath('/cases')
      return result
    },
    { form, fields: OPEN_CASE_FIELDS },
  )
}

export async function deflectAction(articleId: string, query: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await recordDeflection({ actor, input: { articleId, query }, now: new Date() })
      return null
    },
    { texts: [articleId, query] },
  )
}

const refresh = (number: number) => revalidatePath(`/cases/${number}`)

export async function commentAction(number: number, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      const now = new Date()
      await addComment({ actor, number, input: { body: form.get('body') }, now })
      refresh(number)
      return null
    },
    { form, numbers: [number], fields: { body: { label: 'Comment' } } },
  )
}

export async function changeSeverityAction(number: number, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await changeSeverity({
        actor,
        number,
        input: { severity: form.get('severity'), reason: form.get('reason'), version: form.get('version') },
        now: new Date(),
      })
      refresh(number)
      return null
    },
    { form, numbers: [number] },
  )
}

export async function escalateAction(number: number, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await escalateCase({ actor, number, input: { reason: form.get('reason'), preferredContactTime: text(form, 'preferredContactTime') }, now: new Date() })
      refresh(number)
      return null
    },
    { form, numbers: [number] },
  )
}

export async function closeCaseAction(number: number, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      const version = Number(form.get('version'))
      await closeCase({ actor, number, input: { reason: text(form, 'reason'), version: Number.isInteger(version) ? version : undefined }, now: new Date() })
      refresh(number)
      return null
    },
    { form, numbers: [number] },
  )
}

export async function confirmResolutionAction(number: number, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      const version = Number(form.get('version'))
      await confirmResolution({
        actor,
        number,
        input: { rating: form.get('rating') ?? undefined, comment: text(form, 'comment'), version: Number.isInteger(version) ? version : undefined },
        now: new Date(),
      })
      refresh(number)
      return null
    },
    { form, numbers: [number], fields: { rating: { label: 'Rating' }, comment: { label: 'Comment' } } },
  )
}
