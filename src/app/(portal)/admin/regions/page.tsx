import type { Metadata } from 'next'
import { Card, PageHeader } from '@/components/ui'
import { AddPhoneLineForm, PhoneLineRow, RegionForm } from '../_components/region-forms'
import { requirePageActor } from '@/server/auth/actor'
import { requireAdminPage } from '@/server/admin/page-guard'
import { listRegions } from '@/server/admin/regions'

export const metadata: Metadata = { title: 'Regions · Administration' }

export default async function AdminRegionsPage() {
  const actor = await requirePageActor()
  await requireAdminPage(actor)
  const { regions, calendars } = await listRegions({ actor })
  const zones = Intl.supportedValuesOf('timeZone')
  return (
    <>
      <PageHeader
        title="Regions"
        description="A case's preferred language must be one its region offers. A Support ID keeps the site time zone it was given (the default applies to new ones); a calendar change applies to targets computed from now on."
      />
      <datalist id="iana-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="space-y-5">
        {regions.map((r) => (
          <Card key={r.code} className="p-5" aria-label={r.name}>
            <h2 className="text-lg font-semibold">
              {r.name} <span className="font-mono text-sm font-normal text-slate-500">{r.code}</span>
            </h2>
            <p className="text-xs text-slate-500">
              {r.supportIds} Support ID(s) · holidays from {r.holidayCalendar.name}
            </p>
            <div className="mt-4 grid gap-6 lg:grid-cols-2">
              <RegionForm
                region={{ code: r.code, name: r.name, languages: r.languages, defaultTimeZone: r.defaultTimeZone, holidayCalendarId: r.holidayCalendarId }}
                calendars={calendars}
              />
              <section aria-label={`Phone lines of ${r.name}`}>
                <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Phone lines</h3>
                {r.phoneLines.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-500">No phone line: customers of this region get online support only.</p>
                ) : (
                  <ul className="mt-2 space-y-2">
                    {r.phoneLines.map((p) => (
                      <PhoneLineRow key={p.id} line={p} />
                    ))}
                  </ul>
                )}
                <AddPhoneLineForm regionCode={r.code} region={r.name} />
              </section>
            </div>
          </Card>
        ))}
      </div>
    </>
  )
}
