import 'server-only'
import { z } from 'zod'
import { prisma } from '@/server/db/client'
import { timingSafeDummyHash, verifyPassword } from './password'

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address')),
  password: z.string().min(1, 'Enter your password').max(1024),
})
export type TSignInInput = z.infer<typeof ZSignInInput>

export type SignInResult = { id: string; email: string; name: string; sessionVersion: number } | null

/** Checks e-mail and password. Unknown e-mail and wrong password take the same path and time. */
export async function verifyCredentials(input: TSignInInput): Promise<SignInResult> {
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, disabledAt: true },
  })
  const ok = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), input.password)
  if (!user || !ok || user.disabledAt) return null
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
}
