import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { AppError, parseInput } from '@/server/errors'
import { findAdministeredSupportId } from './administered-support-id'
import { ZRemoveCaseAdminInput } from '@/lib/organisation/schemas'

/**
 * A License Administrator removes a Case Administrator from one Support ID. It takes effect on the
 * person's next request: roles are read from the database on every request, never from the session.
 */
export async function removeCaseAdmin({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const { supportIdCode, userId } = parseInput(ZRemoveCaseAdminInput, input)
  await prisma.$transaction(async (tx) => {
    const s = await findAdministeredSupportId(tx, actor, supportIdCode, 'license', 'remove Case Administrators')
    const role = await tx.supportIdRole.findFirst({
      where: { supportIdId: s.id, userId, role: 'CASE_ADMIN' },
      select: { id: true, user: { select: { email: true } } },
    })
    if (!role) throw new AppError('NOT_FOUND', `That person is not a Case Administrator of ${s.code}`)
    await tx.supportIdRole.delete({ where: { id: role.id } })
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        at: now,
        action: 'support-id-role.removed',
        entityType: 'SupportIdRole',
        entityId: role.id,
        data: { userId, email: role.user.email, supportIdCode: s.code, role: 'CASE_ADMIN' },
      },
    })
  })
}
