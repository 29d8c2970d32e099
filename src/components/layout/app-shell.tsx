import Link from 'next/link'
import type { ReactNode } from 'react'
import type { Actor } from '@/server/auth/actor'
import type { NavItem } from '@/lib/page-access'
import { NavLinks } from './nav-links'
import { NotificationBellLink } from './notification-bell-link'
import { SignOutButton } from './sign-out-button'

/** The signed-in frame. The layout reads what it shows (nav items, unread count) and passes it in. */
export function AppShell({ actor, navItems, unread, children }: { actor: Actor; navItems: NavItem[]; unread: number; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-baseline gap-2 font-semibold text-slate-900">
            <span className="text-brand-600">Vault</span> Support
          </Link>
          <NavLinks items={navItems} />
          <div className="ml-auto flex items-center gap-3">
            <NotificationBellLink initialUnread={unread} />
            <Link href="/profile" className="text-right text-sm leading-tight hover:underline">
              <span className="block font-medium text-slate-900">{actor.name}</span>
              <span className="block text-xs text-slate-500">{actor.organisationName}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  )
}
