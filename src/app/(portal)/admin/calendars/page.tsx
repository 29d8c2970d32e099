import type { Metadata } from 'next'
import Link from 'next/link'
import { Card, EmptyState, PageHeader, Table } from '@/components/ui'
import { CreateCalendarForm } from '../_components/calendar-forms'
import { requirePageActor } from '@/server/auth/actor'
import { requireAdminPage } from '@/server/admin/page-guard'
import { listCalendars } from '@/server/admin/calendars'

export const metadata: Metadata = { title: 'Holiday calendars · Administration' }

export default async function AdminCalendarsPage() {
  const actor = await requirePageActor()
  await requireAdminPage(actor)
  const calendars = await listCalendars({ actor })
  return (
    <>
      <PageHeader
        title="Holiday calendars"
        description="Business-hours response targets skip the holidays of the customer's calendar: its region's, or a Support ID's own. Changes apply to targets computed from now on; open cases keep theirs (decision 0004)."
      />
      <Card className="mb-6 p-5">
        <CreateCalendarForm />
      </Card>
      {calendars.length === 0 ? (
        <EmptyState title="No calendars yet">Create one above.</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <Table columns={['Calendar', 'Used by', 'Holidays', 'Years']}>
            {calendars.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/admin/calendars/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                </td>
                <td className="text-slate-600">
                  {[c.regions.map((r) => r.name).join(', '), c.supportIds ? `${c.supportIds} Support ID(s)` : ''].filter(Boolean).join(' · ') || 'not used'}
                </td>
                <td>{c.holidays}</td>
                <td className="text-slate-600">{c.years.length ? c.years.join(', ') : '—'}</td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
    </>
  )
}
