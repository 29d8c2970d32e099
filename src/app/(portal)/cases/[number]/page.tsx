import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Alert, Badge, Card, LinkButton } from '@/components/ui'
import { SeverityBadge, StatusBadge } from '@/components/cases/badges'
import { AttachmentUpload } from '@/components/cases/attachment-upload'
import { env } from '@/env'
import { isVendor, requirePageActor } from '@/server/auth/actor'
import { getCase } from '@/server/cases/get-case'
import { getVendorCaseTools } from '@/server/engineer/get-vendor-case'
import { orNotFound } from '@/server/access/page-access'
import { formatInstant } from '@/lib/format'
import { formatBytes } from '@/lib/cases/uploads'
import type { TimelineViewer } from '@/lib/cases/timeline-text'
import { TIER_LABELS, resolutionLabel } from '@/lib/cases/labels'
import { contactMatters, severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import { CloseCaseForm, CommentForm, ConfirmResolutionForm, EscalateForm, SeverityForm } from './_components/customer-forms'
import { TechnicalContactForm } from './_components/technical-contact-form'
import { CaseFacts } from './_components/case-facts'
import { ResponseTargetCard } from './_components/response-target-card'
import { TimelineEntry } from './_components/timeline-entry'
import { VendorCaseTools } from './_components/vendor-case-tools'

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
  // Vendor staff also get the vendor tools; their data is read here, after the case was found.
  const vendorTools = isVendor(actor) ? await getVendorCaseTools({ actor, number: c.number, now }) : null
  const tz = actor.timeZone
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
          <CaseFacts c={c} timeZone={tz} vendor={isVendor(actor)} />

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

          {vendorTools && <VendorCaseTools t={vendorTools} viewer={actor} now={now} />}
        </div>

        <div className="space-y-6">
          <ResponseTargetCard c={c} timeZone={tz} now={now} />

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
