import 'server-only'
import type { Tx } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import type { CaseEventInput } from '@/server/cases/case-write'

// The policy offers "talk to a manager" on an open case only (support-policy.md, Processes): a
// manager request belongs to an open case. So closing the case closes its request too (decision
// 0017): the escalation is resolved with a resolution that says so, never left open in the
// managers' queue on a closed case. Runs in the closing transaction; the caller adds the returned
// events to the case's own write, and each escalation gets an AuditEntry.

/** The words the escalation keeps as its resolution, shown on the managers' card and the customer's. */
export function closedWithCaseResolution(caseNumber: number, by: string) {
  return `Closed with the case: ${by} closed case #${caseNumber} while this request was still open.`
}

export async function closeEscalationsWithCase(tx: Tx, args: { caseId: string; caseNumber: number; actor: Actor; now: Date }): Promise<CaseEventInput[]> {
  const open = await tx.escalation.findMany({ where: { caseId: args.caseId, status: { not: 'RESOLVED' } }, select: { id: true, status: true } })
  const resolution = closedWithCaseResolution(args.caseNumber, args.actor.name)
  const events: CaseEventInput[] = []
  for (const e of open) {
    // Only if still unresolved: a manager resolving it at the same moment keeps their resolution.
    const done = await tx.escalation.updateMany({ where: { id: e.id, status: e.status }, data: { status: 'RESOLVED', resolvedAt: args.now, resolution } })
    if (done.count === 0) continue
    await tx.auditEntry.create({
      data: {
        actorId: args.actor.id,
        at: args.now,
        action: 'escalation.closed-with-case',
        entityType: 'Escalation',
        entityId: e.id,
        data: { caseNumber: args.caseNumber, before: e.status, resolution },
      },
    })
    events.push({ type: 'escalation.closed-with-case', before: { status: e.status }, after: { escalationId: e.id, status: 'RESOLVED', resolution } })
  }
  return events
}
