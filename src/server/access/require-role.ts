import 'server-only'
import { hasVendorRole, isVendor, type Actor } from '@/server/auth/actor'
import { AppError } from '@/server/errors'
import type { VendorRole } from '@/generated/prisma/enums'

/**
 * Vendor-only functions: customers and partners get "not found" (the route does not exist for
 * them); vendor staff without the role get 403.
 */
export function requireVendor(actor: Actor, ...roles: VendorRole[]): void {
  if (!isVendor(actor)) throw new AppError('NOT_FOUND', 'Not found')
  if (roles.length && !hasVendorRole(actor, ...roles)) {
    throw new AppError('FORBIDDEN', `This needs the ${roles.map((r) => r.toLowerCase().replaceAll('_', ' ')).join(' or ')} role`)
  }
}
