import type { ReactNode } from 'react'
import { contactMatters, severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import { Badge, Card } from '@/components/ui'
import { TimeLeft } from '@/components/queue/time-left'
import type { Actor } from '@/server/auth/actor'
import { getVendorCaseTools } from '@/server/engineer/get-vendor-case'
import { describeStanding, VERDICT_LABELS } from '@/lib/contact-attempts'
import { describeDuration, describeTierHours } from '@/lib/sla'
import { TIER_LABELS } from '@/lib/cases/labels'
import { formatInstant, formatMinutes } from '@/lib/format'
import { describeResponseStanding } from '@/lib/response-standing'
import { resolutionLabel } from '@/lib/cases/labels'
import { isOpenStatus } from '@/lib/cases/status'
import {
  AssignForm,
  CloseResolvedForm,
  CloseWithoutConsentForm,
  ContactAttemptForm,
  EscalationControls,
  ReplyForm,
  RequestInformationForm,
  ResolveForm,
} from './case-forms'

function Section({ title, id, children, aside }: { title: string; id: string; children: ReactNode; aside?: ReactNode }) {
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

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  )
}

const OUTCOME_LABELS: Record<string, string> = { NO_ANSWER: 'No answer', VOICEMAIL: 'Voicemail', REACHED: 'Reached' }
const CHANNEL_LABELS: Record<string, string> = { PHONE: 'Phone', EMAIL: 'E-mail' }
const ESCALATION_TONES = { OPEN: 'red', ACKNOWLEDGED: 'amber', RESOLVED: 'green' } as const
const DAY = 86_400_000

/**
 * Everything vendor staff do on a case page, below the public timeline: assignment, replies and
 * internal notes, information requests, contact attempts ("2 of 3 business days"), resolve and
 * close (or close without consent), the internal SLA details, and escalation handling for managers.
 */
