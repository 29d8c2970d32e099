import 'server-only'
import { prisma, type Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, parseInput } from '@/server/errors'
import { appendCaseEvents } from '@/server/cases/case-write'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { contactAttemptStanding, describeStanding, type ContactOutcome } from '@/lib/contact-attempts'
import { ZContactAttemptInput } from '@/lib/engineer/schemas'
import type { Tier } from '@/lib/sla'
import { notifyCustomer } from './notify-customer'
import { CASE_WORKERS, assertOpen, loadWorkCase } from './work-case'

const OUTCOMES: Record<string, ContactOutcome> = { 'no-answer': 'NO_ANSWER', voicemail: 'VOICEMAIL', reached: 'REACHED' }
const CHANNELS = { phone: 'PHONE', email: 'EMAIL' } as const

/**
 * Where a case's contact attempts stand against the policy's rule (three unanswered attempts on
 * three separate business days of the customer's calendar), counted since the customer's last
 * reply or upload (`lastCustomerActivityAt`) or a later attempt that reached them.
 */
export async function contactStandingFor(db: Tx | typeof prisma, c: { id: string; tier: Tier; supportIdId: string; lastCustomerActivityAt: Date | null }) {
  // One query after the other: `db` may be a transaction, which runs one statement at a time.
  const attempts = await db.contactAttempt.findMany({
    where: { caseId: c.id },
    orderBy: [{ at: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, at: true, channel: true, outcome: true, engineer: { select: { name: true } } },
  })
  const calendar = await calendarForSupportId(db, c.supportIdId)
  const standing = contactAttemptStanding({ attempts, calendar: { tier: c.tier, ...calendar }, customerRepliedAt: c.lastCustomerActivityAt })
  const byId = new Map(attempts.map((a) => [a.id, a]))
  return {
    ...standing,
    calendar,
    attempts: standing.attempts.map((v) => {
      const a = byId.get(v.id!)!
      return { ...v, id: a.id, channel: a.channel, engineer: a.engineer.name }
    }),
  }
}
export type ContactStandingDetail = Awaited<ReturnType<typeof contactStandingFor>>

/**
 * Logs an attempt to reach the customer (when, channel, outcome). `at` defaults to now and may be
 * earlier, for a call logged afterwards, but never before the case opened nor in the future.
 */
export async function logContactAttempt({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  requireVendor(actor, ...CASE_WORKERS) // before reading the input: customers get 404 whatever they send
  const data = parseInput(ZContactAttemptInput, input)
  const c = await loadWorkCase(prisma, actor, number)
  assertOpen(c, 'contact attempts are logged')
  const at = data.at ?? now
  if (at.getTime() > now.getTime()) {
    throw new AppError('BAD_REQUEST', 'Invalid input: at: a contact attempt cannot be in the future', [
      { path: 'at', message: 'A contact attempt cannot be in the future' },
    ])
  }
  if (at < c.openedAt) {
    throw new AppError('BAD_REQUEST', `Invalid input: at: a contact attempt cannot be before the case opened (${c.openedAt.toISOString()})`, [
      { path: 'at', message: 'A contact attempt cannot be before the case opened' },
    ])
  }
  const outcome = OUTCOMES[data.outcome]!
  return prisma.$transaction(async (tx) => {
    const attempt = await tx.contactAttempt.create({
      data: { caseId: c.id, engineerId: actor.id, at, channel: CHANNELS[data.channel], outcome, createdAt: now },
      select: { id: true, at: true, channel: true, outcome: true },
    })
    const standing = await contactStandingFor(tx, c)
    // Whom the engineer tried to reach, as the case names them now: the vendor's timeline says it.
    const who = await tx.case.findUniqueOrThrow({ where: { id: c.id }, select: { technicalContactName: true, openedBy: { select: { name: true } } } })
    const mine = standing.attempts.find((a) => a.id === attempt.id)!
    await appendCaseEvents(tx, {
      caseId: c.id,
      actor,
      now,
      events: [
        {
          type: 'case.contact-attempt',
          after: {
            attemptId: attempt.id,
            at: at.toISOString(),
            channel: attempt.channel,
            outcome,
            contact: who.technicalContactName ?? who.openedBy.name,
            businessDay: mine.businessDay,
            verdict: mine.verdict,
            standing: describeStanding(standing),
          },
        },
      ],
    })
    await notifyCustomer(tx, { kind: 'contact-attempt', caseId: c.id, attemptId: attempt.id }, now)
    return {
      id: attempt.id,
      at: attempt.at,
      channel: data.channel,
      outcome: data.outcome,
      businessDay: mine.businessDay,
      verdict: mine.verdict,
      contactAttempts: {
        businessDays: standing.businessDays.length,
        required: standing.required,
        closeWithoutConsentAllowed: standing.closeWithoutConsentAllowed,
      },
    }
  })
}
