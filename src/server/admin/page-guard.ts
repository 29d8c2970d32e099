import 'server-only'
import type { Actor } from '@/server/auth/actor'
import { requirePage } from '@/server/access/page-access'

/** For admin pages, after `requirePageActor()`: layouts and pages render in parallel, so each page
 * checks for itself. Anyone but an Administrator sees "not found" (the rule is the page-access
 * map's, src/lib/page-access.ts); the services check again. */
export async function requireAdminPage(actor: Actor): Promise<void> {
  await requirePage(actor, '/admin')
}
