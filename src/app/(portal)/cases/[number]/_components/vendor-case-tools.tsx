import { Badge } from '@/components/ui'
import { resolutionLabel } from '@/lib/cases/labels'
import { isOpenStatus } from '@/lib/cases/status'
import { AssignForm } from './assign-form'
import { ReplyForm, RequestInformationForm } from './reply-forms'
import { CloseResolvedForm, ResolveForm } from './resolve-forms'
import { VendorContactAttempts } from './vendor-contact-attempts'
import { VendorEscalations } from './vendor-escalations'
import { Section, vendorWhen, type VendorTools } from './vendor-section'
import { VendorSla } from './vendor-sla'

/**
 * Everything vendor staff do on a case page, below the public timeline: assignment, replies and
 * internal notes, information requests, contact attempts ("2 of 3 business days"), resolve and
 * close (or close without consent), the internal SLA details, and escalation handling for managers.
 * The page fetches what it shows (getVendorCaseTools) and passes it as `t`.
 */
export function VendorCaseTools({ t, viewer, now }: { t: VendorTools; viewer: { id: string; timeZone: string }; now: Date }) {
  const c = t.case
  const zone = viewer.timeZone
  const when = vendorWhen(zone)

  return (
    <section aria-labelledby="vendor-tools" className="mt-8 space-y-5" data-testid="vendor-case-tools">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="vendor-tools" className="text-lg font-semibold text-slate-900">
          Vendor tools
        </h2>
        <Badge tone="violet">Internal: the customer does not see this section</Badge>
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <VendorSla t={t} timeZone={zone} now={now} />

        <Section
          title="Assignment"
          id="vendor-assignment"
          aside={
            <span className="text-sm text-slate-600" data-testid="assignee">
              {c.assignee ? c.assignee.name : 'Unassigned'}
            </span>
          }
        >
          {t.can.assign || t.can.take ? (
            <AssignForm
              caseNumber={c.number}
              version={c.version}
              engineers={t.engineers}
              assigneeEmail={c.assignee?.email ?? null}
              assigneeName={c.assignee && c.assignee.id !== viewer.id ? c.assignee.name : null}
              canTake={t.can.take}
              canAssign={t.can.assign}
            />
          ) : (
            <p className="text-sm text-slate-600">{!isOpenStatus(c.status) ? 'The case is no longer open.' : 'Engineers and managers assign cases.'}</p>
          )}
        </Section>
      </div>

      {t.can.reply && (
        <Section title="Reply or internal note" id="vendor-reply">
          <ReplyForm caseNumber={c.number} version={c.version} />
        </Section>
      )}

      {t.can.requestInformation && (
        <Section title="Request diagnostic information" id="vendor-request-info">
          <RequestInformationForm caseNumber={c.number} version={c.version} />
        </Section>
      )}

      <VendorContactAttempts t={t} timeZone={zone} now={now} />

      <Section title="Resolution" id="vendor-resolve">
        {c.resolutionCode && (
          <p className="mb-3 text-sm text-slate-700">
            <span className="font-medium">{resolutionLabel(c.resolutionCode)}</span>
            {c.resolvedAt && <> · {when(c.resolvedAt)}</>}
            {c.resolutionSummary && <span className="block text-slate-600">{c.resolutionSummary}</span>}
          </p>
        )}
        {t.workNote && c.status !== 'CLOSED' && <p className="text-sm text-slate-600">{t.workNote}</p>}
        {t.can.work && <ResolveForm caseNumber={c.number} version={c.version} noResponseAllowed={t.contact.closeWithoutConsentAllowed} open={t.can.resolve} />}
        {t.can.close && <CloseResolvedForm caseNumber={c.number} version={c.version} />}
        {c.status === 'CLOSED' && <p className="text-sm text-slate-600">Closed {c.closedAt ? when(c.closedAt) : ''}.</p>}
      </Section>

      <VendorEscalations t={t} timeZone={zone} />
    </section>
  )
}
