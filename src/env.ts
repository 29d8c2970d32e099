// The environment, validated once. Nothing else reads process.env (see ARCHITECTURE.md).
import { z } from 'zod'
import type { DbTarget } from '@/server/db/adapter'

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL (leave it unset for embedded PGlite)')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET must be at least 16 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must be smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Support Portal <support@vendor.example>'),
  OUTBOX_WORKER: z.enum(['on', 'off']).default('on'),
  NEXT_PHASE: z.string().optional(),
})

const parsed = ZEnv.safeParse(process.env)
if (!parsed.success) {
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
  throw new Error(`Invalid environment:\n${lines.join('\n')}`)
}
const raw = parsed.data

// A server deployment must not run on the demo secret; `next build` itself needs no secret.
if (raw.NODE_ENV === 'production' && !raw.NEXTAUTH_SECRET && raw.DATABASE_URL && raw.NEXT_PHASE !== 'phase-production-build') {
  throw new Error('NEXTAUTH_SECRET is required in production with a PostgreSQL server')
}

export const env = {
  ...raw,
  // The embedded demo set-up runs without configuration; a server deployment must set its own.
  NEXTAUTH_SECRET: raw.NEXTAUTH_SECRET ?? 'embedded-demo-secret-not-for-production',
}

export function dbTarget(): DbTarget {
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dir: env.PGLITE_DIR }
}
