import { readiness } from '@/server/health/readiness'

// Readiness (GET /api/ready): 200 when this instance should take traffic, 503 with the failed
// checks named otherwise (src/server/health/readiness.ts).
export const dynamic = 'force-dynamic'

export async function GET() {
  const { ready, checks } = await readiness()
  return Response.json({ status: ready ? 'ready' : 'not-ready', checks }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } })
}
