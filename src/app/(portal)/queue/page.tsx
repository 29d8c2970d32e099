import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import Link from 'next/link'
import { Card, EmptyState, PageHeader } from '@/components/ui'
import { ResponseBadge, SeverityBadge, StatusBadge } from '@/components/cases/badges'
import { isVendor, requirePageActor } from '@/server/auth/actor'
import { findQueue } from '@/server/queue/find-queue'
import { formatInstant } from '@/lib/format'

export const metadata: Metadata = { title: 'Queue' }

export default async function QueuePage() {
  const actor = await requirePageActor()
  if (!isVendor(actor)) notFound()
  const cases = await findQueue({ actor, now: new Date() })
  return (
    <>
      <PageHeader title="Queue" description="Open cases, most urgent first: breached, then the soonest response deadline, then best effort." />
      {cases.length === 0 ? (
        <EmptyState title="The queue is empty">No open cases need action.</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Case</th>
                <th scope="col" className="px-4 py-3">Organisation</th>
                <th scope="col" className="px-4 py-3">Title</th>
                <th scope="col" className="px-4 py-3">Severity</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Response due</th>
                <th scope="col" className="px-4 py-3">Assignee</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {cases.map((c) => (
                <tr key={c.number}>
                  <td className="whitespace-nowrap px-4 py-3 font-mono"><Link href={`/cases/${c.number}`} className="text-brand-600 hover:underline">#{c.number}</Link></td>
                  <td className="px-4 py-3">{c.organisation.name}</td>
                  <td className="px-4 py-3">{c.title}</td>
                  <td className="px-4 py-3"><SeverityBadge severity={c.severity} /></td>
                  <td className="px-4 py-3"><StatusBadge status={c.status} /></td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <ResponseBadge status={c.responseStatus} />{' '}
                    {c.targetDueAt && !c.firstResponseAt && <span className="text-slate-600">{formatInstant(c.targetDueAt, actor.timeZone, 'd MMM HH:mm')}</span>}
                  </td>
                  <td className="px-4 py-3 text-slate-600">{c.assignee?.name ?? 'Unassigned'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  )
}
