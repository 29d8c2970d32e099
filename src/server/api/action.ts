import 'server-only'
import { z } from 'zod'
import { AppError, INVALID_INPUT, validationError } from '@/server/errors'
import { requireActor, type Actor } from '@/server/auth/actor'
import { checkActionShape, type ActionShape } from './action-input'

/** Per-field refusals, keyed by the form field's `name`; each message names the field in words. */
export type FieldErrors = Record<string, string>
export type ActionError = { code: string; message: string; fields?: FieldErrors }
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError }

/**
 * How a form shows the inputs of a schema: for a schema path (`technicalContact.phone`), the form
 * field it comes from (`technicalContactPhone`, when the names differ) and its label in words.
 * Paths not listed keep their name and are labelled from it ("preferredLanguage" → "Preferred language").
 */
export type FormFields = Record<string, { name?: string; label: string }>

/** "technicalContact.phone" → "Technical contact phone"; "supportIdCode" → "Support ID code". */
export function labelOf(path: string): string {
  const words = path
    .split('.')
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/))
    .filter((w) => w && !/^\d+$/.test(w))
    .map((w) => (/^id$/i.test(w) ? 'ID' : w.toLowerCase()))
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A refusal's details as form field errors whose messages name the field in words. */
function fieldErrors(details: unknown, fields: FormFields): { errors: FieldErrors; messages: string[] } | undefined {
  if (!Array.isArray(details) || details.length === 0) return undefined
  const errors: FieldErrors = {}
  const messages: string[] = []
  for (const d of details as { path?: unknown; message?: unknown }[]) {
    if (typeof d?.message !== 'string') continue
    const path = typeof d.path === 'string' ? d.path : ''
    if (!path) {
      messages.push(d.message)
      continue
    }
    const known = fields[path]
    const label = known?.label ?? labelOf(path)
    const message = d.message.toLowerCase().includes(label.toLowerCase()) ? d.message : `${label}: ${d.message}`
    messages.push(message)
    const name = known?.name ?? path
    errors[name] ??= message
  }
  return { errors, messages }
}

/** An AppError as a form's refusal: field errors under the form's names, messages in words. */
export function formError(error: AppError, formFields: FormFields = {}): ActionError {
  const fields = fieldErrors(error.details, formFields)
  // A validation failure's own message lists schema paths; say it with the labels instead.
  const message = fields && error.message.startsWith(INVALID_INPUT) ? `Please correct: ${fields.messages.join('; ')}` : error.message
  return { code: error.code, message, fields: fields?.errors }
}

/**
 * Runs a Server Action body for the signed-in actor. A Server Action is a public endpoint: the
 * actor is re-checked here, whatever page rendered the form, and its arguments are checked against
 * the declared shape (anything but the expected FormData, ids and numbers is a 400; decision 0008).
 * Typed errors become form messages: field errors keyed by the form's field names, every message
 * in words (decision 0010).
 */
export async function runAction<T>(run: (actor: Actor) => Promise<T>, options: ActionShape & { fields?: FormFields } = {}): Promise<ActionResult<T>> {
  try {
    const actor = await requireActor()
    checkActionShape(options)
    return { ok: true, data: await run(actor) }
  } catch (error) {
    const appError = error instanceof z.ZodError ? validationError(error) : error
    if (appError instanceof AppError) return { ok: false, error: formError(appError, options.fields ?? {}) }
    console.error(error)
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side; nothing was changed.' } }
  }
}
