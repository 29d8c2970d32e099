'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'

// NOTE: layouts are not re-rendered on client navigation, so the count is re-read from the JSON
// API on every navigation, when the tab becomes visible, and every 30 s.
const REFRESH_MS = 30_000

export function NotificationBellLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread)
  const pathname = usePathname()
  useEffect(() => {
    let cancelled = false
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return
      try {
        const res = await fetch('/api/v1/notifications?unread=true&limit=1', { cache: 'no-store' })
        if (res.ok && !cancelled) setUnread(((await res.json()) as { unread: number }).unread)
      } catch {
        // Offline for a moment: keep the last count.
      }
    }
    void refresh()
    const timer = window.setInterval(() => void refresh(), REFRESH_MS)
    const onVisible = () => void refresh()
    const onRead = (e: Event) => setUnread((e as CustomEvent<number>).detail)
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener('notifications:unread', onRead)
    return () => {
      cancelled = true
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
      window.removeEventListener('notifications:unread', onRead)
    }
  }, [pathname])
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      aria-current={pathname === '/notifications' ? 'page' : undefined}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-5 w-5">
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M14.86 17.08a23.85 23.85 0 0 0 5.45-1.31A8.97 8.97 0 0 1 18 9.75V9a6 6 0 1 0-12 0v.75a8.97 8.97 0 0 1-2.31 6.02c1.73.64 3.56 1.08 5.45 1.31m5.72 0a24.26 24.26 0 0 1-5.72 0m5.72 0a3 3 0 1 1-5.72 0"
        />
      </svg>
      {unread > 0 && (
        <span
          data-testid="notification-count"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  )
}
