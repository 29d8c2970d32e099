import type { Metadata } from 'next'
import Link from 'next/link'
import { Card, EmptyState, PageHeader, Table, SectionTitle } from '@/components/ui'
import { RequestAccessForm } from './_components/request-access-form'
import { GrantStatusBadge } from '@/components/partners/grant-status-badge'
import { requirePageActor } from '@/server/auth/actor'
import { requirePage } from '@/server/access/page-access'
import { listPartnerGrants } from '@/server/partners/list-grants'
import { formatInstant } from '@/lib/format'
import { TIER_LABELS } from '@/lib/cases/labels'

export const metadata: Metadata = { title: 'Access requests' }

export default async function PartnerAccessPage() {
  const actor = await requirePageActor()
  await requirePage(actor, '/partner')
  const grants = await listPartnerGrants({ actor })
  const when = (d: Date) => formatInstant(d, actor.timeZone, 'd MMM yyyy, HH:mm')
  return (
    <>
      <PageHeader
        title="Access requests"
        description={`Ask a customer for access to one of their Support IDs to open and manage cases on their behalf. ${actor.organisationName} sees a Support ID and its cases only while its request is approved.`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-5 lg:col-span-1">
          <SectionTitle>Request access</SectionTitle>
          <p className="mt-1 text-sm text-slate-600">
            Enter the Support ID code the customer gave you. Their License and Case Administrators are told and decide; you get an e-mail either way.
          </p>
          <RequestAccessForm />
        </Card>
        <Card className="overflow-x-auto lg:col-span-2">
          <h2 className="px-5 pt-5 text-base font-semibold">Your organisation&apos;s requests</h2>
          {grants.length === 0 ? (
            <div className="p-5">
              <EmptyState title="No requests yet">Request access to a customer&apos;s Support ID with the form.</EmptyState>
            </div>
          ) : (
            <Table columns={['Support ID', 'Status', 'Customer', 'Requested', 'Decided']} className="mt-3">
              {grants.map((g) => (
                <tr key={g.id} data-testid={`grant-${g.supportIdCode}`}>
                  <td className="whitespace-nowrap font-mono">{g.supportIdCode}</td>
                  <td>
                    <GrantStatusBadge status={g.status} />
                  </td>
                  <td>
                    {g.customer ? (
                      <>
                        {g.customer}
                        {g.tier && <span className="text-slate-500"> · {TIER_LABELS[g.tier]}</span>}
                        <Link href={`/cases/new?supportId=${encodeURIComponent(g.supportIdCode)}`} className="ml-2 text-brand-600 underline">
                          Open a case
                        </Link>
                      </>
                    ) : (
                      <span className="text-slate-500">shown once approved</span>
                    )}
                  </td>
                  <td className="whitespace-nowrap text-slate-600">
                    {when(g.requestedAt)}
                    <span className="block text-xs">by {g.requestedBy.name}</span>
                  </td>
                  <td className="whitespace-nowrap text-slate-600">{g.decidedAt ? when(g.decidedAt) : '—'}</td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  )
}
