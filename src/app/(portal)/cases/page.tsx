import type { Metadata } from 'next'
import Link from 'next/link'
import { Alert, Card, EmptyState, LinkButton, PageHeader, buttonClass, inputClass, Table, Select } from '@/components/ui'
import { ResponseBadge, SeverityBadge, StatusBadge } from '@/components/cases/badges'
import { CaseCards } from '@/components/cases/case-cards'
import { requirePageActor } from '@/server/auth/actor'
import { listCases, type CaseListPage } from '@/server/cases/list-cases'
import { listSupportIdsForCases } from '@/server/support-ids/list-for-cases'
import { AppError } from '@/server/errors'
import { formatInstant, formatMinutes } from '@/lib/format'
import { CUSTOMER_STATUS_LABELS } from '@/lib/cases/labels'

export const metadata: Metadata = { title: 'My cases' }

const STATUS_FILTERS = [['', 'Any status'], ['OPEN', 'Open'], ...Object.entries(CUSTOMER_STATUS_LABELS)]

const FILTER_KEYS = ['q', 'status', 'severity', 'supportId'] as const
// Filters, page and page size live in the URL: reload, back and forward show the same page.
const URL_KEYS = [...FILTER_KEYS, 'page', 'pageSize'] as const

function hrefFor(input: Record<string, string>, page: number): string {
  const params = new URLSearchParams(Object.entries({ ...input, page: String(page) }).filter(([k, v]) => v && !(k === 'page' && v === '1')))
  const qs = params.toString()
  return qs ? `/cases?${qs}` : '/cases'
}

