import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, parseInput } from '@/server/errors'
import { updateCase } from '@/server/cases/case-write'
import { ZAssignCaseInput } from '@/lib/engineer/schemas'
import { assertOpen, loadWorkCase } from './work-case'
import { versionToWrite } from '@/server/cases/case-write'
import { notify } from '@/server/notifications/notify'

/** Active vendor users with the engineer role, by name: who a case can be assigned to. */
export async function listEngineers() {
  return prisma.user.findMany({
    where: { disabledAt: null, vendorRoles: { has: 'ENGINEER' }, organisation: { kind: 'VENDOR' } },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  })
}

/** The engineer with that e-mail; anything else is refused with a reason (422). */
export async function findEngineer(email: string) {
  const engineer = await prisma.user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' }, organisation: { kind: 'VENDOR' } },
    select: { id: true, name: true, email: true, vendorRoles: true, disabledAt: true },
  })
  if (!engineer || engineer.disabledAt || !engineer.vendorRoles.includes('ENGINEER')) {
    throw new AppError('UNPROCESSABLE', `${email} is not an active support engineer: cases are assigned to engineers`, [
      { path: 'engineer', message: 'Not an active support engineer' },
    ])
  }
  return engineer
}

/**
 * Takes a case (no engineer given: the caller) or assigns / reassigns it to an engineer. Engineers
 * and managers may; the assignment is an internal event of the case.
 */
export async function assignCase({ actor, number, input, now }: { actor: Actor; number: number; input: unknown; now: Date }) {
  requireVendor(actor, 'ENGINEER', 'MANAGER') // before reading the input: customers get 404 whatever they send
  const data = parseInput(ZAssignCaseInput, input)
  const c = await loadWorkCase(prisma, actor, number, ['ENGINEER', 'MANAGER'])
  assertOpen(c, 'assignment changes')
  const engineer = await findEngineer(data.engineer ?? actor.email)
  if (c.assigneeId === engineer.id) throw new AppError('CONFLICT', `Case #${number} is already assigned to ${engineer.name}`)
  const version = versionToWrite(c, data.version)
  const before = c.assigneeId ? await prisma.user.findUnique({ where: { id: c.assigneeId }, select: { email: true, name: true } }) : null
  await prisma.$transaction(async (tx) => {
    await updateCase(tx, {
      caseId: c.id,
      version,
      actor,
      now,
      data: { assigneeId: engineer.id },
      events: [
        {
          type: 'case.assigned',
          before: { assignee: before?.email ?? null },
          after: { assignee: engineer.email, assigneeName: engineer.name, taken: engineer.id === actor.id },
          internal: true,
        },
      ],
    })
    // Taking a case yourself tells nobody (notify skips the actor).
    await notify(tx, { kind: 'case-assigned', caseId: c.id, actorId: actor.id }, now)
  })
  return { number, assignee: { name: engineer.name, email: engineer.email } }
}
