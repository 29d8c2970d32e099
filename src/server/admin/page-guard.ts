import 'server-only'
import { notFound } from 'next/navigation'
import { hasVendorRole, type Actor } from '@/server/auth/actor'

/** For admin pages, after `requirePageActor()`: layouts and pages render in parallel, so each page
 * checks for itself. Anyone but an Administrator sees "not found"; the services check again. */
export function requireAdminPage(actor: Actor): void {
  if (!hasVendorRole(actor, 'ADMIN')) notFound()
}
