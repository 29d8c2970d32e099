import type { Metadata } from 'next'
import { formatInTimeZone } from 'date-fns-tz'
import { Alert, Button, Card, EmptyState, PageHeader, buttonClass, inputClass, Table, SectionTitle } from '@/components/ui'
import { ComplianceChart } from '@/components/reports/compliance-chart'
import { requirePageActor } from '@/server/auth/actor'
import { requirePage } from '@/server/access/page-access'
import { AppError } from '@/server/errors'
import { complianceReport, type ComplianceCounts, type ComplianceReport, type SatisfactionCounts } from '@/server/reports/compliance'
import { formatMinutes } from '@/lib/format'
import { type Tier } from '@/lib/sla'
import { TIER_LABELS } from '@/lib/cases/labels'

export const metadata: Metadata = { title: 'SLA compliance' }

const DAY = 86_400_000
const minutes = (m: number | null) => (m === null ? '—' : formatMinutes(m))
const pct = (p: number | null) => (p === null ? '—' : `${p}%`)

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
      {hint && <p className="mt-0.5 text-xs text-slate-500">{hint}</p>}
    </Card>
  )
}

function Cells({ r }: { r: ComplianceCounts }) {
  return (
    <>
      <td className="text-right tabular-nums">{r.opened}</td>
      <td className="text-right tabular-nums text-green-700">{r.met}</td>
      <td className="text-right tabular-nums text-red-700">{r.breached}</td>
      <td className="text-right tabular-nums">{r.pending}</td>
      <td className="text-right tabular-nums">{r.noTarget}</td>
      <td className="text-right tabular-nums">{pct(r.compliancePct)}</td>
      <td className="text-right tabular-nums">{minutes(r.medianMinutes)}</td>
      <td className="text-right tabular-nums">{minutes(r.p90Minutes)}</td>
    </>
  )
}

function SatisfactionTable({ caption, head, rows }: { caption: string; head: string; rows: (SatisfactionCounts & { label: string })[] }) {
  return (
    <Table
      columns={[
        head,
        { label: 'Good', className: 'text-right' },
        { label: 'Bad', className: 'text-right' },
        { label: 'Rated', className: 'text-right' },
        { label: 'Good share', className: 'text-right' },
      ]}
      caption={caption}
      showCaption
      variant="dense"
    >
      {rows.map((r) => (
        <tr key={r.label}>
          <th scope="row" className="text-left font-normal">
            {r.label}
          </th>
          <td className="text-right tabular-nums text-green-700">{r.good}</td>
          <td className="text-right tabular-nums text-red-700">{r.bad}</td>
          <td className="text-right tabular-nums">{r.rated}</td>
          <td className="text-right tabular-nums font-medium">{pct(r.goodPct)}</td>
        </tr>
      ))}
    </Table>
  )
}

