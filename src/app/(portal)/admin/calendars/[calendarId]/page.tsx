import type { Metadata } from 'next'
import Link from 'next/link'
import { Alert, Card, EmptyState, PageHeader, SectionTitle } from '@/components/ui'
import { AddHolidayForm, DeleteCalendarButton, HolidayRow, RenameCalendarForm } from '../../_components/calendar-forms'
import { IcsImport } from '../../_components/ics-import'
import { requirePageActor } from '@/server/auth/actor'
import { requireAdminPage } from '@/server/admin/page-guard'
import { orNotFound } from '@/server/access/page-access'
import { getCalendar } from '@/server/admin/calendars'

export async function generateMetadata({ params }: { params: Promise<{ calendarId: string }> }): Promise<Metadata> {
  const actor = await requirePageActor()
  const calendar = await getCalendar({ actor, calendarId: (await params).calendarId }).catch(() => null)
  return { title: calendar ? `${calendar.name} · Holiday calendars` : 'Holiday calendar' }
}

export default async function AdminCalendarPage({ params }: { params: Promise<{ calendarId: string }> }) {
  const actor = await requirePageActor()
  await requireAdminPage(actor)
  const { calendarId } = await params
  const calendar = await orNotFound(getCalendar({ actor, calendarId }))
  const byYear = new Map<string, typeof calendar.holidays>()
  for (const h of calendar.holidays) byYear.set(h.date.slice(0, 4), [...(byYear.get(h.date.slice(0, 4)) ?? []), h])
  const thisYear = new Date().getUTCFullYear()
  const used = [...calendar.regions.map((r) => r.name), ...calendar.supportIds.map((s) => `Support ID ${s}`)]
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/calendars" className="text-brand-600 hover:underline">
          ← Holiday calendars
        </Link>
      </p>
      <PageHeader
        title={calendar.name}
        description={used.length ? `Used by ${used.join(', ')}.` : 'Not used by any region or Support ID yet.'}
        actions={<DeleteCalendarButton calendarId={calendar.id} name={calendar.name} inUse={used.length > 0} />}
      />
      <div className="mb-6">
        <Alert tone="blue">
          Changes apply to response targets computed from now on (new cases, severity changes). Open cases keep the target they were given (decision 0004).
        </Alert>
      </div>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card className="p-5">
            <SectionTitle>Holidays</SectionTitle>
            {calendar.holidays.length === 0 ? (
              <div className="mt-3">
                <EmptyState title="No holidays">Add one, or import an .ics file.</EmptyState>
              </div>
            ) : (
              [...byYear.entries()].map(([year, holidays]) => (
                <section key={year} aria-label={`Holidays ${year}`} className="mt-4">
                  <h3 className="text-sm font-semibold text-slate-600">
                    {year} <span className="font-normal text-slate-500">· {holidays.length}</span>
                  </h3>
                  <ul className="mt-1 divide-y divide-slate-100">
                    {holidays.map((h) => (
                      <HolidayRow key={h.id} holiday={h} />
                    ))}
                  </ul>
                </section>
              ))
            )}
          </Card>
        </div>
        <div className="space-y-6 lg:col-span-2">
          <Card className="p-5">
            <AddHolidayForm calendarId={calendar.id} />
          </Card>
          <Card className="p-5">
            <IcsImport calendarId={calendar.id} defaultFromYear={thisYear} defaultToYear={thisYear + 2} />
          </Card>
          <Card className="p-5">
            <RenameCalendarForm calendarId={calendar.id} name={calendar.name} />
          </Card>
        </div>
      </div>
    </>
  )
}
