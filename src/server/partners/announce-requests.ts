import 'server-only'
import { prisma } from '@/server/db/client'
import { Prisma } from '@/generated/prisma/client'
import { notify } from '@/server/notifications/notify'

type Claimed = { id: string; supportIdId: string | null; status: string }

/**
 * Tells the administrators of a Support ID about the partner requests made since the last run
 * (decision 0018): called by the background worker every few seconds. A request only sets
 * `announcePending`, so it does the same work whether or not its code names a Support ID; here the
 * flag is cleared and, for a request that names one and is still pending, `notify` writes the mail
 * and in-app notifications in the same transaction. A request for an unknown code reaches no one.
 * Rows are claimed with SKIP LOCKED, so several processes may run it side by side. `ids` limits the
 * run to those requests (tests that share a database with other suites).
 */
export async function announcePartnerRequests({ now, batchSize = 50, ids }: { now: Date; batchSize?: number; ids?: string[] }) {
  const onlyIds = ids ? Prisma.sql`AND "id" = ANY(${ids})` : Prisma.empty
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Claimed[]>`
      UPDATE "PartnerGrant" SET "announcePending" = false
      WHERE "id" IN (
        SELECT "id" FROM "PartnerGrant"
        WHERE "announcePending" ${onlyIds}
        ORDER BY "requestedAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "supportIdId", "status"::text AS "status"`
    let messages = 0
    for (const g of claimed) {
      // Decided before the worker came round (the administrator saw it on the organisation page): nothing to ask.
      if (g.supportIdId && g.status === 'PENDING') messages += await notify(tx, { kind: 'partner-request', grantId: g.id }, now)
    }
    return { claimed: claimed.length, messages }
  })
}
