import { AppShell } from '@/components/layout/app-shell'
import { navItemsFor } from '@/server/access/page-access'
import { requirePageActor } from '@/server/auth/actor'
import { unreadNotificationCount } from '@/server/notifications/in-app'

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor()
  // The header's bell starts from the unread count read here; notification-bell-link.tsx keeps it fresh.
  const [navItems, unread] = await Promise.all([navItemsFor(actor), unreadNotificationCount({ actor })])
  return (
    <AppShell actor={actor} navItems={navItems} unread={unread}>
      {children}
    </AppShell>
  )
}
