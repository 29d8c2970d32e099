import type { Metadata } from 'next'
import { Alert, Badge, Button, Card, EmptyState, inputClass, PageHeader, Select } from '@/components/ui'
import { RetryMessageButton } from './_components/retry-message-button'
import { requirePageActor } from '@/server/auth/actor'
import { orNotFound, requirePage } from '@/server/access/page-access'
import { listInbox } from '@/server/notifications/list-inbox'
import { formatInstant } from '@/lib/format'

export const metadata: Metadata = { title: 'Inbox' }

const TONES = { PENDING: 'amber', SENT: 'green', FAILED: 'red' } as const

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string }> }) {
  const actor = await requirePageActor()
  await requirePage(actor, '/inbox')
  const query = await searchParams
  const inbox = await orNotFound(listInbox({ actor, input: { q: query.q ?? '', status: query.status ?? '' } }), ['NOT_FOUND', 'BAD_REQUEST'])
  const when = (d: Date) => formatInstant(d, actor.timeZone, 'd MMM yyyy, HH:mm:ss')
  const title = inbox.scope === 'mine' ? 'Inbox' : inbox.devInbox ? 'Dev inbox and outbox' : 'Outbox'
  return (
    <>
      <PageHeader
        title={title}
        description={
          inbox.scope === 'mine'
            ? 'No mail server is configured (SMTP_URL is unset), so the portal delivers its e-mail to you here.'
            : inbox.devInbox
              ? 'No mail server is configured (SMTP_URL is unset): messages are delivered to this page. You see every recipient’s mail, without the links meant for the recipient alone.'
              : 'Every message the portal sends, written in the same transaction as the change and delivered by the outbox worker with retries.'
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <Badge tone="amber">{inbox.counts.PENDING ?? 0} pending</Badge>
        <Badge tone="green">
          {inbox.counts.SENT ?? 0} {inbox.devInbox ? 'delivered' : 'sent'}
        </Badge>
        <Badge tone="red">{inbox.counts.FAILED ?? 0} failed</Badge>
      </div>
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-56 flex-1">
          <label htmlFor="inbox-q" className="block text-sm font-medium text-slate-800">
            Search recipient or subject
          </label>
          <input id="inbox-q" name="q" defaultValue={query.q ?? ''} className={`${inputClass} mt-1.5`} />
        </div>
        <div>
          <label htmlFor="inbox-status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <Select id="inbox-status" name="status" defaultValue={query.status ?? ''} className="mt-1.5">
            <option value="">Any</option>
            <option value="PENDING">Pending</option>
            <option value="SENT">{inbox.devInbox ? 'Delivered' : 'Sent'}</option>
            <option value="FAILED">Failed</option>
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {inbox.messages.length === 0 ? (
        <EmptyState title="No messages">{inbox.scope === 'mine' ? 'Mail the portal sends you will appear here.' : 'Nothing matches.'}</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {inbox.messages.map((m) => (
              <li key={m.id} className="px-4 py-3 sm:px-5">
                <details className="group">
                  <summary className="flex cursor-pointer list-none flex-wrap items-start justify-between gap-2">
                    <span className="min-w-0">
                      <span className="block font-medium text-slate-900 group-open:text-brand-700">{m.subject}</span>
                      <span className="block text-xs text-slate-500">
                        to {m.to} · {m.kind} · {when(m.createdAt)}
                      </span>
                    </span>
                    <span className="flex items-center gap-2">
                      <Badge tone={TONES[m.status]}>
                        {m.status === 'SENT' ? (inbox.devInbox ? 'Delivered' : 'Sent') : m.status === 'PENDING' ? 'Pending' : 'Failed'}
                      </Badge>
                    </span>
                  </summary>
                  <div className="mt-3 space-y-2">
                    {inbox.scope === 'all' && (
                      <p className="text-xs text-slate-500">
                        Attempts: {m.attempts}
                        {m.sentAt && <> · sent {when(m.sentAt)}</>}
                        {m.status === 'PENDING' && <> · next attempt {when(m.nextAttemptAt)}</>}
                      </p>
                    )}
                    {inbox.scope === 'all' && m.lastError && (
                      <Alert tone={m.status === 'FAILED' ? 'red' : 'amber'} title="Last error">
                        {m.lastError}
                      </Alert>
                    )}
                    {m.bodyPurgedAt ? (
                      <p className="text-sm text-slate-600">
                        The text of this message was removed on {when(m.bodyPurgedAt)} (sent mail keeps only its delivery record).
                      </p>
                    ) : (
                      <pre className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800 ring-1 ring-slate-200">
                        {m.text}
                      </pre>
                    )}
                    {inbox.scope === 'all' && m.status === 'FAILED' && <RetryMessageButton messageId={m.id} />}
                  </div>
                </details>
              </li>
            ))}
          </ul>
          {inbox.truncated && <p className="px-5 py-3 text-xs text-slate-500">The latest 100 messages are shown: search to narrow down.</p>}
        </Card>
      )}
    </>
  )
}
