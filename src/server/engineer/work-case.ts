import 'server-only'
import type { VendorRole } from '@/generated/prisma/enums'
import { prisma, type Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError } from '@/server/errors'
import type { CaseEventInput } from '@/server/cases/case-write'
import { findWorkableCase } from '@/server/access/case-work'
import { clockOf, slaState } from '@/lib/sla-state'
import { isOpenStatus } from '@/lib/cases/status'
import type { CustomerCalendar } from '@/lib/sla-state'

/** Vendor staff who work cases: engineers, managers and Premier customers' account managers (their own customers only: access/case-work.ts). */
export const CASE_WORKERS: VendorRole[] = ['ENGINEER', 'MANAGER', 'SUPPORT_ACCOUNT_MANAGER']

export const WORK_CASE_SELECT = {
  id: true,
  number: true,
  version: true,
  status: true,
  tier: true,
  supportIdId: true,
  openedAt: true,
  assigneeId: true,
  targetKind: true,
  targetDueAt: true,
  targetClock: true,
  firstResponseAt: true,
  lastCustomerActivityAt: true,
} as const

/**
 * A case for a vendor use case: customers and partners get 404, vendor staff without a working
 * role 403, and so does an account manager on a case of a customer they do not manage.
 */
export async function loadWorkCase(db: Tx | typeof prisma, actor: Actor, number: number, roles: VendorRole[] = CASE_WORKERS) {
  requireVendor(actor, ...roles)
  return findWorkableCase(db, actor, number, WORK_CASE_SELECT)
}
export type WorkCase = Awaited<ReturnType<typeof loadWorkCase>>

const statusWords = (s: string) => s.toLowerCase().replaceAll('_', ' ')

export function assertOpen(c: Pick<WorkCase, 'number' | 'status'>, what: string) {
  if (!isOpenStatus(c.status)) {
    throw new AppError('CONFLICT', `Case #${c.number} is ${statusWords(c.status)}: ${what} only on an open case`)
  }
}

/**
 * The first public answer to the customer meets (or misses) the initial response target: the
 * time is recorded once, the queue key is cleared and a new case goes to "in progress".
 */
export function firstResponseChange(
  c: WorkCase,
  calendar: CustomerCalendar,
  now: Date,
): { data: { firstResponseAt: Date; responseDueAt: null; status?: 'IN_PROGRESS' }; events: CaseEventInput[] } | null {
  if (c.firstResponseAt) return null
  const state = slaState({ ...c, firstResponseAt: now, calendar }, now)
  const met = state.status !== 'breached'
  const events: CaseEventInput[] = [
    {
      type: 'case.first-response',
      after: {
        firstResponseAt: now.toISOString(),
        targetDueAt: c.targetDueAt?.toISOString() ?? null,
        responseStatus: state.status,
        met,
        ...(state.breachedByMinutes !== undefined ? { breachedByMinutes: Math.round(state.breachedByMinutes), clock: clockOf(c.targetClock) } : {}),
      },
    },
  ]
  const startsWork = c.status === 'NEW'
  if (startsWork) events.push({ type: 'case.status-changed', before: { status: 'NEW' }, after: { status: 'IN_PROGRESS', reason: 'first response' } })
  return { data: { firstResponseAt: now, responseDueAt: null, ...(startsWork ? { status: 'IN_PROGRESS' as const } : {}) }, events }
}
