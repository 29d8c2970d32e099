import type { ReactNode } from 'react'
import { Card } from '@/components/ui'
import { formatInstant } from '@/lib/format'
import type { VendorCaseTools } from '@/server/engineer/get-vendor-case'

/** What the page fetched for the vendor tools (getVendorCaseTools), passed down as props. */
export type VendorTools = VendorCaseTools

/** An instant in the reader's own zone, as the vendor tools write it. */
export const vendorWhen = (timeZone: string) => (d: Date) => formatInstant(d, timeZone, 'EEE d MMM yyyy, HH:mm')

export function Section({ title, id, children, aside }: { title: string; id: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <Card className="p-5" aria-labelledby={id}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        {aside}
      </div>
      {children}
    </Card>
  )
}

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  )
}
