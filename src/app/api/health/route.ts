// Liveness (GET /api/health): the process answers. No database, no configuration in the answer.
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } })
}
