import { AppShell } from '@/components/layout/app-shell'
import { requirePageActor } from '@/server/auth/actor'

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor()
  return <AppShell actor={actor}>{children}</AppShell>
}
