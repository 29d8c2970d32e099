import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Db, Tx } from '@/server/db/client'
import { hasVendorRole, isVendor, type Actor } from '@/server/auth/actor'
import { AppError } from '@/server/errors'
import { findVisibleCase } from '@/server/cases/case-write'

// Who may *work* (change) which cases, next to scope.ts (who may *see* them). Vendor staff see
// every case; what they may change depends on the role (decision 0009):
// - Support Engineers and Support Managers: every case;
// - a Support Account Manager: the cases of the Premier Support IDs that name them as account
//   manager (SupportId.accountManagerId, the person Premier cases show), nobody else's;
// - an Administrator without another role: administration only, no case work.
// Customers and partners change the cases they see (scope.ts); their own rules (who may comment,
// close, escalate) stay in the customer services.

/** The cases a vendor actor may change; null: none at all. */
export function vendorCaseWorkWhere(actor: Actor): Prisma.CaseWhereInput | null {
  if (hasVendorRole(actor, 'ENGINEER', 'MANAGER')) return {}
  if (hasVendorRole(actor, 'SUPPORT_ACCOUNT_MANAGER')) return { supportId: { accountManagerId: actor.id, tier: 'PREMIER' } }
  return null
}

/** Why a vendor actor may not change case #number, or null when they may. */
async function refusal(db: Tx | Db, actor: Actor, number: number): Promise<string | null> {
  if (!isVendor(actor)) return null // findVisibleCase has already narrowed customers to their cases
  const where = vendorCaseWorkWhere(actor)
  if (!where) return 'Administrators look after products, calendars and regions: case work is for support engineers, managers and account managers'
  if (Object.keys(where).length === 0) return null
  const mine = await db.case.count({ where: { AND: [{ number }, where] } })
  return mine ? null : `Case #${number} is not on a Premier Support ID you are the account manager of: its support engineers work it`
}

/** Whether the actor may change the case (for the `can` flags pages show forms by). */
export async function mayWorkCase(db: Tx | Db, actor: Actor, number: number): Promise<boolean> {
  return (await refusal(db, actor, number)) === null
}

/**
 * The case a write is about, for every case write: outside what the actor may see it is "not
 * found" (404); visible but outside what their role may change, 403 with the reason.
 */
export async function findWorkableCase<S extends Prisma.CaseSelect>(db: Tx | Db, actor: Actor, number: number, select: S) {
  const c = await findVisibleCase(db, actor, number, select)
  const reason = await refusal(db, actor, number)
  if (reason) throw new AppError('FORBIDDEN', reason)
  return c
}
