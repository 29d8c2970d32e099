'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { Alert, Button, Card } from '@/components/ui'
import { useAction } from '@/components/ui/action-button'
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/app/(portal)/notifications/actions'

type Item = { id: string; title: string; body: string; url: string; read: boolean; at: string }

/** Tells the header's bell the new count (notification-bell-link.tsx listens). */
const announce = (unread: number) => window.dispatchEvent(new CustomEvent('notifications:unread', { detail: unread }))

// Only portal paths are followed (the server writes them; this is a second guard).
const safePath = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? url : '/notifications')

export function NotificationList({ items, unread }: { items: Item[]; unread: number }) {
  const router = useRouter()
  const markOne = useAction(async (id: string, then?: string) => {
    const result = await markNotificationReadAction(id)
    if (result.ok) {
      announce(result.data.unread)
      if (then) router.push(safePath(then))
    }
    return result
  })
  const markAll = useAction(markAllNotificationsReadAction, ({ unread }) => announce(unread))
  const pending = markOne.pending || markAll.pending
  const error = markOne.error ?? markAll.error
  const markRead = markOne.run

  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <p className="text-sm text-slate-600" aria-live="polite">
          {unread === 0 ? 'Everything is read.' : `${unread} unread`}
        </p>
        <Button variant="secondary" disabled={pending || unread === 0} onClick={() => markAll.run()}>
          Mark all read
        </Button>
      </div>
      {error && (
        <div className="px-4 pt-3">
          <Alert>{error}</Alert>
        </div>
      )}
      <ul className="divide-y divide-slate-200" aria-label="Notifications">
        {items.map((n) => (
          <li
            key={n.id}
            className={`flex flex-wrap items-start gap-3 px-4 py-3 ${n.read ? '' : 'bg-brand-50/60'}`}
            data-testid="notification"
            data-read={n.read}
          >
            <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.read ? 'bg-transparent' : 'bg-brand-600'}`} />
            <div className="min-w-0 flex-1">
              <Link
                href={safePath(n.url)}
                className="font-medium text-slate-900 hover:underline"
                onClick={(e) => {
                  if (n.read || e.metaKey || e.ctrlKey || e.shiftKey) return
                  e.preventDefault()
                  markRead(n.id, n.url)
                }}
              >
                {n.title}
                {!n.read && <span className="sr-only"> (unread)</span>}
              </Link>
              {n.body && <p className="mt-0.5 break-words text-sm text-slate-600">{n.body}</p>}
              <p className="mt-0.5 text-xs text-slate-500">{n.at}</p>
            </div>
            {!n.read && (
              <Button variant="ghost" className="px-2 py-1 text-xs" disabled={pending} onClick={() => markRead(n.id)} aria-label={`Mark read: ${n.title}`}>
                Mark read
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  )
}
