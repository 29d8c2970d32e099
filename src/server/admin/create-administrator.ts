// The first vendor Administrator of a new installation (`npm run admin:create`): production has
// no demo accounts, and every other account is made from the portal by an Administrator.
import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import { hashPassword } from '@/server/auth/password'
import { zNewPassword } from '@/lib/organisation/schemas'
import { zText } from '@/lib/text'

export const ZCreateAdministrator = z
  .object({
    email: z
      .email('Give the administrator’s e-mail address, e.g. --email ada@vendor.example')
      .max(254)
      .transform((v) => v.toLowerCase()),
    name: zText('The name', 'Give the administrator’s name, e.g. --name "Ada Park"')
      .trim()
      .min(2, 'Give the administrator’s name, e.g. --name "Ada Park"')
      .max(120, 'Keep the name under 120 characters'),
    password: zNewPassword,
    // Only when the installation has no vendor organisation yet.
    organisation: zText('The organisation', 'Give the vendor organisation’s name').trim().min(2).max(120).default('Support'),
  })
  .strict()
export type TCreateAdministrator = z.input<typeof ZCreateAdministrator>

export class CreateAdministratorRefused extends Error {}

/** Creates the Administrator in the installation's vendor organisation (made first when there is
 * none), audited; refuses an address that already has an account, so it never takes one over. */
export async function createAdministrator(
  db: PrismaClient,
  input: TCreateAdministrator,
  now: Date,
): Promise<{ userId: string; organisationId: string; organisationCreated: boolean }> {
  const parsed = ZCreateAdministrator.safeParse(input)
  if (!parsed.success) throw new CreateAdministratorRefused(parsed.error.issues.map((i) => i.message).join('\n'))
  const { email, name, password, organisation } = parsed.data
  const passwordHash = await hashPassword(password)
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new CreateAdministratorRefused(
        `${email} already has an account. Choose another address, or give that person the Administrator role from the portal.`,
      )
    }
    const vendors = await tx.organisation.findMany({ where: { kind: 'VENDOR' }, select: { id: true }, orderBy: { createdAt: 'asc' }, take: 2 })
    if (vendors.length > 1)
      throw new CreateAdministratorRefused('This database has more than one vendor organisation; add the Administrator from the portal instead.')
    const org = vendors[0] ?? (await tx.organisation.create({ data: { name: organisation, kind: 'VENDOR' }, select: { id: true } }))
    const user = await tx.user.create({ data: { email, name, passwordHash, organisationId: org.id, vendorRoles: ['ADMIN'] }, select: { id: true } })
    await tx.auditEntry.create({
      data: {
        actorId: null,
        at: now,
        action: 'administrator.created-from-command-line',
        entityType: 'User',
        entityId: user.id,
        data: { email, organisationId: org.id },
      },
    })
    return { userId: user.id, organisationId: org.id, organisationCreated: !vendors[0] }
  })
}
