// The header's bell: the unread count of the in-app notification list, linking to it. The count
// is read on the server for the first paint; the client part keeps it fresh (notification-bell-link.tsx).
import type { Actor } from '@/server/auth/actor'
import { unreadNotificationCount } from '@/server/notifications/in-app'
import { NotificationBellLink } from './notification-bell-link'

export async function NotificationBell({ actor }: { actor: Actor }) {
  return <NotificationBellLink initialUnread={await unreadNotificationCount({ actor })} />
}
