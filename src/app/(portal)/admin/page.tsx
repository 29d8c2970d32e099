import type { Metadata } from 'next'
import Link from 'next/link'
import { Card, PageHeader } from '@/components/ui'
import { requirePageActor } from '@/server/auth/actor'
import { requireAdminPage } from '@/server/admin/page-guard'
import { listCatalogue } from '@/server/admin/catalogue'
import { listRegions } from '@/server/admin/regions'
import { listCalendars } from '@/server/admin/calendars'

export const metadata: Metadata = { title: 'Administration' }

export default async function AdminPage() {
  const actor = await requirePageActor()
  await requireAdminPage(actor)
  const [products, { regions }, calendars] = await Promise.all([listCatalogue({ actor }), listRegions({ actor }), listCalendars({ actor })])
  const versions = products.flatMap((p) => p.versions)
  const cards = [
    {
      href: '/admin/products',
      title: 'Products and versions',
      summary: `${products.length} products, ${versions.length} versions: ${versions.filter((v) => v.phase === 'CURRENT').length} current, ${versions.filter((v) => v.phase === 'LIMITED').length} limited, ${versions.filter((v) => v.phase === 'DISCONTINUED').length} discontinued.`,
    },
    {
      href: '/admin/regions',
      title: 'Regions',
      summary: `${regions.length} regions with their languages, default time zone, holiday calendar and ${regions.reduce((n, r) => n + r.phoneLines.length, 0)} phone lines.`,
    },
    {
      href: '/admin/calendars',
      title: 'Holiday calendars',
      summary: `${calendars.length} calendars, ${calendars.reduce((n, c) => n + c.holidays, 0)} holidays. Add, edit and delete holidays, or import an iCalendar (.ics) file.`,
    },
    { href: '/inbox', title: 'Outbox', summary: 'Every e-mail the portal sends: delivery status, retries and errors.' },
  ]
  return (
    <>
      <PageHeader title="Administration" description="Products and versions, regions, holiday calendars and the mail outbox." />
      <div className="grid gap-4 sm:grid-cols-2">
        {cards.map((c) => (
          <Card key={c.href} className="p-5 transition hover:ring-brand-300">
            <h2 className="font-semibold">
              <Link href={c.href} className="text-brand-700 hover:underline">
                {c.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{c.summary}</p>
          </Card>
        ))}
      </div>
    </>
  )
}
