// Inputs of customer administration, shared by the forms (client) and the services (server).
import { z } from 'zod'
import { zText } from '@/lib/text'

const email = z
  .string({ error: 'Enter an e-mail address' })
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid e-mail address').max(254, 'That e-mail address is too long'))

const supportIdCode = z
  .string({ error: 'Choose a Support ID' })
  .trim()
  .min(1, 'Choose a Support ID')
  .max(64, 'Support ID codes are at most 64 characters')
  .regex(/^[A-Za-z0-9_-]*$/, 'A Support ID code has letters, digits and dashes only')

export const ZInviteCaseAdminInput = z.object({ supportIdCode, email }).strict()
export type TInviteCaseAdminInput = z.infer<typeof ZInviteCaseAdminInput>

export const ZRemoveCaseAdminInput = z
  .object({
    supportIdCode,
    userId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a person of this Support ID'),
  })
  .strict()
export type TRemoveCaseAdminInput = z.infer<typeof ZRemoveCaseAdminInput>

export const ZInvitationToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,200}$/, 'This invitation link is not valid')

export const ZAcceptInvitationInput = z.object({ token: ZInvitationToken }).strict()
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>

export const PASSWORD_MIN = 12
/** A password someone chooses for a new account: through an invitation, or `npm run admin:create`. */
export const zNewPassword = z
  .string({ error: 'Choose a password' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password`)
  .max(200, 'Keep the password under 200 characters')
  .refine((v) => !v.includes('\u0000'), 'The password must not contain NUL characters')

export const ZRegisterFromInvitationInput = z
  .object({
    token: ZInvitationToken,
    name: zText('Your name', 'Enter your name').trim().min(2, 'Enter your name').max(120, 'Keep your name under 120 characters'),
    password: zNewPassword,
    confirmPassword: z.string().optional(),
  })
  .strict()
  .refine((v) => v.confirmPassword === undefined || v.confirmPassword === v.password, { message: 'The two passwords differ', path: ['confirmPassword'] })
export type TRegisterFromInvitationInput = z.infer<typeof ZRegisterFromInvitationInput>
