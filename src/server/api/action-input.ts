import 'server-only'
import { INT32_MAX } from '@/lib/text'
import { AppError } from '@/server/errors'

/**
 * What a Server Action expects besides the form fields its service validates. A Server Action is a
 * public endpoint: anyone can POST it any arguments React can encode (strings, numbers, objects,
 * no FormData at all), so each one declares the shape of its arguments and runAction refuses
 * anything else with a 400 before the service runs (decision 0008).
 */
export type ActionShape = {
  /** The form the action was bound to: must be a FormData. */
  form?: unknown
  /** Ids and codes bound into the action (product id, Support ID code, …). */
  ids?: unknown[]
  /** Case numbers bound into the action. */
  numbers?: unknown[]
  /** Free values that must at least be strings (their service validates them further). */
  texts?: unknown[]
  /** Values that must be one of a fixed list: [value, allowed values]. */
  choices?: [unknown, readonly string[]][]
}

const ID = /^[A-Za-z0-9_-]{1,64}$/
const stale = (what: string) => new AppError('BAD_REQUEST', `This form is out of date or was not sent by the portal (${what}): reload the page and try again`)

export function checkActionShape(shape: ActionShape): void {
  if ('form' in shape && !(shape.form instanceof FormData)) throw stale('no form data')
  for (const id of shape.ids ?? []) if (typeof id !== 'string' || !ID.test(id)) throw stale('not an id')
  for (const n of shape.numbers ?? []) if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > INT32_MAX) throw stale('not a case number')
  for (const t of shape.texts ?? []) if (typeof t !== 'string' || t.length > 20_000) throw stale('not text')
  for (const [value, allowed] of shape.choices ?? []) if (typeof value !== 'string' || !allowed.includes(value)) throw stale(`not one of ${allowed.join(', ')}`)
}
