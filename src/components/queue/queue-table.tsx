import Link from 'next/link'
import { Badge, Card, Table } from '@/components/ui'
import { CaseCards } from '@/components/cases/case-cards'
import { severity1WorkSentence } from '@/lib/cases/severity-1-contact'
import { SeverityBadge, StatusBadge } from '@/components/cases/badges'
import { TIER_LABELS } from '@/lib/cases/labels'
import type { QueueRow } from '@/server/queue/find-queue'
import { TimeLeft } from '@/components/cases/time-left'
import { TakeButton, type TakeAction } from './take-button'

function Deadline({ row }: { row: QueueRow }) {
  const t = row.responseTarget
  if (t.kind === 'deadline' && row.timeLeftMinutes !== null) {
    return (
      <TimeLeft
        dueAt={new Date(t.dueAt).toISOString()}
        clock={t.clock}
        tier={row.tier}
        timeZone={row.tickCalendar?.timeZone ?? 'UTC'}
        holidays={row.tickCalendar?.holidays ?? []}
        initialMinutes={row.timeLeftMinutes}
      />
    )
  }
  if (row.responseStatus === 'met')
    return (
      <span className="text-slate-600">
        Answered · <Badge tone="green">met</Badge>
      </span>
    )
  if (row.responseStatus === 'breached')
    return (
      <span className="text-slate-600">
        Answered · <Badge tone="red">breached</Badge>
      </span>
    )
  return <Badge>Best effort</Badge>
}

/**
 * The queue, most urgent first. Rows come from findQueue in order; nothing is re-sorted here.
 * takeAction: the Take button's Server Action, passed by the queue page; null when the reader does not take cases.
 */
export function QueueTable({ rows, actorEmail, takeAction }: { rows: QueueRow[]; actorEmail: string; takeAction: TakeAction | null }) {
  return (
    <>
      <QueueCards rows={rows} actorEmail={actorEmail} takeAction={takeAction} />
      <QueueRows rows={rows} actorEmail={actorEmail} takeAction={takeAction} />
    </>
  )
}

/** Small screens: one card per case, deadline first (the card is shared with "My cases"). */
function QueueCards({ rows, actorEmail, takeAction }: { rows: QueueRow[]; actorEmail: string; takeAction: TakeAction | null }) {
  return (
    <CaseCards
      label="Open cases, most urgent first"
      items={rows.map((r) => ({
        number: r.number,
        title: r.title,
        severity: r.severity,
        status: r.status,
        deadline: <Deadline row={r} />,
        note: r.businessHoursOnly ? severity1WorkSentence({ tier: r.tier, hasContact: false }) : undefined,
        details: (
          <>
            {r.organisation} · {TIER_LABELS[r.tier]} · {r.region} · {r.language}
            {r.accountManager && <> · SAM: {r.accountManager.name}</>}
          </>
        ),
        footer: (
          <>
            <span className="text-slate-700">{r.assignee?.name ?? <span className="text-slate-500">Unassigned</span>}</span>
            {takeAction && r.assignee?.email !== actorEmail && <TakeButton caseNumber={r.number} assignee={r.assignee?.name} action={takeAction} />}
          </>
        ),
      }))}
    />
  )
}

function QueueRows({ rows, actorEmail, takeAction }: { rows: QueueRow[]; actorEmail: string; takeAction: TakeAction | null }) {
  return (
    <Card className="hidden overflow-x-auto md:block">
      <Table
        columns={['Case', 'Organisation', 'Tier', 'Severity', 'Title', 'Region', 'Language', 'Time left', 'Assignee']}
        caption="Open cases, most urgent first"
        variant="dense"
        data-testid="queue-table"
      >
        {rows.map((r) => (
          <tr
            key={r.number}
            className="align-top hover:bg-slate-50"
            data-testid="queue-row"
            data-case-number={r.number}
            data-response-status={r.responseStatus}
          >
            <td className="whitespace-nowrap font-mono">
              <Link href={`/cases/${r.number}`} className="text-brand-600 hover:underline">
                #{r.number}
              </Link>
              <div className="mt-1">
                <StatusBadge status={r.status} />
              </div>
            </td>
            <td>
              {r.organisation}
              {r.accountManager && <span className="block text-xs text-slate-500">SAM: {r.accountManager.name}</span>}
            </td>
            <td className="whitespace-nowrap">{TIER_LABELS[r.tier]}</td>
            <td>
              <SeverityBadge severity={r.severity} />
            </td>
            <td className="min-w-48">
              {r.title}
              {r.product && <span className="block text-xs text-slate-500">{r.product}</span>}
              {r.businessHoursOnly && (
                <span className="mt-1 block text-xs text-amber-900" data-testid="queue-severity-1-hours">
                  {severity1WorkSentence({ tier: r.tier, hasContact: false })}
                </span>
              )}
            </td>
            <td>{r.region}</td>
            <td>{r.language}</td>
            <td className="whitespace-nowrap">
              <Deadline row={r} />
            </td>
            <td className="whitespace-nowrap">
              <span className="block text-slate-700">{r.assignee?.name ?? <span className="text-slate-500">Unassigned</span>}</span>
              {takeAction && r.assignee?.email !== actorEmail && (
                <div className="mt-1">
                  <TakeButton caseNumber={r.number} assignee={r.assignee?.name} action={takeAction} />
                </div>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  )
}
