import 'server-only'
import { env } from '@/env'

/** Absolute link to a portal path, for e-mails (the portal's public URL is NEXTAUTH_URL). */
export function appUrl(path: string): string {
  const base = (env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
  return `${base}${path.startsWith('/') ? path : `/${path}`}`
}
