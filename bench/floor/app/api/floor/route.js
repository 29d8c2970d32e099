// The floor of bench/web.ts: a Next.js route handler of the portal's Next version that only
// returns JSON. Whatever the portal does beyond it is the portal's own cost.
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ ok: true, at: Date.now() })
}
