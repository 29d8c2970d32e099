import { NextResponse, type NextRequest } from 'next/server'

// Passes the requested path to server components (layouts cannot read it otherwise), so a
// sign-in redirect can come back to the page that asked for it. Authorization is not done here:
// every page and server function checks the actor itself.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set('x-pathname', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.next({ request: { headers } })
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/).*)'],
}
