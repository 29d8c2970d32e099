import { NextResponse, type NextRequest } from 'next/server'

// Runs before every page (not API routes, not static files):
// - a Content-Security-Policy with a fresh nonce: only scripts carrying it (Next's own, which it
//   tags from the request's CSP header) and what they load may run; no inline script otherwise;
// - the requested path for server components (layouts cannot read it), so a sign-in redirect can
//   come back to the page that asked for it.
// Authorization is not done here: every page and server function checks the actor itself.
export function proxy(request: NextRequest) {
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

export const config = {
  // Prefetches too: every page response carries the CSP (pen test issue 10; decision 0007).
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }],
}
