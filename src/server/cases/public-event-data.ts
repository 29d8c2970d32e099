import 'server-only'

const EMAIL = /^[^\s@]+@[^\s@]+$/

/**
 * A case event's before/after as a customer may see it: vendor staff are shown by name only, so
 * every e-mail address in the data is left out (events of assignment and escalation steps carry
 * the engineer's address for the vendor side; stored events are append-only, so this is done on
 * reading, for old events too).
 */
export function withoutEmails(value: unknown): unknown {
  if (typeof value === 'string') return EMAIL.test(value) ? undefined : value
  if (Array.isArray(value)) return value.map(withoutEmails).filter((v) => v !== undefined)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => {
        const kept = withoutEmails(v)
        return kept === undefined ? [] : [[k, kept]]
      }),
    )
  }
  return value
}
