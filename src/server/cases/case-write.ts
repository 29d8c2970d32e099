import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { prisma, type Tx } from '@/server/db/client'
import { AppError, notFound } from '@/server/errors'
import type { Actor } from '@/server/auth/actor'
import { caseWhere } from '@/server/access/scope'

/** A case the actor may see, by its number; anything else is "not found" (404, never 403). */
export async function findVisibleCase<S extends Prisma.CaseSelect>(db: Tx | typeof prisma, actor: Actor, number: number, select: S) {
  const found = await db.case.findFirst({ where: { AND: [{ number }, caseWhere(actor)] }, select })
  if (!found) throw notFound(`Case #${number}`)
  return found
}

const STALE_WRITE = 'This case was changed by someone else since you opened it. Reload it and try again.'

/** The version the writer read (forms send it), or the current one (API callers may omit it). */
export function versionToWrite(c: { version: number }, version: number | undefined): number {
  if (version !== undefined && version !== c.version) throw new AppError('CONFLICT', STALE_WRITE)
  return c.version
}

export type CaseEventInput = {
  type: string
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
  internal?: boolean
}

/**
 * The one way a case changes: bumps `version` only if it still equals the version the writer
 * read (optimistic locking: a stale write is refused with 409, never silently lost) and appends
 * the event that says who changed what, in the caller's transaction.
 */
export async function updateCase(
  tx: Tx,
  args: { caseId: string; version: number; actor: Actor; now: Date; data: Prisma.CaseUncheckedUpdateManyInput; events: CaseEventInput[] },
): Promise<void> {
  const updated = await tx.case.updateMany({
    where: { id: args.caseId, version: args.version },
    data: { ...args.data, version: { increment: 1 } },
  })
  if (updated.count === 0) {
    throw new AppError('CONFLICT', STALE_WRITE)
  }
  await appendCaseEvents(tx, args)
}

export async function appendCaseEvents(tx: Tx, args: { caseId: string; actor: Actor | null; now: Date; events: CaseEventInput[] }) {
  await tx.caseEvent.createMany({
    data: args.events.map((e) => ({
      caseId: args.caseId,
      actorId: args.actor?.id ?? null,
      at: args.now,
      type: e.type,
      before: e.before,
      after: e.after,
      internal: e.internal ?? false,
    })),
  })
}
