import type { Metadata } from 'next'
import { Alert, EmptyState, LinkButton, PageHeader } from '@/components/ui'
import { QueueFilters } from '@/components/queue/queue-filters'
import { QueueTable } from '@/components/queue/queue-table'
import { hasVendorRole, requirePageActor } from '@/server/auth/actor'
import { requirePage } from '@/server/access/page-access'
import { findQueue, queueFilterOptions, type QueuePage } from '@/server/queue/find-queue'
import { AppError } from '@/server/errors'
import type { TQueueQuery } from '@/lib/engineer/schemas'
import { assignCaseAction } from '../cases/[number]/actions'

export const metadata: Metadata = { title: 'Queue' }

const FILTER_KEYS = ['assignee', 'region', 'language', 'tier', 'severity', 'product', 'status'] as const

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor()
  await requirePage(actor, '/queue')
  const params = await searchParams
  const input: Record<string, string> = {}
  for (const key of [...FILTER_KEYS, 'cursor'] as const) {
    const v = params[key]
    if (typeof v === 'string' && v !== '') input[key] = v
  }
  const options = await queueFilterOptions()
  let page: QueuePage | null = null
  let error: string | null = null
  try {
    page = await findQueue({ actor, input, now: new Date() })
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'BAD_REQUEST') throw e
    error = e.message
  }
  const filtered = FILTER_KEYS.some((k) => input[k])
  const next = page?.nextCursor ? `/queue?${new URLSearchParams({ ...input, cursor: page.nextCursor }).toString()}` : null
  const first = input.cursor ? `/queue?${new URLSearchParams(Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'cursor'))).toString()}` : null
  return (
    <>
      <PageHeader
        title="Queue"
        description="Open cases, most urgent first: breached, then the soonest response deadline, then best effort and answered cases. Time left is in the customer's business time where the target is."
      />
      <QueueFilters query={input as Partial<TQueueQuery>} options={options} />
      {error && <Alert title="These filters are not valid">{error}</Alert>}
      {page && page.cases.length === 0 && (
        <EmptyState
          title={filtered ? 'No open cases match these filters' : 'The queue is empty'}
          action={
            filtered ? (
              <LinkButton href="/queue" variant="secondary">
                Clear the filters
              </LinkButton>
            ) : undefined
          }
        >
          {filtered ? 'Try fewer filters.' : 'No open cases need action.'}
        </EmptyState>
      )}
      {page && page.cases.length > 0 && (
        <>
          <QueueTable rows={page.cases} actorEmail={actor.email} takeAction={hasVendorRole(actor, 'ENGINEER') ? assignCaseAction : null} />
          <nav aria-label="Queue pages" className="mt-4 flex items-center justify-between gap-3 text-sm text-slate-600">
            <span>
              {page.cases.length} case{page.cases.length === 1 ? '' : 's'} on this page{input.cursor ? ' (continued)' : ''}
            </span>
            <span className="flex gap-2">
              {first && (
                <LinkButton href={first} variant="secondary">
                  First page
                </LinkButton>
              )}
              {next && (
                <LinkButton href={next} variant="secondary">
                  Next page
                </LinkButton>
              )}
            </span>
          </nav>
        </>
      )}
    </>
  )
}
