import type { TimelineItem } from '@/server/cases/get-case'
import { formatInstant } from '@/lib/format'
import { timelineEventText, type TimelineViewer } from '@/lib/cases/timeline-text'

/** One entry of the case timeline: a comment (public or internal) or an event in words, for this reader. */
export function TimelineEntry({ item, timeZone, viewer }: { item: TimelineItem; timeZone: string; viewer: TimelineViewer }) {
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
