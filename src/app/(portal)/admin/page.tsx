import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Card, PageHeader } from '@/components/ui'
import { hasVendorRole, requirePageActor } from '@/server/auth/actor'
import { prisma } from '@/server/db/client'

export const metadata: Metadata = { title: 'Administration' }

export default async function AdminPage() {
  const actor = await requirePageActor()
  if (!hasVendorRole(actor, 'ADMIN')) notFound()
  const [products, regions, calendars] = await Promise.all([
    prisma.product.findMany({ include: { versions: { orderBy: { name: 'desc' } } }, orderBy: { name: 'asc' } }),
    prisma.region.findMany({ include: { phoneLines: true }, orderBy: { name: 'asc' } }),
    prisma.holidayCalendar.findMany({ include: { _count: { select: { holidays: true } } }, orderBy: { name: 'asc' } }),
  ])
  return (
    <>
      <PageHeader title="Administration" description="Products and versions, regions, and holiday calendars." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-6">
          <h2 className="font-semibold">Products</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {products.map((p) => (
              <li key={p.id}><span className="font-medium">{p.name}</span>: {p.versions.map((v) => `${v.name} (${v.phase.toLowerCase()})`).join(', ')}</li>
            ))}
          </ul>
        </Card>
        <Card className="p-6">
          <h2 className="font-semibold">Regions</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {regions.map((r) => (
              <li key={r.code}><span className="font-medium">{r.name}</span> · {r.defaultTimeZone} · {r.languages.join(', ')}</li>
            ))}
          </ul>
          <h2 className="mt-6 font-semibold">Holiday calendars</h2>
          <ul className="mt-3 space-y-1 text-sm">
            {calendars.map((c) => <li key={c.id}>{c.name}: {c._count.holidays} holidays</li>)}
          </ul>
        </Card>
      </div>
    </>
  )
}
