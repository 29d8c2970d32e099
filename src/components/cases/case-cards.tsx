import Link from 'next/link'
import type { ReactNode } from 'react'
import { Card } from '@/components/ui'
import { SeverityBadge, StatusBadge } from './badges'

export type CaseCardItem = {
  number: number
  title: string
  severity: number
  status: string
  /** Where the case stands against its target: time left, breached, met, best effort. */
  deadline: ReactNode
  /** A line of details under the badges (organisation, tier, Support ID…). */
  details?: ReactNode
  /** The card's last row (assignee and Take in the queue; when it was opened in My cases). */
  footer?: ReactNode
  /** A note the case needs said on its card (e.g. the Severity 1 round-the-clock sentence). */
  note?: ReactNode
}

/**
 * Small screens: one card per case with severity, status and time left, hidden from md up where
 * the page shows its table. Shared by the engineers' queue and the customers' "My cases".
 */
export function CaseCards({ items, label }: { items: CaseCardItem[]; label: string }) {
  return (
    <ol className="space-y-3 md:hidden" aria-label={label} data-testid="case-cards">
      {items.map((c) => (
        <li key={c.number} data-testid="case-card" data-case-number={c.number}>
          <Card className="p-4">
            <div className="flex items-start justify-between gap-3">
              <div>
                <Link href={`/cases/${c.number}`} className="font-mono text-brand-600 hover:underline">
                  #{c.number}
                </Link>{' '}
                <span className="text-sm font-medium text-slate-900">{c.title}</span>
              </div>
              <div className="shrink-0 text-right text-sm">{c.deadline}</div>
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <SeverityBadge severity={c.severity} /> <StatusBadge status={c.status} />
              {c.details && <span>{c.details}</span>}
            </div>
            {c.note && <p className="mt-2 text-xs text-amber-900">{c.note}</p>}
            {c.footer && <div className="mt-2 flex items-center justify-between gap-2 text-sm">{c.footer}</div>}
          </Card>
        </li>
      ))}
    </ol>
  )
}
