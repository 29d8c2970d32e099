import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Alert, Badge, Card, LinkButton } from '@/components/ui'
import { ResponseBadge, SeverityBadge, StatusBadge } from '@/components/cases/badges'
import { SlaCountdown } from '@/components/cases/time-left'
import { AttachmentUpload } from '@/components/cases/attachment-upload'
import { VendorCaseTools } from '@/components/engineer/vendor-case-tools'
import { env } from '@/env'
import { isVendor, requirePageActor } from '@/server/auth/actor'
import { getCase, type TimelineItem } from '@/server/cases/get-case'
import { orNotFound } from '@/server/access/page-access'
import { formatInstant } from '@/lib/format'
import { formatBytes } from '@/lib/cases/uploads'
import { describeDuration } from '@/lib/sla'
import { timelineEventText, type TimelineViewer } from '@/lib/cases/timeline-text'
import { PHASE_WORDS, TIER_LABELS, resolutionLabel } from '@/lib/cases/labels'
import { CloseCaseForm, CommentForm, ConfirmResolutionForm, EscalateForm, SeverityForm } from './case-forms'
import { TechnicalContactForm } from './technical-contact-form'
import { contactMatters, severity1WorkSentence } from '@/lib/cases/severity-1-contact'

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  const raw = (await params).number
  return { title: /^\d{1,9}$/.test(raw) ? `Case #${raw}` : 'Case' }
}

