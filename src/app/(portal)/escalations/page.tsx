import type { Metadata } from 'next'
import Link from 'next/link'
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui'
import { SeverityBadge, StatusBadge } from '@/components/cases/badges'
import { TimeLeft } from '@/components/cases/time-left'
import { EscalationControls } from '@/components/engineer/escalation-controls'
import { EscalationNotes } from '@/components/engineer/escalation-notes'
import { requirePageActor } from '@/server/auth/actor'
import { requirePage } from '@/server/access/page-access'
import { findEscalations, type EscalationRow } from '@/server/escalations/find-escalations'
import { listEngineers } from '@/server/engineer/assign-case'
import { formatInstant } from '@/lib/format'
import { TIER_LABELS } from '@/lib/cases/labels'
import { escalationAction } from './actions'

export const metadata: Metadata = { title: 'Escalations' }

const TONES = { OPEN: 'red', ACKNOWLEDGED: 'amber', RESOLVED: 'green' } as const

function CaseSla({ c }: { c: EscalationRow['case'] }) {
  const t = c.responseTarget
  // Still waiting for the first response (responseDueAt set): the clock ticks. Otherwise the state in words.
  if (t.kind === 'deadline' && c.timeLeftMinutes !== null && c.responseStanding.kind !== 'closed-unanswered') {
    return (
      <TimeLeft
        dueAt={new Date(t.dueAt).toISOString()}
        clock={t.clock}
        tier={c.tier}
        timeZone={c.tickCalendar?.timeZone ?? 'UTC'}
        holidays={c.tickCalendar?.holidays ?? []}
        initialMinutes={c.timeLeftMinutes}
      />
    )
  }
  const tone = ({ met: 'green', breached: 'red', 'closed-unanswered': 'amber' } as const)[c.responseStanding.kind as 'met'] ?? 'slate'
  return (
    <span data-testid="escalation-target">
      <Badge tone={tone}>{c.responseStanding.text}</Badge>
    </span>
  )
}

export default async function EscalationsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePageActor()
  await requirePage(actor, '/escalations')
  const { status } = await searchParams
  const all = status === 'all'
  const now = new Date()
  const [{ escalations }, engineers] = await Promise.all([findEscalations({ actor, input: all ? { status: 'all' } : {}, now }), listEngineers()])
  const when = (d: Date) => formatInstant(d, actor.timeZone, 'EEE d MMM, HH:mm')
  return (
    <>
      <PageHeader
        title="Escalations"
        description="“Talk to a manager” requests, oldest first, with each case’s response-target state. Acknowledge, assign an engineer, add notes and resolve: every step goes to the case’s event log."
        actions={
          <nav aria-label="Escalation filter" className="flex gap-1 text-sm">
            <Link
              href="/escalations"
              aria-current={!all ? 'page' : undefined}
              className={`rounded-md px-3 py-1.5 ${!all ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              Open
            </Link>
            <Link
              href="/escalations?status=all"
              aria-current={all ? 'page' : undefined}
              className={`rounded-md px-3 py-1.5 ${all ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              All
            </Link>
          </nav>
        }
      />
      {escalations.length === 0 ? (
        <EmptyState title={all ? 'No escalations yet' : 'No open escalations'}>Customers ask for a manager from their case page.</EmptyState>
      ) : (
        <ol className="space-y-4">
          {escalations.map((e) => (
            <li key={e.id}>
              <Card className="p-5" aria-labelledby={`esc-${e.id}`} data-testid="escalation" data-case-number={e.case.number}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 id={`esc-${e.id}`} className="text-base font-semibold text-slate-900">
                      <Link href={`/cases/${e.case.number}`} className="font-mono text-brand-600 hover:underline">
                        #{e.case.number}
                      </Link>{' '}
                      {e.case.title}
                    </h2>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      {e.case.organisation} · {TIER_LABELS[e.case.tier]} · <SeverityBadge severity={e.case.severity} /> <StatusBadge status={e.case.status} />
                    </p>
                  </div>
                  <div className="text-sm sm:text-right">
                    <Badge tone={TONES[e.status]}>{e.status.charAt(0) + e.status.slice(1).toLowerCase()}</Badge>
                    <p className="mt-1 text-slate-600">
                      Asked {when(e.openedAt)} by {e.requestedBy}
                    </p>
                    <p className="mt-1">
                      <CaseSla c={e.case} />
                    </p>
                  </div>
                </div>
                <blockquote className="mt-3 border-l-4 border-slate-200 pl-3 text-sm text-slate-800">{e.reason}</blockquote>
                {e.preferredContactTime && <p className="mt-1 text-xs text-slate-500">Preferred contact time: {e.preferredContactTime}</p>}
                <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-xs uppercase text-slate-500">Handled by</dt>
                    <dd>{e.handledBy ? `${e.handledBy.name}${e.acknowledgedAt ? ` (${when(e.acknowledgedAt)})` : ''}` : 'Not acknowledged'}</dd>
                  </div>
                  <div>
                    <dt className="text-xs uppercase text-slate-500">Engineer on the case</dt>
                    <dd data-testid="escalation-engineer">{e.engineer?.name ?? 'Unassigned'}</dd>
                  </div>
                  <div>
                    <dt className="text-xs uppercase text-slate-500">Resolved</dt>
                    <dd>{e.resolvedAt ? `${when(e.resolvedAt)}: ${e.resolution ?? ''}` : '—'}</dd>
                  </div>
                </dl>
                <EscalationNotes notes={e.notes} when={when} className="mt-3" />
                {e.status !== 'RESOLVED' && (
                  <section aria-label={`Handle the escalation on case #${e.case.number}`} className="mt-4 border-t border-slate-200 pt-4">
                    <EscalationControls
                      escalationId={e.id}
                      caseNumber={e.case.number}
                      status={e.status}
                      engineers={engineers}
                      assignedEmail={e.engineer?.email ?? null}
                      action={escalationAction}
                    />
                  </section>
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
