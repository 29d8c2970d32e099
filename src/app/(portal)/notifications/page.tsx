import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { EmptyState, LinkButton, PageHeader } from '@/components/ui'
import { NotificationList } from './_components/notification-list'
import { requirePageActor } from '@/server/auth/actor'
import { AppError } from '@/server/errors'
import { listNotifications } from '@/server/notifications/in-app'
import { formatInstant } from '@/lib/format'

export const metadata: Metadata = { title: 'Notifications' }

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ unread?: string; cursor?: string }> }) {
  const actor = await requirePageActor()
  const query = await searchParams
  const unreadOnly = query.unread === 'true'
  const list = await listNotifications({
    actor,
    input: { ...(unreadOnly ? { unread: 'true' } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) },
  }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'BAD_REQUEST') notFound()
    throw e
  })
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            What happened on the cases that concern you. Which of these also come by e-mail is up to you, on your{' '}
            <Link className="text-brand-600 hover:underline" href="/profile#notifications">
              profile
            </Link>
            .
          </>
        }
        actions={
          <LinkButton variant="secondary" href={unreadOnly ? '/notifications' : '/notifications?unread=true'}>
            {unreadOnly ? 'Show all' : 'Show unread only'}
          </LinkButton>
        }
      />
      {list.notifications.length === 0 ? (
        <EmptyState title={unreadOnly ? 'Nothing unread' : 'No notifications yet'}>
          {unreadOnly ? 'You have read everything.' : 'When something happens on a case that concerns you, it appears here.'}
        </EmptyState>
      ) : (
        <NotificationList
          unread={list.unread}
          items={list.notifications.map((n) => ({
            id: n.id,
            title: n.title,
            body: n.body,
            url: n.url,
            read: n.read,
            at: formatInstant(n.createdAt, actor.timeZone),
          }))}
        />
      )}
      {list.nextCursor && (
        <div className="mt-4">
          <LinkButton
            variant="secondary"
            href={`/notifications?${new URLSearchParams({ ...(unreadOnly ? { unread: 'true' } : {}), cursor: list.nextCursor })}`}
          >
            Older notifications
          </LinkButton>
        </div>
      )}
    </>
  )
}
