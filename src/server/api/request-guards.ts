import 'server-only'
import { env } from '@/env'
import { AppError } from '@/server/errors'
import { formatBytes } from '@/lib/cases/uploads'

// Checks every /api/v1 request passes before its handler runs (decision 0007).

/** A JSON body larger than this is refused with 413, by Content-Length and while it streams. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024
/** Room for a multipart envelope (boundaries, part headers) around one file of UPLOAD_MAX_BYTES. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The largest body a request of this content type may announce: the upload limit for uploads, 1 MB otherwise. */
export function bodyLimitFor(req: Request): number {
  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  return type.startsWith('multipart/form-data') ? env.UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD_BYTES : JSON_BODY_MAX_BYTES
}

export const tooLarge = (limit: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${Math.round(limit / 1024)} KB; nothing was read or changed`)

/** Refuses a body whose Content-Length is over the limit before a byte of it is read. */
export function assertDeclaredLength(req: Request): void {
  const declared = req.headers.get('content-length')
  if (declared === null) return
  const limit = bodyLimitFor(req)
  if (!/^\d+$/.test(declared.trim())) throw new AppError('BAD_REQUEST', 'Content-Length is not a number')
  if (Number(declared) <= limit) return
  // An upload is refused naming the policy's per-file limit, as the upload route itself does.
  if (limit !== JSON_BODY_MAX_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The upload is larger than the limit: the limit is ${formatBytes(env.UPLOAD_MAX_BYTES)} per file; nothing was read or changed`,
    )
  }
  throw tooLarge(limit)
}

/** The origins a browser page of this portal has: NEXTAUTH_URL's when configured, else the Host the request came to. */
function ownOrigins(req: Request): Set<string> {
  if (env.NEXTAUTH_URL) return new Set([new URL(env.NEXTAUTH_URL).origin])
  const host = req.headers.get('host')
  return host ? new Set([`http://${host}`, `https://${host}`]) : new Set()
}

/**
 * A write authenticated by the session cookie must come from one of the portal's own pages.
 * Browsers send `Origin` on every request that is not GET or HEAD (Fetch standard), cross-site
 * or not, and `Sec-Fetch-Site`: a write from another origin is refused with 403. A request with
 * neither header comes from no browser, so no victim's cookie rides on it; bearer tokens are
 * never sent automatically and are not checked.
 */
export function assertSameOriginWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return
  const origin = req.headers.get('origin')
  const site = req.headers.get('sec-fetch-site')
  const refused = new AppError('FORBIDDEN', 'Cross-origin request refused: write through the portal’s own pages, or use an API token')
  if (origin !== null) {
    if (!ownOrigins(req).has(origin)) throw refused
    return
  }
  if (site !== null && site !== 'same-origin' && site !== 'none') throw refused
}

/** Reads a body as text, refusing it as soon as it grows past `limit` bytes. */
export async function readLimitedText(req: Request, limit: number): Promise<string> {
  if (!req.body) return ''
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw tooLarge(limit)
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}
