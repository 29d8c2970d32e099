import Link from 'next/link'
import { Badge, Card } from '@/components/ui'
import type { CaseDetail } from '@/server/cases/get-case'
import { formatInstant } from '@/lib/format'
import { PHASE_WORDS, resolutionLabel } from '@/lib/cases/labels'

/** The description and the facts of a case: product, who opened it, contacts, related cases, resolution and rating. */
export function CaseFacts({ c, timeZone: tz, vendor }: { c: CaseDetail; timeZone: string; vendor: boolean }) {
  return (
    <Card className="p-6">
      <h2 className="sr-only">Description</h2>
      <p className="whitespace-pre-wrap text-sm text-slate-800">{c.description}</p>
      <dl className="mt-5 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Product</dt>
          <dd>{c.product ? `${c.product.name} ${c.product.version} (${PHASE_WORDS[c.product.phase]})` : '—'}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Opened</dt>
          <dd>
            {formatInstant(c.openedAt, tz)} by {c.openedBy.name}
          </dd>
        </div>
        {c.environment && (
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Environment</dt>
            <dd className="whitespace-pre-wrap">{c.environment}</dd>
          </div>
        )}
        <div>
          <dt className="text-slate-500">Preferred language</dt>
          <dd>{c.preferredLanguage}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Engineer</dt>
          <dd>{c.assignee?.name ?? 'Not assigned yet'}</dd>
        </div>
        {c.technicalContact && (
          <div>
            <dt className="text-slate-500">Technical contact (24/7)</dt>
            <dd>
              {c.technicalContact.name}, {c.technicalContact.phone}
            </dd>
          </div>
        )}
        {c.supportId.accountManager && (
          <div>
            <dt className="text-slate-500">Support account manager</dt>
            <dd>{c.supportId.accountManager.name}</dd>
          </div>
        )}
        {c.relatedCase && (
          <div>
            <dt className="text-slate-500">Continues</dt>
            <dd>
              <Link href={`/cases/${c.relatedCase.number}`} className="text-brand-600 hover:underline">
                #{c.relatedCase.number} {c.relatedCase.title}
              </Link>
            </dd>
          </div>
        )}
        {c.referencedBy.length > 0 && (
          <div>
            <dt className="text-slate-500">Continued in</dt>
            <dd>
              {c.referencedBy.map((r) => (
                <Link key={r.number} href={`/cases/${r.number}`} className="mr-2 text-brand-600 hover:underline">
                  #{r.number}
                </Link>
              ))}
            </dd>
          </div>
        )}
        {c.resolution && (
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Resolution</dt>
            <dd>
              {resolutionLabel(c.resolution.code)}
              {c.resolution.summary ? ` — ${c.resolution.summary}` : ''}
            </dd>
          </div>
        )}
        {c.rating && (
          <div className="sm:col-span-2" data-testid="case-rating">
            <dt className="text-slate-500">Customer’s rating</dt>
            <dd>
              <Badge tone={c.rating.rating === 'GOOD' ? 'green' : 'red'}>{c.rating.rating === 'GOOD' ? 'Good' : 'Bad'}</Badge>{' '}
              <span className="text-slate-600">
                {c.rating.by ? `${c.rating.by}, ` : ''}
                {formatInstant(c.rating.ratedAt, tz)}
              </span>
              {c.rating.comment && <span className="mt-1 block whitespace-pre-wrap">“{c.rating.comment}”</span>}
            </dd>
          </div>
        )}
        {!c.rating && c.confirmedAt && !vendor && (
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Confirmed</dt>
            <dd>The resolution was confirmed on {formatInstant(c.confirmedAt, tz)}, which closed the case.</dd>
          </div>
        )}
      </dl>
    </Card>
  )
}
