import { Card } from '@/components/ui'
import { ResponseBadge } from '@/components/cases/badges'
import { TimeLeft } from '@/components/cases/time-left'
import type { CaseDetail } from '@/server/cases/get-case'
import { formatInstant } from '@/lib/format'
import { describeDuration } from '@/lib/sla'

/** The initial-response card: the target, when it is due (the reader's time and the customer's), the countdown. */
export function ResponseTargetCard({ c, timeZone: tz, now }: { c: CaseDetail; timeZone: string; now: Date }) {
  const target = c.responseTarget
  return (
    <Card className="p-5" aria-labelledby="sla-heading">
      <h2 id="sla-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        Initial response
      </h2>
      <div className="mt-2 flex items-center gap-2">
        <ResponseBadge status={c.responseStatus} />
      </div>
      {target.kind === 'deadline' ? (
        <dl className="mt-3 space-y-2 text-sm">
          <div>
            <dt className="text-slate-500">Target</dt>
            <dd>
              {describeDuration(target.minutes, target.clock)}
              {target.clock === 'continuous' ? ', 24/7' : ''}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Due (your time, {tz})</dt>
            <dd className="font-medium">{formatInstant(target.dueAt, tz)}</dd>
          </div>
          {c.calendar.timeZone !== tz && (
            <div>
              <dt className="text-slate-500">Due (customer&apos;s time, {c.calendar.timeZone})</dt>
              <dd>{formatInstant(target.dueAt, c.calendar.timeZone)}</dd>
            </div>
          )}
          <div data-testid="sla-countdown">
            <dt className="sr-only">Time left</dt>
            <dd>
              <TimeLeft
                layout="inline"
                tier={c.tier}
                dueAt={target.dueAt.toISOString()}
                clock={target.clock}
                timeZone={c.calendar.timeZone}
                holidays={c.calendar.holidays}
                firstResponseAt={c.firstResponseAt?.toISOString() ?? null}
                initialNow={now.toISOString()}
              />
            </dd>
          </div>
          {c.firstResponseAt && (
            <div>
              <dt className="text-slate-500">First response</dt>
              <dd>{formatInstant(c.firstResponseAt, tz)}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="mt-3 text-sm text-slate-600">
          {target.kind === 'best-effort' ? 'Best effort: Free / NFR support has no response target.' : 'Feedback has no response target.'}
        </p>
      )}
    </Card>
  )
}
