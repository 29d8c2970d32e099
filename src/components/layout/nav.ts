import type { Actor } from '@/server/auth/actor'

export type NavItem = { href: string; label: string }

/** The navigation each kind of user sees; a link appears only where its page lets them in. */
export function navFor(actor: Pick<Actor, 'orgKind' | 'vendorRoles'>): NavItem[] {
  if (actor.orgKind !== 'VENDOR') {
    return [
      { href: '/cases', label: 'My cases' },
    ]
  }
  const items: NavItem[] = [{ href: '/queue', label: 'Queue' }]
  if (actor.vendorRoles.includes('MANAGER')) items.push({ href: '/escalations', label: 'Escalations' })
  return items
}
