import { AdminTabs } from '@/components/admin/admin-tabs'
import { requirePageActor } from '@/server/auth/actor'
import { requireAdminPage } from '@/server/admin/page-guard'

// Vendor administration: Administrators only. Each page and every service checks again (a layout
// renders in parallel with its page, so its check alone would not stop the page's queries).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage(await requirePageActor())
  return (
    <>
      <AdminTabs />
      {children}
    </>
  )
}
