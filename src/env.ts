// The environment, validated once. Nothing else reads process.env (see ARCHITECTURE.md).
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { DbTarget } from '@/db/adapter'
import { storageUrlProblem } from '@/lib/storage-url'

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL (leave it unset for embedded PGlite)')
    .optional(),
  // Connections per instance to the PostgreSQL server (pg's default is 10). Instances × this must
  // stay below the server's max_connections; about 2-4 per core of the database machine is usual.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET must be at least 16 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
  // Attachments in an S3 bucket instead of UPLOAD_DIR (decision 0021), e.g.
  // s3://KEY:SECRET@bucket?endpoint=https://minio.internal:9000&forcePathStyle=true&prefix=attachments/
  STORAGE_URL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value === undefined ? null : storageUrlProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Support Portal <support@vendor.example>'),
  BACKGROUND_JOBS: z.enum(['on', 'off']).default('on'),
  // Seals the secret parts of outbox mail (decision 0007); derived from NEXTAUTH_SECRET when unset.
  MAIL_SECRET_KEY: z.string().min(32, 'MAIL_SECRET_KEY must be at least 32 characters').optional(),
  // Sent mail keeps its body this long, then only the delivery record (decision 0007).
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // How many reverse proxies in front of the server append to X-Forwarded-For: 0 = clients connect
  // directly and only the socket address counts (decision 0007).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // `npm run start:prod` sets it: the start then refuses a configuration a real deployment lacks.
  PORTAL_DEPLOYMENT: z.enum(['production']).optional(),
  // `inbox` keeps the development inbox page as the only mail delivery even in production (a
  // deliberate choice for an installation without outgoing mail); otherwise production needs SMTP_URL.
  MAIL_MODE: z.enum(['smtp', 'inbox']).optional(),
  NEXT_PHASE: z.string().optional(),
})

const parsed = ZEnv.safeParse(process.env)
if (!parsed.success) {
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
  throw new Error(`Invalid environment:\n${lines.join('\n')}`)
}
const raw = parsed.data

const building = raw.NEXT_PHASE === 'phase-production-build'

/** Why this environment must not serve requests, or null. Checked when the server starts
 * (src/instrumentation.ts exits with it) and again on first use of the session secret. */
export function startupProblem(): string | null {
  if (raw.PORTAL_DEPLOYMENT === 'production' && !building) {
    const missing = deploymentProblems(raw)
    if (missing.length) return `Cannot start in production. Set these and start again:\n${missing.map((m) => `  - ${m}`).join('\n')}`
  }
  if (raw.NODE_ENV === 'production' && !raw.NEXTAUTH_SECRET && raw.DATABASE_URL && !building) {
    return 'NEXTAUTH_SECRET is required in production with a PostgreSQL server (DATABASE_URL is set). Set it to a random value of at least 32 characters, e.g. `openssl rand -base64 32`.'
  }
  return null
}

type RawEnv = z.infer<typeof ZEnv>

/** What a production deployment (`npm run start:prod`) lacks, one line per setting; empty when
 * complete. Only presence and shape: whether the database answers is /api/ready's question. */
export function deploymentProblems(
  e: Pick<RawEnv, 'DATABASE_URL' | 'NEXTAUTH_SECRET' | 'NEXTAUTH_URL' | 'SMTP_URL' | 'MAIL_MODE' | 'UPLOAD_DIR' | 'STORAGE_URL'>,
): string[] {
  const problems: string[] = []
  if (!e.DATABASE_URL)
    problems.push('DATABASE_URL: the PostgreSQL server, e.g. postgresql://portal:…@db.internal:5432/portal (production never runs on the embedded database)')
  if (!e.NEXTAUTH_SECRET || e.NEXTAUTH_SECRET.length < 32)
    problems.push('NEXTAUTH_SECRET: a random value of at least 32 characters that signs sessions, e.g. `openssl rand -base64 32`; the same on every instance')
  if (!e.NEXTAUTH_URL)
    problems.push('NEXTAUTH_URL: the address people open, e.g. https://support.vendor.example (links in mail and the sign-in callback use it)')
  else if (!/^https:\/\//.test(e.NEXTAUTH_URL) && !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(e.NEXTAUTH_URL))
    problems.push('NEXTAUTH_URL: must be an https:// address (plain http only for localhost)')
  if (!e.SMTP_URL && e.MAIL_MODE !== 'inbox')
    problems.push(
      "SMTP_URL: the outgoing mail server, e.g. smtp://user:pass@smtp.vendor.example:587 (or MAIL_MODE=inbox to keep mail in the portal's inbox page)",
    )
  const storage = e.STORAGE_URL === undefined ? null : storageUrlProblem(e.STORAGE_URL)
  if (storage) problems.push(storage.replace(/^STORAGE_URL /, 'STORAGE_URL: '))
  else if (e.STORAGE_URL === undefined && !path.isAbsolute(e.UPLOAD_DIR))
    problems.push(
      'UPLOAD_DIR: an absolute path to the attachment folder, shared by every instance (e.g. a mounted volume); or instead STORAGE_URL, an S3 bucket, e.g. s3://portal-attachments?region=eu-west-1',
    )
  return problems
}

/** The embedded set-up's own session secret: random, made on first start, kept in the PGlite
 * folder (mode 0600), so no two installations share one and none is published (decision 0007). */
function embeddedSecret(): string {
  const file = path.join(raw.PGLITE_DIR, 'portal-session-secret')
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    if (existing.length >= 32) return existing
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(raw.PGLITE_DIR, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  try {
    // 'wx': two processes starting at once keep the first one's secret.
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim()
    throw error
  }
}

let sessionSecret: string | undefined
function resolveSessionSecret(): string {
  if (raw.NEXTAUTH_SECRET) return raw.NEXTAUTH_SECRET
  const problem = startupProblem()
  if (problem) throw new Error(problem)
  // `next build` signs nothing; it must not create files in the data folder.
  if (building) return randomBytes(32).toString('base64url')
  if (!raw.DATABASE_URL) return (sessionSecret ??= embeddedSecret())
  // Development or test against PostgreSQL without a secret: a random one per process.
  return (sessionSecret ??= randomBytes(32).toString('base64url'))
}

export const env = {
  ...raw,
  /** The secret next-auth signs sessions with: NEXTAUTH_SECRET, else one of the embedded data folder's own. */
  get NEXTAUTH_SECRET(): string {
    return resolveSessionSecret()
  },
}

export function dbTarget(): DbTarget {
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } : { kind: 'pglite', dir: env.PGLITE_DIR }
}
