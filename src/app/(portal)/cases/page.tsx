import type { Metadata } from 'next'
import Link from 'next/link'
import { Alert, Card, EmptyState, LinkButton, PageHeader, buttonClass, inputClass } from '@/components/ui'
import { ResponseBadge, SeverityBadge, StatusBadge } from '@/components/cases/badges'
import { requirePageActor } from '@/server/auth/actor'
import { listCases } from '@/server/cases/list-cases'
import { listSupportIdsForCases } from '@/server/support-ids/list-for-cases'
import { AppError } from '@/server/errors'
import { formatInstant, formatMinutes } from '@/lib/format'

export const metadata: Metadata = { title: 'My cases' }

const STATUS_FILTERS = [
  ['', 'Any status'], ['OPEN', 'Open'], ['NEW', 'New'], ['IN_PROGRESS', 'In progress'], ['WAITING_ON_CUSTOMER', 'Waiting on you'], ['RESOLVED', 'Resolved'], ['CLOSED', 'Closed'],
] as const

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor()
  const params = await searchParams
  const input = Object.fromEntries(Object.entries({ q: params.q, status: params.status, severity: params.severity, supportId: params.supportId }).filter(([, v]) => v))
  const now = new Date()
  const [result, supportIds] = await Promise.all([
    listCases({ actor, input, now }).then((cases) => ({ cases, error: null }), (error: unknown) => {
      if (error instanceof AppError) return { cases: [], error: error.message }
      throw error
    }),
    listSupportIdsForCases({ actor, now }),
  ])
  const filtered = Object.keys(input).length > 0
  const canOpen = supportIds.length > 0
  return (
    <>
      <PageHeader
        title="My cases"
        description="Every case on the Support IDs you act for, newest first."
        actions={canOpen ? <LinkButton href="/cases/new">Open a case</LinkButton> : undefined}
      />
      <form role="search" className="mb-4 grid gap-2 sm:grid-cols-[1fr_auto_auto_auto_auto]">
        <label htmlFor="q" className="sr-only">Search by case number or words</label>
        <input id="q" name="q" defaultValue={params.q} placeholder="Case number or words" className={inputClass} />
        <label htmlFor="status" className="sr-only">Status</label>
        <select id="status" name="status" defaultValue={params.status ?? ''} className={inputClass}>
          {STATUS_FILTERS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
        <label htmlFor="severity" className="sr-only">Severity</label>
        <select id="severity" name="severity" defaultValue={params.severity ?? ''} className={inputClass}>
          <option value="">Any severity</option>
          {[1, 2, 3, 4].map((s) => <option key={s} value={s}>Severity {s}</option>)}
        </select>
        <label htmlFor="supportId" className="sr-only">Support ID</label>
        <select id="supportId" name="supportId" defaultValue={params.supportId ?? ''} className={inputClass}>
          <option value="">Any Support ID</option>
          {supportIds.map((s) => <option key={s.code} value={s.code}>{s.code}</option>)}
        </select>
        <button type="submit" className={buttonClass('secondary')}>Filter</button>
      </form>
      {result.error && <div className="mb-4"><Alert>{result.error}</Alert></div>}
      {result.cases.length === 0 ? (
        <EmptyState title={filtered ? 'No case matches these filters' : 'No cases yet'} action={filtered ? <Link href="/cases" className="text-sm font-medium text-brand-600 hover:underline">Clear the filters</Link> : undefined}>
          {filtered ? null : canOpen ? 'When you open a case it appears here with its response target.' : actor.orgKind === 'PARTNER'
            ? 'You will see cases once a customer approves your access to one of its Support IDs.'
            : 'You have no case rights on any Support ID. A License Administrator of your organisation can make you a Case Administrator.'}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Case</th>
                <th scope="col" className="px-4 py-3">Title</th>
                <th scope="col" className="px-4 py-3">Support ID</th>
                <th scope="col" className="px-4 py-3">Severity</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Response</th>
                <th scope="col" className="px-4 py-3">Opened</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.cases.map((c) => (
                <tr key={c.number} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-4 py-3 font-mono"><Link href={`/cases/${c.number}`} className="text-brand-600 hover:underline">#{c.number}</Link></td>
                  <td className="px-4 py-3">{c.title}</td>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{c.supportId}</td>
                  <td className="px-4 py-3"><SeverityBadge severity={c.severity} /></td>
                  <td className="px-4 py-3"><StatusBadge status={c.status} /></td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <ResponseBadge status={c.responseStatus} />
                    {c.sla.status === 'pending' && <span className="ml-2 text-xs text-slate-600">{formatMinutes(c.sla.minutesLeft ?? 0)} left</span>}
                    {c.sla.status === 'breached' && <span className="ml-2 text-xs text-red-700">by {formatMinutes(c.sla.breachedByMinutes ?? 0)}</span>}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatInstant(c.openedAt, actor.timeZone, 'd MMM yyyy HH:mm')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  )
}