export async function VendorCaseTools({ actor, caseNumber }: { actor: Actor; caseNumber: number }) {
  const now = new Date()
  const t = await getVendorCaseTools({ actor, number: caseNumber, now })
  const c = t.case
  const zone = actor.timeZone
  const when = (d: Date) => formatInstant(d, zone, 'EEE d MMM yyyy, HH:mm')
  const customerWhen = (d: Date) => formatInstant(d, t.calendar.timeZone, 'EEE d MMM, HH:mm')
  const standing = describeStanding(t.contact)
  const dueAt = c.targetDueAt
  const clock = c.targetClock === 'BUSINESS' ? 'business' : 'continuous'
  const nearHolidays = dueAt
    ? t.calendar.holidays.filter((h) => {
        const d = Date.parse(`${h}T00:00:00Z`)
        return d >= Math.min(now.getTime(), dueAt.getTime()) - 2 * DAY && d <= Math.max(now.getTime(), dueAt.getTime()) + 14 * DAY
      })
    : []
  const upcoming = t.calendar.holidays.filter((h) => h >= now.toISOString().slice(0, 10)).slice(0, 3)
  const localNow = formatInstant(now, zone, "yyyy-MM-dd'T'HH:mm")
  const localOpened = formatInstant(c.openedAt, zone, "yyyy-MM-dd'T'HH:mm")

  return (
    <section aria-labelledby="vendor-tools" className="mt-8 space-y-5" data-testid="vendor-case-tools">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="vendor-tools" className="text-lg font-semibold text-slate-900">
          Vendor tools
        </h2>
        <Badge tone="violet">Internal: the customer does not see this section</Badge>
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <Section title="Response target (internal)" id="vendor-sla">
          <dl className="grid gap-3 sm:grid-cols-2">
            <Detail label="Target">
              {c.targetKind === 'DEADLINE' && c.targetMinutes !== null
                ? `${describeDuration(c.targetMinutes, clock)} (${TIER_LABELS[c.tier]}, Severity ${c.severity})`
                : c.targetKind === 'BEST_EFFORT'
                  ? 'Best effort: no deadline'
                  : 'None (feedback)'}
            </Detail>
            <Detail label="Status">
              <span data-testid="vendor-response-status">
                {t.standing.kind === 'closed-unanswered' ? (
                  <Badge tone="amber">{describeResponseStanding(t.standing)}</Badge>
                ) : (
                  <>
                    {t.sla.status === 'met' && <Badge tone="green">Met</Badge>}
                    {t.sla.status === 'breached' && (
                      <Badge tone="red">{`Breached by ${formatMinutes(t.sla.breachedByMinutes ?? 0)}${clock === 'business' ? ' (business time)' : ''}`}</Badge>
                    )}
                    {t.sla.status === 'pending' && <Badge tone="blue">Pending</Badge>}
                    {t.sla.status === 'best-effort' && <Badge>{c.targetKind === 'NONE' ? 'No target (feedback)' : 'Best effort'}</Badge>}
                  </>
                )}
              </span>
            </Detail>
            {dueAt && (
              <Detail label="Due">
                {when(dueAt)} <span className="text-slate-500">({customerWhen(dueAt)} customer time)</span>
              </Detail>
            )}
            {dueAt && !c.firstResponseAt && !c.closedAt && (
              <Detail label="Time left">
                <TimeLeft
                  dueAt={dueAt.toISOString()}
                  clock={clock}
                  tier={c.tier}
                  timeZone={t.calendar.timeZone}
                  holidays={nearHolidays}
                  initialMinutes={t.sla.status === 'pending' ? (t.sla.minutesLeft ?? 0) : -(t.sla.breachedByMinutes ?? 0)}
                />
              </Detail>
            )}
            <Detail label="First response">{c.firstResponseAt ? when(c.firstResponseAt) : 'None yet'}</Detail>
            <Detail label="Customer's calendar">
              {t.calendar.timeZone} · {describeTierHours(c.tier)}
              <span className="block text-xs text-slate-500">
                {t.calendar.holidays.length} holidays on file{upcoming.length ? `; next: ${upcoming.join(', ')}` : ''}
              </span>
            </Detail>
            {contactMatters(c.tier, c.severity) && <Detail label="Hours">{severity1WorkSentence({ tier: c.tier, hasContact: !c.businessHoursOnly })}</Detail>}
            {c.tier === 'PREMIER' && (
              <Detail label="Support account manager">
                {c.supportId.accountManager ? `${c.supportId.accountManager.name} (${c.supportId.accountManager.email})` : 'None named'}
              </Detail>
            )}
          </dl>
        </Section>

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
              assigneeName={c.assignee && c.assignee.id !== actor.id ? c.assignee.name : null}
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

      <Section
        title="Contact attempts"
        id="vendor-contact"
        aside={
          <span className="text-sm font-medium" data-testid="contact-standing">
            {standing}
            {t.can.closeWithoutConsent ? (
              <span className="ml-2">
                <Badge tone="red">Close without consent available</Badge>
              </span>
            ) : null}
          </span>
        }
      >
        <p className="mb-3 text-sm text-slate-600">
          Three unanswered attempts on three separate business days of the customer’s calendar ({t.calendar.timeZone}) allow closing without consent. Attempts
          on the same business day count once; a reply from the customer starts the count again.
          {t.contact.countingSince && (
            <> Counting attempts after {when(t.contact.countingSince)} (the customer’s last reply or successful contact; at first, the case’s opening).</>
          )}
        </p>
        {t.contact.attempts.length === 0 ? (
          <p className="mb-4 text-sm text-slate-500">No attempts logged.</p>
        ) : (
          <div className="mb-4 overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Contact attempts</caption>
              <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    When (your time)
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Customer’s day
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Channel
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Outcome
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    By
                  </th>
                  <th scope="col" className="py-2">
                    Counts?
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {t.contact.attempts.map((a) => (
                  <tr key={a.id}>
                    <td className="whitespace-nowrap py-2 pr-4">{when(a.at)}</td>
                    <td className="whitespace-nowrap py-2 pr-4">{a.businessDay}</td>
                    <td className="py-2 pr-4">{CHANNEL_LABELS[a.channel]}</td>
                    <td className="py-2 pr-4">{OUTCOME_LABELS[a.outcome]}</td>
                    <td className="py-2 pr-4">{a.engineer}</td>
                    <td className="py-2">
                      {a.verdict === 'counted' ? <Badge tone="blue">Counted</Badge> : <span className="text-slate-600">{VERDICT_LABELS[a.verdict]}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {t.can.logContactAttempt && <ContactAttemptForm caseNumber={c.number} defaultAt={localNow} maxAt={localNow} minAt={localOpened} timeZone={zone} />}
        {t.can.closeWithoutConsent && (
          <div className="mt-4">
            <CloseWithoutConsentForm caseNumber={c.number} version={c.version} standing={standing} />
          </div>
        )}
      </Section>

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

      {t.escalations.length > 0 && (
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
                {e.notes.length > 0 && (
                  <ul className="space-y-1 text-sm">
                    {e.notes.map((n, i) => (
                      <li key={i} className="rounded bg-slate-50 px-3 py-2">
                        <span className="text-xs text-slate-500">
                          {n.by}, {when(new Date(n.at))}:
                        </span>{' '}
                        {n.text}
                      </li>
                    ))}
                  </ul>
                )}
                {t.can.manageEscalations && (
                  <EscalationControls
                    escalationId={e.id}
                    caseNumber={c.number}
                    status={e.status}
                    engineers={t.engineers}
                    assignedEmail={c.assignee?.email ?? null}
                  />
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </section>
  )
}