function TimeLeftText({ c }: { c: CaseListPage['cases'][number] }) {
  return (
    <>
      <ResponseBadge status={c.responseStatus} />
      {c.sla.status === 'pending' && <span className="ml-2 text-xs text-slate-600">{formatMinutes(c.sla.minutesLeft ?? 0)} left</span>}
      {c.sla.status === 'breached' && <span className="ml-2 text-xs text-red-700">by {formatMinutes(c.sla.breachedByMinutes ?? 0)}</span>}
    </>
  )
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor()
  const params = await searchParams
  const input: Record<string, string> = {}
  for (const key of URL_KEYS) {
    const v = params[key]
    if (typeof v === 'string' && v !== '') input[key] = v
  }
  const filters = Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'page')) as Record<string, string>
  const now = new Date()
  const [result, supportIds] = await Promise.all([
    listCases({ actor, input, now }).then(
      (list) => ({ list, error: null }),
      (error: unknown) => {
        if (error instanceof AppError) return { list: null, error: error.message }
        throw error
      },
    ),
    listSupportIdsForCases({ actor, now }),
  ])
  const list = result.list
  const filtered = FILTER_KEYS.some((k) => input[k])
  const canOpen = supportIds.length > 0
  const first = list && list.cases.length > 0 ? (list.page - 1) * list.pageSize + 1 : 0
  const last = list ? first + list.cases.length - 1 : 0
  return (
    <>
      <PageHeader
        title="My cases"
        description="Every case on the Support IDs you act for, newest first."
        actions={canOpen ? <LinkButton href="/cases/new">Open a case</LinkButton> : undefined}
      />
      <form role="search" className="mb-4 grid gap-2 sm:grid-cols-[1fr_auto_auto_auto_auto]">
        <label htmlFor="q" className="sr-only">
          Search by case number or words
        </label>
        <input id="q" name="q" defaultValue={input.q} placeholder="Case number or words" className={inputClass} />
        <label htmlFor="status" className="sr-only">
          Status
        </label>
        <Select id="status" name="status" defaultValue={input.status ?? ''}>
          {STATUS_FILTERS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
        <label htmlFor="severity" className="sr-only">
          Severity
        </label>
        <Select id="severity" name="severity" defaultValue={input.severity ?? ''}>
          <option value="">Any severity</option>
          {[1, 2, 3, 4].map((s) => (
            <option key={s} value={s}>
              Severity {s}
            </option>
          ))}
        </Select>
        <label htmlFor="supportId" className="sr-only">
          Support ID
        </label>
        <Select id="supportId" name="supportId" defaultValue={input.supportId ?? ''}>
          <option value="">Any Support ID</option>
          {supportIds.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code}
            </option>
          ))}
        </Select>
        {/* New filters start again at page 1; a chosen page size stays. */}
        {input.pageSize && <input type="hidden" name="pageSize" value={input.pageSize} />}
        <button type="submit" className={buttonClass('secondary')}>
          Filter
        </button>
      </form>
      {result.error && (
        <div className="mb-4">
          <Alert>{result.error}</Alert>
        </div>
      )}
      {list && list.total === 0 && (
        <EmptyState
          title={filtered ? 'No case matches these filters' : 'No cases yet'}
          action={
            filtered ? (
              <Link href="/cases" className="text-sm font-medium text-brand-600 hover:underline">
                Clear the filters
              </Link>
            ) : undefined
          }
        >
          {filtered
            ? null
            : canOpen
              ? 'When you open a case it appears here with its response target.'
              : actor.orgKind === 'PARTNER'
                ? 'You will see cases once a customer approves your access to one of its Support IDs.'
                : 'You have no case rights on any Support ID. A License Administrator of your organisation can make you a Case Administrator.'}
        </EmptyState>
      )}
      {list && list.total > 0 && list.cases.length === 0 && (
        <EmptyState
          title={`There is no page ${list.page}`}
          action={
            <LinkButton href={hrefFor(filters, list.pages)} variant="secondary">
              Go to the last page ({list.pages})
            </LinkButton>
          }
        >
          {list.total} case{list.total === 1 ? '' : 's'} fill{list.total === 1 ? 's' : ''} {list.pages} page{list.pages === 1 ? '' : 's'}.
        </EmptyState>
      )}
      {list && list.cases.length > 0 && (
        <>
          <p className="mb-3 text-sm text-slate-600" data-testid="case-count" aria-live="polite">
            Showing {first}–{last} of {list.total}
          </p>
          <CaseCards
            label="My cases, newest first"
            items={list.cases.map((c) => ({
              number: c.number,
              title: c.title,
              severity: c.severity,
              status: c.status,
              deadline: <TimeLeftText c={c} />,
              details: <span className="font-mono">{c.supportId}</span>,
              footer: <span className="text-xs text-slate-600">Opened {formatInstant(c.openedAt, actor.timeZone, 'd MMM yyyy HH:mm')}</span>,
            }))}
          />
          <Card className="hidden overflow-x-auto md:block">
            <Table
              columns={['Case', 'Title', 'Support ID', 'Severity', 'Status', 'Response', 'Opened']}
              caption="My cases, newest first"
              data-testid="my-cases-table"
            >
              {list.cases.map((c) => (
                <tr key={c.number} className="hover:bg-slate-50" data-testid="my-case-row">
                  <td className="whitespace-nowrap font-mono">
                    <Link href={`/cases/${c.number}`} className="text-brand-600 hover:underline">
                      #{c.number}
                    </Link>
                  </td>
                  <td>{c.title}</td>
                  <td className="whitespace-nowrap font-mono text-xs">{c.supportId}</td>
                  <td>
                    <SeverityBadge severity={c.severity} />
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="whitespace-nowrap">
                    <TimeLeftText c={c} />
                  </td>
                  <td className="whitespace-nowrap text-slate-600">{formatInstant(c.openedAt, actor.timeZone, 'd MMM yyyy HH:mm')}</td>
                </tr>
              ))}
            </Table>
          </Card>
          {list.pages > 1 && <Pager filters={filters} page={list.page} pages={list.pages} />}
        </>
      )}
    </>
  )
}

function Pager({ filters, page, pages }: { filters: Record<string, string>; page: number; pages: number }) {
  // First, last and the pages around this one: a 1,000-case list stays a short row of links.
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b)
  const link = 'inline-flex min-w-9 items-center justify-center rounded-md px-3 py-2 text-sm font-medium ring-1 ring-slate-300 text-slate-700 hover:bg-slate-50'
  return (
    <nav aria-label="Pages of my cases" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span>
        Page {page} of {pages}
      </span>
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 && (
          <li>
            <Link href={hrefFor(filters, page - 1)} className={link} rel="prev">
              Previous
            </Link>
          </li>
        )}
        {shown.map((p, i) => (
          <li key={p} className="flex items-center gap-1">
            {i > 0 && p - shown[i - 1]! > 1 && (
              <span aria-hidden="true" className="px-1">
                …
              </span>
            )}
            {p === page ? (
              <span aria-current="page" className={`${link} bg-brand-600 text-white ring-brand-600 hover:bg-brand-600`}>
                {p}
              </span>
            ) : (
              <Link href={hrefFor(filters, p)} className={link} aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pages && (
          <li>
            <Link href={hrefFor(filters, page + 1)} className={link} rel="next">
              Next
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
