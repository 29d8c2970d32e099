import { NextResponse, type NextRequest } from 'next/server'

// Runs before every page and API route (not static files); for pages:
// - a Content-Security-Policy with a fresh nonce: only scripts carrying it (Next's own, which it
//   tags from the request's CSP header) and what they load may run; no inline script otherwise;
// - the requested path for server components (layouts cannot read it), so a sign-in redirect can
//   come back to the page that asked for it.
// Authorization is not done here: every page and server function checks the actor itself.
export async function proxy(request: NextRequest) {
  // Next's own route matching throws on a path segment that is not valid percent-encoding
  // (`/cases/%E0%A4%A`) and answers 500: refuse it here with a clear 400 (decision 0008).
  if (!decodablePath(new URL(request.url).pathname)) {
    return NextResponse.json(
      { error: { code: 'BAD_REQUEST', message: 'This address is not valid: part of the path has broken percent-encoding' } },
      { status: 400 },
    )
  }
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next()
  // A Server Action call whose body React cannot decode (not JSON, not an argument list) makes
  // Next itself throw before any action runs: refuse it with a 400 (decision 0008).
  if (request.method === 'POST' && request.headers.has('next-action') && !(await decodableActionBody(request))) {
    return NextResponse.json(
      { error: { code: 'BAD_REQUEST', message: 'This request is not a call the portal makes: reload the page and try again' } },
      { status: 400 },
    )
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const dev = process.env.NODE_ENV !== 'production'
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React style attributes (charts, widths) need inline styles; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  const headers = new Headers(request.headers)
  headers.set('x-nonce', nonce)
  headers.set('content-security-policy', csp)
  headers.set('x-pathname', request.nextUrl.pathname + request.nextUrl.search)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', csp)
  return response
}

/** The encoded arguments (the whole text body, or the multipart field "0") are a JSON array. */
async function decodableActionBody(request: NextRequest): Promise<boolean> {
  const type = request.headers.get('content-type') ?? ''
  try {
    const root = type.startsWith('multipart/form-data') ? (await request.clone().formData()).get('0') : await request.clone().text()
    if (root === null && type.startsWith('multipart/form-data')) return true
    return typeof root === 'string' && Array.isArray(JSON.parse(root))
  } catch {
    return false
  }
}

function decodablePath(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

export const config = {
  // Prefetches too: every page response carries the CSP (pen test issue 10; decision 0007).
  // API routes pass through only for the path check above (no CSP for JSON). Not the upload of a
  // well-formed case number: Next buffers every body it hands a proxy (and cuts it off at 10 MB),
  // while that route streams up to the 25 MiB limit (decision 0011). A malformed number there
  // (percent-encoded, say) is not digits, so it still meets the path check.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }, '/api/((?!v1/cases/\\d+/attachments/?$).*)'],
}
