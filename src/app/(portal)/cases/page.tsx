import type { Metadata } from 'next'
import Link from 'next/link'
import { Card, EmptyState, PageHeader } from '@/components/ui'
import { ResponseBadge, SeverityBadge, StatusBadge } from '@/components/cases/badges'
import { requirePageActor } from '@/server/auth/actor'
import { listCases } from '@/server/cases/list-cases'
import { formatInstant } from '@/lib/format'

export const metadata: Metadata = { title: 'My cases' }

export default async function CasesPage() {
  const actor = await requirePageActor()
  const cases = await listCases({ actor, now: new Date() })
  return (
    <>
      <PageHeader title="My cases" description="Every case on the Support IDs you act for." />
      {cases.length === 0 ? (
        <EmptyState title="No cases to show">
          {actor.orgKind === 'VENDOR'
            ? 'Vendor staff work cases from the queue.'
            : 'You have no case rights on any Support ID yet. A License Administrator of your organisation can make you a Case Administrator.'}
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
              {cases.map((c) => (
                <tr key={c.number} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-4 py-3 font-mono">
                    <Link href={`/cases/${c.number}`} className="text-brand-600 hover:underline">#{c.number}</Link>
                  </td>
                  <td className="px-4 py-3">{c.title}</td>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{c.supportId}</td>
                  <td className="px-4 py-3"><SeverityBadge severity={c.severity} /></td>
                  <td className="px-4 py-3"><StatusBadge status={c.status} /></td>
                  <td className="px-4 py-3"><ResponseBadge status={c.responseStatus} /></td>
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
