import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import Link from 'next/link'
import { Card, EmptyState, PageHeader } from '@/components/ui'
import { StatusBadge } from '@/components/cases/badges'
import { hasVendorRole, requirePageActor } from '@/server/auth/actor'
import { prisma } from '@/server/db/client'
import { formatInstant } from '@/lib/format'

export const metadata: Metadata = { title: 'Escalations' }

export default async function EscalationsPage() {
  const actor = await requirePageActor()
  if (!hasVendorRole(actor, 'MANAGER')) notFound()
  const escalations = await prisma.escalation.findMany({
    where: { status: { not: 'RESOLVED' } },
    orderBy: { openedAt: 'asc' },
    include: { case: { select: { number: true, title: true, status: true, organisation: { select: { name: true } } } } },
  })
  return (
    <>
      <PageHeader title="Escalations" description="“Talk to a manager” requests, oldest first." />
      {escalations.length === 0 ? (
        <EmptyState title="No open escalations" />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {escalations.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <div>
                  <Link href={`/cases/${e.case.number}`} className="font-mono text-brand-600 hover:underline">#{e.case.number}</Link>{' '}
                  <span className="font-medium">{e.case.title}</span>
                  <p className="text-slate-600">{e.case.organisation.name} · {e.reason}</p>
                </div>
                <div className="text-right text-slate-600">
                  <StatusBadge status={e.case.status} />
                  <p className="text-xs">Opened {formatInstant(e.openedAt, actor.timeZone)}</p>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  )
}
