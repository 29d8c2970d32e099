import { Badge } from '@/components/ui'
import { EscalationControls } from '@/components/engineer/escalation-controls'
import { EscalationNotes } from '@/components/engineer/escalation-notes'
import { escalationAction } from '@/app/(portal)/escalations/actions'
import { Detail, Section, vendorWhen, type VendorTools } from './vendor-section'

const ESCALATION_TONES = { OPEN: 'red', ACKNOWLEDGED: 'amber', RESOLVED: 'green' } as const

/** The case's "talk to a manager" requests, with a manager's controls on each. */
export function VendorEscalations({ t, timeZone }: { t: VendorTools; timeZone: string }) {
  const c = t.case
  const when = vendorWhen(timeZone)
  if (t.escalations.length === 0) return null
  return (
    <Section title="Escalations" id="vendor-escalations">
      <ul className="space-y-5">
        {t.escalations.map((e) => (
          <li key={e.id} className="space-y-3">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={ESCALATION_TONES[e.status]}>{e.status.charAt(0) + e.status.slice(1).toLowerCase()}</Badge>
              <span className="text-slate-600">
                Requested by {e.requestedBy.name} on {when(e.openedAt)}
              </span>
            </div>
            <p className="text-sm text-slate-800">
              “{e.reason}”{e.preferredContactTime && <span className="text-slate-500"> · Preferred contact: {e.preferredContactTime}</span>}
            </p>
            <dl className="grid gap-2 text-sm sm:grid-cols-3">
              <Detail label="Handled by">
                {e.handledBy ? `${e.handledBy.name}${e.acknowledgedAt ? `, ${when(e.acknowledgedAt)}` : ''}` : 'Not acknowledged'}
              </Detail>
              <Detail label="Engineer on the case">{c.assignee?.name ?? 'Unassigned'}</Detail>
              <Detail label="Resolved">{e.resolvedAt ? `${when(e.resolvedAt)}: ${e.resolution ?? ''}` : '—'}</Detail>
            </dl>
            <EscalationNotes notes={e.notes} when={when} />
            {t.can.manageEscalations && (
              <EscalationControls
                escalationId={e.id}
                caseNumber={c.number}
                status={e.status}
                engineers={t.engineers}
                assignedEmail={c.assignee?.email ?? null}
                action={escalationAction}
              />
            )}
          </li>
        ))}
      </ul>
    </Section>
  )
}
