import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { prisma, type Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, notFound, parseInput } from '@/server/errors'
import { appendCaseEvents, updateCase } from '@/server/cases/case-write'
import { findEngineer } from '@/server/engineer/assign-case'
import { mayWorkCase } from '@/server/access/case-work'
import { notify } from '@/server/notifications/notify'
import { isOpenStatus } from '@/lib/cases/status'
import { ZEscalationAssignInput, ZEscalationNoteInput, ZEscalationResolveInput } from '@/lib/engineer/schemas'

// The Support Managers' side of "talk to a manager": acknowledge, assign an engineer, add notes,
// resolve. Each step updates the escalation's own record (who handled it and when) and appends
// an event to the case's log in the same transaction.

type Step = { actor: Actor; escalationId: string; now: Date }

async function loadEscalation(tx: Tx, actor: Actor, escalationId: string) {
  requireVendor(actor, 'MANAGER')
  // Two plain reads rather than one nested select: a transaction runs one statement at a time.
  const e = await tx.escalation.findUnique({
    where: { id: escalationId },
    select: { id: true, status: true, caseId: true, handledById: true, acknowledgedAt: true, notes: true },
  })
  if (!e) throw notFound('That escalation')
  const c = await tx.case.findUniqueOrThrow({ where: { id: e.caseId }, select: { number: true, status: true, version: true, assigneeId: true } })
  if (!(await mayWorkCase(tx, actor, c.number))) throw new AppError('FORBIDDEN', `Case #${c.number} is not one you may work`)
  return { ...e, case: c }
}

function assertNotResolved(e: { status: string }, what: string) {
  if (e.status === 'RESOLVED') throw new AppError('CONFLICT', `This escalation is already resolved: ${what} only on an open one`)
}

/** Writes the escalation only if its status is still the one read, so two managers never both win. */
async function writeEscalation(
  tx: Tx,
  e: { id: string; status: string },
  data: Prisma.EscalationUpdateManyMutationInput & { assignedEngineerId?: string; handledById?: string },
) {
  const updated = await tx.escalation.updateMany({ where: { id: e.id, status: e.status as 'OPEN' | 'ACKNOWLEDGED' }, data })
  if (updated.count === 0) throw new AppError('CONFLICT', 'This escalation was changed by someone else just now. Reload it and try again.')
}

/** The first manager to acknowledge becomes its handler. */
export async function acknowledgeEscalation({ actor, escalationId, now }: Step) {
  return prisma.$transaction(async (tx) => {
    const e = await loadEscalation(tx, actor, escalationId)
    if (e.status !== 'OPEN')
      throw new AppError('CONFLICT', e.status === 'RESOLVED' ? 'This escalation is already resolved' : 'This escalation is already acknowledged')
    await writeEscalation(tx, e, { status: 'ACKNOWLEDGED', acknowledgedAt: now, handledById: actor.id })
    await appendCaseEvents(tx, {
      caseId: e.caseId,
      actor,
      now,
      events: [{ type: 'escalation.acknowledged', after: { escalationId: e.id, manager: actor.name } }],
    })
    await notify(tx, { kind: 'escalation-acknowledged', escalationId: e.id, actorId: actor.id }, now)
    return { id: e.id, status: 'ACKNOWLEDGED' as const, acknowledgedAt: now }
  })
}

/**
 * Assigns an engineer to work the escalated case: recorded on the escalation and made the case's
 * assignee. Acknowledges the escalation when that had not happened yet.
 */
export async function assignEscalationEngineer({ actor, escalationId, input, now }: Step & { input: unknown }) {
  requireVendor(actor, 'MANAGER') // before reading the input: customers get 404 whatever they send
  const data = parseInput(ZEscalationAssignInput, input)
  const engineer = await findEngineer(data.engineer)
  return prisma.$transaction(async (tx) => {
    const e = await loadEscalation(tx, actor, escalationId)
    assertNotResolved(e, 'an engineer is assigned')
    const acknowledging = e.status === 'OPEN'
    await writeEscalation(tx, e, {
      status: 'ACKNOWLEDGED',
      assignedEngineerId: engineer.id,
      ...(acknowledging ? { acknowledgedAt: now, handledById: actor.id } : {}),
    })
    const events = [
      ...(acknowledging ? [{ type: 'escalation.acknowledged', after: { escalationId: e.id, manager: actor.name } }] : []),
      { type: 'escalation.engineer-assigned', after: { escalationId: e.id, engineer: engineer.email, name: engineer.name } },
    ]
    const caseOpen = isOpenStatus(e.case.status)
    if (caseOpen && e.case.assigneeId !== engineer.id) {
      const before = e.case.assigneeId ? await tx.user.findUnique({ where: { id: e.case.assigneeId }, select: { email: true } }) : null
      await updateCase(tx, {
        caseId: e.caseId,
        version: e.case.version,
        actor,
        now,
        data: { assigneeId: engineer.id },
        events: [
          ...events,
          {
            type: 'case.assigned',
            before: { assignee: before?.email ?? null },
            after: { assignee: engineer.email, assigneeName: engineer.name, escalationId: e.id },
            internal: true,
          },
        ],
      })
    } else {
      await appendCaseEvents(tx, { caseId: e.caseId, actor, now, events })
    }
    if (acknowledging) await notify(tx, { kind: 'escalation-acknowledged', escalationId: e.id, actorId: actor.id }, now)
    await notify(tx, { kind: 'escalation-assigned', escalationId: e.id, actorId: actor.id }, now)
    return { id: e.id, status: 'ACKNOWLEDGED' as const, engineer: { name: engineer.name, email: engineer.email } }
  })
}

/** A manager's note on the escalation (internal: vendor staff only). */
export async function addEscalationNote({ actor, escalationId, input, now }: Step & { input: unknown }) {
  requireVendor(actor, 'MANAGER')
  const { note } = parseInput(ZEscalationNoteInput, input)
  return prisma.$transaction(async (tx) => {
    const e = await loadEscalation(tx, actor, escalationId)
    assertNotResolved(e, 'notes are added')
    const notes = [...(Array.isArray(e.notes) ? (e.notes as Prisma.JsonArray) : []), { at: now.toISOString(), by: actor.name, text: note }]
    await writeEscalation(tx, e, { notes })
    await appendCaseEvents(tx, {
      caseId: e.caseId,
      actor,
      now,
      events: [{ type: 'escalation.note-added', after: { escalationId: e.id, note }, internal: true }],
    })
    return { id: e.id, notes: notes.length }
  })
}

/** Resolves the escalation with what was agreed; the handler is whoever resolves it if nobody acknowledged. */
export async function resolveEscalation({ actor, escalationId, input, now }: Step & { input: unknown }) {
  requireVendor(actor, 'MANAGER')
  const { resolution } = parseInput(ZEscalationResolveInput, input)
  return prisma.$transaction(async (tx) => {
    const e = await loadEscalation(tx, actor, escalationId)
    assertNotResolved(e, 'a resolution is recorded')
    await writeEscalation(tx, e, {
      status: 'RESOLVED',
      resolvedAt: now,
      resolution,
      ...(e.handledById ? {} : { handledById: actor.id, acknowledgedAt: e.acknowledgedAt ?? now }),
    })
    await appendCaseEvents(tx, {
      caseId: e.caseId,
      actor,
      now,
      events: [{ type: 'escalation.resolved', after: { escalationId: e.id, manager: actor.name, resolution } }],
    })
    await notify(tx, { kind: 'escalation-resolved', escalationId: e.id, actorId: actor.id }, now)
    return { id: e.id, status: 'RESOLVED' as const, resolvedAt: now }
  })
}
