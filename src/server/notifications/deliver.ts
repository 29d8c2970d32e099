import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { prisma } from '@/server/db/client'
import { revealMailText } from './secret-parts'
import { transportFromEnv, type MailTransport } from './transport'

/** After this many failed tries a message is FAILED (kept, shown on the outbox page) instead of retried. */
export const MAX_ATTEMPTS = 10
/** A claimed message is invisible to other workers this long: a worker that dies mid-send gives it back. */
export const LEASE_MS = 2 * 60_000
const BACKOFF_BASE_MS = 30_000
const BACKOFF_MAX_MS = 60 * 60_000

/** Wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS)
}

type Claimed = { id: string; to: string; subject: string; text: string; secrets: string | null; attempts: number; createdAt: Date }

export type DeliveryReport = { claimed: number; sent: number; retried: number; failed: number }

/**
 * Delivers the outbox messages that are due at `now`: claims a batch (safe with several workers
 * or processes: `FOR UPDATE SKIP LOCKED`, and the claim pushes `nextAttemptAt` out by a lease so
 * a crashed worker's rows come back), hands each to the transport, then marks it SENT, or
 * reschedules it with exponential backoff, or after MAX_ATTEMPTS marks it FAILED with the error.
 * A mail server that is down therefore loses nothing: the rows wait in the outbox.
 *
 * `ids` limits the run to those messages (tests that share a database with other suites).
 */
export async function deliverDue({
  now,
  transport = transportFromEnv(),
  batchSize = 50,
  ids,
}: {
  now: Date
  transport?: MailTransport
  batchSize?: number
  ids?: string[]
}): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, failed: 0 }
  if (ids && ids.length === 0) return report
  const leaseUntil = new Date(now.getTime() + LEASE_MS)
  const onlyIds = ids ? Prisma.sql`AND "id" = ANY(${ids})` : Prisma.empty
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now} ${onlyIds}
      ORDER BY "nextAttemptAt", "createdAt", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "secrets", "attempts", "createdAt"`
  report.claimed = claimed.length
  // In the order the changes happened (RETURNING has no order of its own).
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
  for (const m of claimed) {
    // Only the holder of this claim may settle it (the same attempts count and lease).
    const mine = { id: m.id, status: 'PENDING' as const, attempts: m.attempts }
    try {
      // Secret parts are filled in only here, on their way out (decision 0007).
      await transport.send({ id: m.id, to: m.to, subject: m.subject, text: revealMailText(m) })
      // Once a mail server has it, the sealed secret is erased. The dev inbox *is* the mailbox: the
      // recipient reads the row on /inbox, so it keeps its seal until the retention purge.
      const erase = transport.kind === 'smtp' ? { secrets: null } : {}
      await prisma.outboxMessage.updateMany({ where: mine, data: { status: 'SENT', sentAt: now, lastError: null, ...erase } })
      report.sent++
    } catch (error) {
      const lastError = describeError(error)
      if (m.attempts >= MAX_ATTEMPTS) {
        await prisma.outboxMessage.updateMany({ where: mine, data: { status: 'FAILED', lastError } })
        report.failed++
      } else {
        await prisma.outboxMessage.updateMany({ where: mine, data: { nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)), lastError } })
        report.retried++
      }
    }
  }
  return report
}

function describeError(error: unknown): string {
  const e = error as { message?: string; code?: string; responseCode?: number }
  const parts = [e.code, e.responseCode, e.message ?? String(error)].filter((p) => p !== undefined && p !== '')
  return parts.join(' ').slice(0, 1000)
}

/** A dev-inbox link is no use after the invitation behind it expired (7 days). */
const SECRET_RETENTION_MS = 7 * 86_400_000

/**
 * The retention purge: a sent message older than `retentionDays` keeps its row (recipient, subject,
 * kind, times: the delivery record) but loses its body; sealed secrets go after 7 days at the latest.
 */
export async function purgeSentMail({
  now,
  retentionDays,
  ids,
}: {
  now: Date
  retentionDays: number
  ids?: string[]
}): Promise<{ bodies: number; secrets: number }> {
  const only = ids ? { id: { in: ids } } : {}
  const bodies = await prisma.outboxMessage.updateMany({
    where: { ...only, status: 'SENT', sentAt: { lt: new Date(now.getTime() - retentionDays * 86_400_000) }, bodyPurgedAt: null },
    data: { text: '', secrets: null, bodyPurgedAt: now },
  })
  const secrets = await prisma.outboxMessage.updateMany({
    where: { ...only, status: 'SENT', sentAt: { lt: new Date(now.getTime() - SECRET_RETENTION_MS) }, secrets: { not: null } },
    data: { secrets: null },
  })
  return { bodies: bodies.count, secrets: secrets.count }
}