export default async function CasePage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requirePageActor()
  const raw = (await params).number
  if (!/^\d{1,9}$/.test(raw)) notFound()
  const number = Number(raw)
  const now = new Date()
  const c = await orNotFound(getCase({ actor, number, now }))
  const tz = actor.timeZone
  const target = c.responseTarget
  const viewer: TimelineViewer = { side: isVendor(actor) ? 'vendor' : 'customer', fallbackContact: c.technicalContact?.name ?? c.openedBy.name }
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={isVendor(actor) ? '/queue' : '/cases'} className="hover:underline">
            {isVendor(actor) ? 'Queue' : 'My cases'}
          </Link>{' '}
          / Case #{c.number}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          <span className="font-mono text-slate-500">#{c.number}</span> {c.title}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <SeverityBadge severity={c.severity} />
          <StatusBadge status={c.status} />
          <Badge>{c.category.charAt(0) + c.category.slice(1).toLowerCase()}</Badge>
          <span className="text-slate-600">
            {c.supportId.code} · {TIER_LABELS[c.tier]} · {c.supportId.organisation} · {c.supportId.region}
          </span>
        </div>
      </div>

      {contactMatters(c.tier, c.severity) && (
        <div data-testid="severity-1-hours">
          <Alert tone={c.businessHoursOnly ? 'amber' : 'blue'}>{severity1WorkSentence({ tier: c.tier, hasContact: !c.businessHoursOnly })}</Alert>
        </div>
      )}
      {c.status === 'RESOLVED' && c.resolution && (
        <div data-testid="resolved-banner">
          <Alert
            tone="green"
            title={`Resolved${c.resolution.resolvedAt ? ` on ${formatInstant(c.resolution.resolvedAt, tz, 'd MMM yyyy, HH:mm')}` : ''}: ${resolutionLabel(c.resolution.code)}`}
          >
            {c.resolution.summary && <span className="block whitespace-pre-wrap">{c.resolution.summary}</span>}
          </Alert>
        </div>
      )}
      {c.status === 'CLOSED' && c.resolution?.code === 'NO_RESPONSE' && (
        <Alert tone="amber" title="Closed after three unanswered contact attempts">
          If the problem persists, open a new case that references #{c.number}.
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
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
              {!c.rating && c.confirmedAt && !isVendor(actor) && (
                <div className="sm:col-span-2">
                  <dt className="text-slate-500">Confirmed</dt>
                  <dd>The resolution was confirmed on {formatInstant(c.confirmedAt, tz)}, which closed the case.</dd>
                </div>
              )}
            </dl>
          </Card>

          {c.can.confirmResolution && (
            <Card className="p-6">
              <ConfirmResolutionForm number={c.number} version={c.version} />
            </Card>
          )}

          <Card className="p-6">
            <h2 className="text-base font-semibold">Timeline</h2>
            <ol className="mt-4 space-y-4" aria-label="Case timeline">
              {c.timeline.map((item) => (
                <TimelineEntry key={`${item.kind}-${item.id}`} item={item} timeZone={tz} viewer={viewer} />
              ))}
            </ol>
            {c.can.comment && (
              <div className="mt-6 border-t border-slate-200 pt-6">
                <CommentForm
                  number={c.number}
                  waiting={c.status === 'WAITING_ON_CUSTOMER'}
                  reopenUntil={c.reopenUntil ? formatInstant(c.reopenUntil, tz) : undefined}
                />
              </div>
            )}
            {c.can.openFollowUp && (
              <div className="mt-6 border-t border-slate-200 pt-6 text-sm">
                <p className="text-slate-700">
                  {c.status === 'RESOLVED'
                    ? `This case was resolved more than 14 days ago, so a reply no longer reopens it.`
                    : `This case is ${c.status.toLowerCase()}.`}{' '}
                  Still a problem?
                </p>
                <LinkButton href={`/cases/new?related=${c.number}&supportId=${encodeURIComponent(c.supportId.code)}`} className="mt-2" variant="secondary">
                  Open a new case referencing #{c.number}
                </LinkButton>
              </div>
            )}
          </Card>

          {isVendor(actor) && <VendorCaseTools actor={actor} caseNumber={c.number} />}
        </div>

        <div className="space-y-6">
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
                    <SlaCountdown
                      tier={c.tier}
                      targetKind="DEADLINE"
                      targetDueAt={target.dueAt.toISOString()}
                      targetClock={target.clock === 'business' ? 'BUSINESS' : 'CONTINUOUS'}
                      firstResponseAt={c.firstResponseAt?.toISOString() ?? null}
                      calendar={c.calendar}
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

          {c.phoneLines.length > 0 && (
            <Card className="p-5">
              <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Phone support</h2>
              <p className="mt-2 text-xs text-slate-600">Quote case #{c.number} when you call.</p>
              <ul className="mt-2 space-y-1 text-sm">
                {c.phoneLines.map((p) => (
                  <li key={p.number}>
                    {p.country}: <span className="font-medium">{p.number}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}

          <Card className="p-5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Files</h2>
            {c.attachments.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">No files yet.</p>
            ) : (
              <ul className="mt-2 space-y-2 text-sm">
                {c.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/v1/cases/${c.number}/attachments/${a.id}`} className="font-medium text-brand-600 hover:underline" download>
                      {a.name}
                    </a>
                    <p className="text-xs text-slate-500">
                      {formatBytes(a.size)} · {a.uploadedBy} · {formatInstant(a.uploadedAt, tz, 'd MMM HH:mm')}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {c.can.upload && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <AttachmentUpload caseNumber={c.number} maxBytes={env.UPLOAD_MAX_BYTES} />
              </div>
            )}
          </Card>

          {c.can.setTechnicalContact && (
            <Card className="p-5">
              <TechnicalContactForm number={c.number} version={c.version} current={c.technicalContact} />
            </Card>
          )}
          {c.can.changeSeverity && (
            <Card className="p-5">
              <SeverityForm number={c.number} tier={c.tier} severity={c.severity} version={c.version} category={c.category} />
            </Card>
          )}
          {c.escalations.length > 0 && (
            <Card className="p-5">
              <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Manager requests</h2>
              <ul className="mt-2 space-y-2 text-sm">
                {c.escalations.map((e) => (
                  <li key={e.id} data-testid="case-escalation">
                    <Badge tone={e.status === 'RESOLVED' ? 'green' : 'amber'}>{e.status.toLowerCase()}</Badge>{' '}
                    <span className="text-slate-600">{formatInstant(e.openedAt, tz, 'd MMM HH:mm')}</span>
                    <p>{e.reason}</p>
                    {e.resolvedAt && e.resolution && (
                      <p className="mt-1 text-slate-600">
                        {formatInstant(e.resolvedAt, tz, 'd MMM HH:mm')}: {e.resolution}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {c.can.escalate && (
            <Card className="p-5">
              <EscalateForm number={c.number} />
            </Card>
          )}
          {c.can.close && (
            <Card className="p-5">
              <CloseCaseForm number={c.number} version={c.version} openEscalation={openEscalationNote(c.escalations, tz)} />
            </Card>
          )}
        </div>
      </div>
    </div>
  )
}

/** What the close form says about a manager request still open: closing the case closes it too (decision 0017). */
function openEscalationNote(escalations: { status: string; openedAt: Date }[], tz: string) {
  const open = escalations.find((e) => e.status !== 'RESOLVED')
  return open
    ? `Your request to talk to a manager (asked ${formatInstant(open.openedAt, tz, 'd MMM HH:mm')}) is still open: closing the case closes that request too.`
    : null
}

function TimelineEntry({ item, timeZone, viewer }: { item: TimelineItem; timeZone: string; viewer: TimelineViewer }) {
  const when = (
    <time dateTime={item.at.toISOString()} className="text-xs text-slate-500">
      {formatInstant(item.at, timeZone, 'd MMM yyyy, HH:mm')}
    </time>
  )
  if (item.kind === 'comment') {
    return (
      <li
        className={`rounded-md p-4 text-sm ring-1 ${item.internal ? 'bg-amber-50 ring-amber-200' : item.author.side === 'vendor' ? 'bg-brand-50/50 ring-brand-100' : 'bg-white ring-slate-200'}`}
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <span className="font-medium">
            {item.author.name}
            {item.author.side === 'vendor' ? ' (Support)' : ''}
            {item.internal ? ' · internal note' : ''}
          </span>
          {when}
        </div>
        <p className="mt-2 whitespace-pre-wrap text-slate-800">{item.body}</p>
      </li>
    )
  }
  const text = timelineEventText(item.type, item.after, item.before, viewer)
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-2 px-1 text-sm text-slate-600">
      <span>
        <span className="font-medium text-slate-800">{item.actor?.name ?? 'System'}</span> {text}
        {item.internal ? ' (internal)' : ''}
      </span>
      {when}
    </li>
  )
}
