import { contactMatters, severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import { Badge } from '@/components/ui'
import { TimeLeft } from '@/components/cases/time-left'
import { describeDuration, describeTierHours } from '@/lib/sla'
import { TIER_LABELS } from '@/lib/cases/labels'
import { formatInstant, formatMinutes } from '@/lib/format'
import { describeResponseStanding } from '@/lib/response-standing'
import { clockOf, signedMinutes } from '@/lib/sla-state'
import { Detail, Section, vendorWhen, type VendorTools } from './vendor-section'

const DAY = 86_400_000

/** The response target as vendor staff see it: the clock it runs on, the customer's calendar and its holidays. */
export function VendorSla({ t, timeZone, now }: { t: VendorTools; timeZone: string; now: Date }) {
  const c = t.case
  const when = vendorWhen(timeZone)
  const customerWhen = (d: Date) => formatInstant(d, t.calendar.timeZone, 'EEE d MMM, HH:mm')
  const dueAt = c.targetDueAt
  const clock = clockOf(c.targetClock)
  const nearHolidays = dueAt
    ? t.calendar.holidays.filter((h) => {
        const d = Date.parse(`${h}T00:00:00Z`)
        return d >= Math.min(now.getTime(), dueAt.getTime()) - 2 * DAY && d <= Math.max(now.getTime(), dueAt.getTime()) + 14 * DAY
      })
    : []
  const upcoming = t.calendar.holidays.filter((h) => h >= now.toISOString().slice(0, 10)).slice(0, 3)
  return (
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
              initialMinutes={signedMinutes(t.sla)}
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
  )
}
