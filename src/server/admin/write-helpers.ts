import 'server-only'
import type { Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import type { Prisma } from '@/generated/prisma/client'
import { AppError } from '@/server/errors'

/** The audit entry of an administrative change, in the change's transaction. */
export function audit(tx: Tx, actor: Actor, now: Date, action: string, entityType: string, entityId: string, data?: Prisma.InputJsonValue) {
  return tx.auditEntry.create({ data: { actorId: actor.id, at: now, action, entityType, entityId, data } })
}

/** A unique index refused the write (a concurrent duplicate the explicit check did not see). */
export function conflictOnDuplicate(message: string) {
  return (error: unknown): never => {
    if ((error as { code?: string })?.code === 'P2002') throw new AppError('CONFLICT', message)
    throw error
  }
}

export const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`)
export const isoDay = (d: Date) => d.toISOString().slice(0, 10)
