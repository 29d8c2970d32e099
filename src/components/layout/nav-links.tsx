'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import type { NavItem } from '@/lib/page-access'

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1">
      {items.map((item) => {
        // The most specific link wins: "Open a case" (/cases/new), not "My cases" (/cases).
        const active =
          pathname === item.href ||
          (pathname.startsWith(`${item.href}/`) && !items.some((o) => o.href.length > item.href.length && pathname.startsWith(o.href)))
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}
          >
            {item.label}
          </Link>
        )
      })}
    </nav>
  )
}
