import { authedRoute } from '@/server/api/handler'
import { queryOf } from '@/server/api/params'
import { complianceCsv, complianceReport } from '@/server/reports/compliance'

// GET /api/v1/reports/compliance?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv] — Support Managers only.
export const GET = authedRoute(async ({ actor, req }) => {
  const query = queryOf(req)
  const report = await complianceReport({ actor, input: query, now: new Date() })
  if (query.format !== 'csv') return report
  return new Response(complianceCsv(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="sla-compliance-${report.from}-to-${report.to}.csv"`,
      'cache-control': 'no-store',
    },
  })
})
