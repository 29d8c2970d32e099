// Where the browser may go after signing in: a path on this site, nothing else. The value is
// parsed the way a browser would (backslashes, tabs and newlines included: `/\evil.example/` and
// `/\t/evil.example/` are other hosts to a browser), and only a same-origin result is kept
// (pen test issue 10, finding 3; decision 0007).
const BASE = 'http://portal.invalid'

export function sameOriginPath(value: string | null | undefined, origin: string = BASE, fallback = '/'): string {
  if (!value) return fallback
  let url: URL
  try {
    url = new URL(value, origin)
  } catch {
    return fallback
  }
  if (url.origin !== new URL(origin).origin) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