/** The customers' ratings given in the period, when they confirmed a resolution (decision 0015). */
function Satisfaction({ s }: { s: ComplianceReport['satisfaction'] }) {
  return (
    <Card className="p-5" aria-labelledby="satisfaction-heading" data-testid="satisfaction">
      <SectionTitle id="satisfaction-heading">Customer ratings</SectionTitle>
      <p className="mt-1 text-sm text-slate-600">
        Ratings given in the period when a customer confirmed that a resolution solved the problem:{' '}
        {s.totals.rated === 0 ? 'none yet.' : `${pct(s.totals.goodPct)} good (${s.totals.good} of ${s.totals.rated}).`}
      </p>
      {s.totals.rated > 0 && (
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <div className="overflow-x-auto">
            <SatisfactionTable caption="Per tier" head="Tier" rows={s.byTier.map((r) => ({ ...r, label: TIER_LABELS[r.tier] }))} />
          </div>
          <div className="overflow-x-auto">
            <SatisfactionTable caption="Per region" head="Region" rows={s.byRegion.map((r) => ({ ...r, label: r.region }))} />
          </div>
        </div>
      )}
    </Card>
  )
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requirePageActor()
  await requirePage(actor, '/reports')
  const params = await searchParams
  const now = new Date()
  const to = params.to ?? formatInTimeZone(now, actor.timeZone, 'yyyy-MM-dd')
  const from = params.from ?? formatInTimeZone(new Date(now.getTime() - 29 * DAY), actor.timeZone, 'yyyy-MM-dd')
  let report: ComplianceReport | null = null
  let error: string | null = null
  try {
    report = await complianceReport({ actor, input: { from, to }, now })
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'BAD_REQUEST') throw e
    error = e.message
  }
  const csv = `/api/v1/reports/compliance?${new URLSearchParams({ from, to, format: 'csv' }).toString()}`
  return (
    <>
      <PageHeader
        title="SLA compliance"
        description={`Cases opened between the two dates (both included, ${actor.timeZone}): initial response targets met and breached, and business minutes to first response in each customer's calendar (real minutes for 24/7 tiers).`}
      />
      <form
        method="get"
        action="/reports"
        className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-label="Report period"
      >
        <div>
          <label htmlFor="report-from" className="block text-xs font-medium text-slate-700">
            From
          </label>
          <input id="report-from" name="from" type="date" defaultValue={from} required className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="report-to" className="block text-xs font-medium text-slate-700">
            To
          </label>
          <input id="report-to" name="to" type="date" defaultValue={to} required className={`${inputClass} mt-1`} />
        </div>
        <Button type="submit">Show</Button>
        {report && (
          <a href={csv} className={buttonClass('secondary')} download>
            Download CSV
          </a>
        )}
      </form>
      {error && <Alert title="This period cannot be reported">{error}</Alert>}
      {report && report.totals.opened === 0 && <EmptyState title="No cases were opened in this period">Choose another period.</EmptyState>}
      {report && report.totals.opened > 0 && (
        <div className="space-y-6">
          <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
            <Stat label="Cases opened" value={String(report.totals.opened)} hint={`${report.totals.withTarget} with a response target`} />
            <Stat label="Targets met" value={String(report.totals.met)} />
            <Stat
              label="Targets breached"
              value={String(report.totals.breached)}
              hint={report.totals.pending ? `${report.totals.pending} still pending` : undefined}
            />
            <Stat label="Compliance" value={pct(report.totals.compliancePct)} hint="met ÷ (met + breached)" />
            <Stat label="First response" value={minutes(report.totals.medianMinutes)} hint={`median · 90th percentile ${minutes(report.totals.p90Minutes)}`} />
          </div>
          <Card className="p-5">
            <ComplianceChart
              data={report.byTier.map((t) => ({
                tier: TIER_LABELS[t.tier],
                met: t.met,
                breached: t.breached,
                pending: t.pending,
                medianMinutes: t.medianMinutes,
                p90Minutes: t.p90Minutes,
              }))}
            />
          </Card>
          <Card className="overflow-x-auto">
            <Table
              columns={[
                'Tier',
                'Severity',
                'Region',
                { label: 'Opened', className: 'text-right' },
                { label: 'Met', className: 'text-right' },
                { label: 'Breached', className: 'text-right' },
                { label: 'Pending', className: 'text-right' },
                { label: 'No target', className: 'text-right' },
                { label: 'Compliance', className: 'text-right' },
                { label: 'Median', className: 'text-right' },
                { label: '90th pct.', className: 'text-right' },
              ]}
              caption="Compliance per tier, severity and region"
              variant="dense"
              data-testid="compliance-table"
            >
              {report.rows.map((r) => (
                <tr key={`${r.tier}-${r.severity}-${r.region}`}>
                  <td>{TIER_LABELS[r.tier as Tier]}</td>
                  <td>{r.severity}</td>
                  <td>{r.region}</td>
                  <Cells r={r} />
                </tr>
              ))}
            </Table>
          </Card>
        </div>
      )}
      {report && (
        <div className="mt-6">
          <Satisfaction s={report.satisfaction} />
        </div>
      )}
    </>
  )
}
