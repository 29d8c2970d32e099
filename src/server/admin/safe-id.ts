import 'server-only'
import { notFound } from '@/server/errors'

const ID = /^[A-Za-z0-9_-]{1,64}$/

/** An id or code from a URL or a form: anything that cannot be one (traversal, NUL bytes, 10 kB
 * strings) is simply "not found", before it reaches the database. */
export function safeId(raw: unknown, what: string): string {
  if (typeof raw !== 'string' || !ID.test(raw)) throw notFound(what)
  return raw
}
