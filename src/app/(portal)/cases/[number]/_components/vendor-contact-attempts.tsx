import { Badge, Table } from '@/components/ui'
import { describeStanding, VERDICT_LABELS } from '@/lib/contact-attempts'
import { formatInstant } from '@/lib/format'
import { ContactAttemptForm } from './contact-attempt-form'
import { CloseWithoutConsentForm } from './resolve-forms'
import { Section, vendorWhen, type VendorTools } from './vendor-section'

const OUTCOME_LABELS: Record<string, string> = { NO_ANSWER: 'No answer', VOICEMAIL: 'Voicemail', REACHED: 'Reached' }
const CHANNEL_LABELS: Record<string, string> = { PHONE: 'Phone', EMAIL: 'E-mail' }

/** Contact attempts ("2 of 3 business days"), the form to log one, and closing without consent once the policy allows it. */
export function VendorContactAttempts({ t, timeZone, now }: { t: VendorTools; timeZone: string; now: Date }) {
  const c = t.case
  const zone = timeZone
  const when = vendorWhen(zone)
  const standing = describeStanding(t.contact)
  const localNow = formatInstant(now, zone, "yyyy-MM-dd'T'HH:mm")
  const localOpened = formatInstant(c.openedAt, zone, "yyyy-MM-dd'T'HH:mm")
  return (
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
        Three unanswered attempts on three separate business days of the customer’s calendar ({t.calendar.timeZone}) allow closing without consent. Attempts on
        the same business day count once; a reply from the customer starts the count again.
        {t.contact.countingSince && (
          <> Counting attempts after {when(t.contact.countingSince)} (the customer’s last reply or successful contact; at first, the case’s opening).</>
        )}
      </p>
      {t.contact.attempts.length === 0 ? (
        <p className="mb-4 text-sm text-slate-500">No attempts logged.</p>
      ) : (
        <div className="mb-4 overflow-x-auto">
          <Table columns={['When (your time)', 'Customer’s day', 'Channel', 'Outcome', 'By', 'Counts?']} variant="inset" caption="Contact attempts">
            {t.contact.attempts.map((a) => (
              <tr key={a.id}>
                <td className="whitespace-nowrap">{when(a.at)}</td>
                <td className="whitespace-nowrap">{a.businessDay}</td>
                <td>{CHANNEL_LABELS[a.channel]}</td>
                <td>{OUTCOME_LABELS[a.outcome]}</td>
                <td>{a.engineer}</td>
                <td>{a.verdict === 'counted' ? <Badge tone="blue">Counted</Badge> : <span className="text-slate-600">{VERDICT_LABELS[a.verdict]}</span>}</td>
              </tr>
            ))}
          </Table>
        </div>
      )}
      {t.can.logContactAttempt && <ContactAttemptForm caseNumber={c.number} defaultAt={localNow} maxAt={localNow} minAt={localOpened} timeZone={zone} />}
      {t.can.closeWithoutConsent && (
        <div className="mt-4">
          <CloseWithoutConsentForm caseNumber={c.number} version={c.version} standing={standing} />
        </div>
      )}
    </Section>
  )
}
