// Inputs of partner delegation, shared by the forms (client) and the services (server).
import { z } from 'zod'
import { zText } from '@/lib/text'

export const ZRequestPartnerAccessInput = z
  .object({
    supportIdCode: z
      .string({ error: 'Enter the Support ID code' })
      .trim()
      .min(1, 'Enter the Support ID code')
      .max(64, 'Support ID codes are at most 64 characters')
      .regex(/^[A-Za-z0-9_-]*$/, 'A Support ID code has letters, digits and dashes only'),
    note: zText('The note')
      .trim()
      .max(500, 'Keep the note under 500 characters')
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .strict()
export type TRequestPartnerAccessInput = z.infer<typeof ZRequestPartnerAccessInput>

export const ZDecidePartnerGrantInput = z.object({ grantId: z.string().trim().min(1).max(200) }).strict()
export type TDecidePartnerGrantInput = z.infer<typeof ZDecidePartnerGrantInput>
