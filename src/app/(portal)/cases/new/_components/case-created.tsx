import Link from 'next/link'
import { formatInTimeZone } from 'date-fns-tz'
import { Alert, Card } from '@/components/ui'
import { describeDuration } from '@/lib/sla'
import { contactMatters, severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import { openedConfirmation } from '@/lib/cases/phone-support'
import type { OpenCaseResult } from '../../actions'

/** What the customer sees once the case is open: its number, the response target, the phone lines, the files stored. */
export function CaseCreated({ result, attachments, viewerTimeZone }: { result: OpenCaseResult; attachments: string[]; viewerTimeZone: string }) {
  const target = result.responseTarget
  return (
    <Card className="max-w-2xl p-6">
      <Alert tone="green" title={`Case #${result.number} is open`}>
        <span data-testid="created-phone">{openedConfirmation(result)}</span>
      </Alert>
      <dl className="mt-5 space-y-3 text-sm">
        <div>
          <dt className="text-slate-500">Response target</dt>
          <dd className="font-medium" data-testid="created-target">
            {target.kind === 'deadline'
              ? `Response by ${formatInTimeZone(target.dueAt, viewerTimeZone, 'EEEE d MMMM, HH:mm')} (your time) — ${describeDuration(target.minutes, target.clock)}${target.clock === 'continuous' ? ', 24/7' : ''}`
              : target.kind === 'best-effort'
                ? 'Best effort, no target'
                : 'No response target (feedback)'}
          </dd>
        </div>
        {contactMatters(result.tier, result.severity) && (
          <div className={result.businessHoursOnly ? 'text-amber-800' : 'text-slate-700'} data-testid="severity-1-hours">
            {severity1WorkSentence({ tier: result.tier, hasContact: !result.businessHoursOnly })}
            {result.businessHoursOnly && ' You can add the technical contact on the case page.'}
          </div>
        )}
        {attachments.length > 0 && (
          <div>
            <dt className="text-slate-500">Files</dt>
            <dd>{attachments.join(', ')}</dd>
          </div>
        )}
        {result.phoneLines.length > 0 && (
          <div>
            <dt className="text-slate-500">Phone support</dt>
            <dd>
              <ul className="mt-1 space-y-1">
                {result.phoneLines.map((p) => (
                  <li key={p.number}>
                    {p.country}: <span className="font-medium">{p.number}</span> — quote case #{result.number}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <div className="mt-6 flex gap-3">
        <Link href={`/cases/${result.number}`} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
          View case #{result.number}
        </Link>
        <Link href="/cases" className="rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
          My cases
        </Link>
      </div>
    </Card>
  )
}
