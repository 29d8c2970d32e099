import type { Actor } from '@/server/auth/actor'
import { env } from '@/env'

export type NavItem = { href: string; label: string }

/** The navigation each kind of user sees; a link appears only where its page lets them in. */
export function navFor(actor: Pick<Actor, 'orgKind' | 'vendorRoles'>): NavItem[] {
  if (actor.orgKind !== 'VENDOR') {
    return [
      { href: '/cases', label: 'My cases' },
      { href: '/cases/new', label: 'Open a case' },
      { href: '/kb', label: 'Knowledge base' },
      // Delegation (issue 5): customers administer their Support IDs, partners ask for access.
      actor.orgKind === 'PARTNER' ? { href: '/partner', label: 'Access requests' } : { href: '/organisation', label: 'Organisation' },
      // Without SMTP (the embedded set-up) the portal's e-mail is delivered to this page.
      ...(!env.SMTP_URL ? [{ href: '/inbox', label: 'Inbox' }] : []),
    ]
  }
  const items: NavItem[] = [{ href: '/queue', label: 'Queue' }]
  if (actor.vendorRoles.includes('MANAGER')) items.push({ href: '/escalations', label: 'Escalations' })
  if (actor.vendorRoles.includes('MANAGER')) items.push({ href: '/reports', label: 'Reports' })
  if (actor.vendorRoles.includes('ADMIN')) items.push({ href: '/admin', label: 'Administration' })
  if (!env.SMTP_URL) items.push({ href: '/inbox', label: 'Inbox' })
  else if (actor.vendorRoles.includes('ADMIN')) items.push({ href: '/inbox', label: 'Outbox' })
  return items
}
