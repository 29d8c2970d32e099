import { afterEach, describe, expect, it, vi } from 'vitest'
import { deploymentProblems } from '@/env'

const complete = {
  DATABASE_URL: 'postgresql://portal@db.internal:5432/portal',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  NEXTAUTH_URL: 'https://support.vendor.example',
  SMTP_URL: 'smtp://smtp.vendor.example:587',
  MAIL_MODE: undefined,
  UPLOAD_DIR: '/srv/portal/uploads',
  STORAGE_URL: undefined,
} as const

const settingsNamed = (problems: string[]) => problems.map((p) => p.slice(0, p.indexOf(':')))

describe('what npm run start:prod refuses to start without', () => {
  it('accepts a complete production configuration', () => {
    expect(deploymentProblems(complete)).toEqual([])
  })

  it('names every missing setting at once, not only the first', () => {
    const problems = deploymentProblems({
      UPLOAD_DIR: '.data/uploads',
      STORAGE_URL: undefined,
      DATABASE_URL: undefined,
      NEXTAUTH_SECRET: undefined,
      NEXTAUTH_URL: undefined,
      SMTP_URL: undefined,
      MAIL_MODE: undefined,
    })
    expect(settingsNamed(problems)).toEqual(['DATABASE_URL', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'SMTP_URL', 'UPLOAD_DIR'])
  })

  it('refuses a short session secret and a plain-http public address other than localhost', () => {
    expect(settingsNamed(deploymentProblems({ ...complete, NEXTAUTH_SECRET: 'short-but-16-chars' }))).toEqual(['NEXTAUTH_SECRET'])
    expect(settingsNamed(deploymentProblems({ ...complete, NEXTAUTH_URL: 'http://support.vendor.example' }))).toEqual(['NEXTAUTH_URL'])
    expect(deploymentProblems({ ...complete, NEXTAUTH_URL: 'http://localhost:3000' })).toEqual([])
  })

  it('takes MAIL_MODE=inbox instead of a mail server, but not MAIL_MODE=smtp without one', () => {
    expect(deploymentProblems({ ...complete, SMTP_URL: undefined, MAIL_MODE: 'inbox' })).toEqual([])
    expect(settingsNamed(deploymentProblems({ ...complete, SMTP_URL: undefined, MAIL_MODE: 'smtp' }))).toEqual(['SMTP_URL'])
  })

  it('needs storage every instance shares: an absolute attachment folder or an S3 bucket', () => {
    const [problem] = deploymentProblems({ ...complete, UPLOAD_DIR: 'uploads' })
    // The line starts with the setting's name, as every other (tests/e2e/sec-core.spec.ts reads them so).
    expect(problem).toMatch(/^UPLOAD_DIR: an absolute path .*; or instead STORAGE_URL, an S3 bucket, e\.g\. s3:\/\//)
    expect(deploymentProblems({ ...complete, UPLOAD_DIR: 'uploads' })).toHaveLength(1)
  })

  it('takes a valid STORAGE_URL instead of an absolute UPLOAD_DIR', () => {
    expect(deploymentProblems({ ...complete, UPLOAD_DIR: '.data/uploads', STORAGE_URL: 's3://portal-files?region=eu-west-1' })).toEqual([])
    expect(deploymentProblems({ ...complete, STORAGE_URL: 's3://KEY:SECRET@portal-files?endpoint=https://minio.internal:9000&forcePathStyle=true' })).toEqual(
      [],
    )
  })

  it('refuses an invalid STORAGE_URL with its reason, whatever UPLOAD_DIR says', () => {
    expect(deploymentProblems({ ...complete, STORAGE_URL: 's3://portal-files?endpoint=minio.internal' })).toEqual([
      'STORAGE_URL: endpoint must be an http:// or https:// URL, e.g. endpoint=https://minio.internal:9000',
    ])
    expect(settingsNamed(deploymentProblems({ ...complete, UPLOAD_DIR: 'uploads', STORAGE_URL: 'https://portal-files' }))).toEqual(['STORAGE_URL'])
  })
})

describe('STORAGE_URL at start', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  it('refuses to load the environment with an invalid STORAGE_URL, saying why', async () => {
    vi.stubEnv('STORAGE_URL', 's3://AKIAKEY:hidden@portal-files?endpoint=http://127.0.0.1:9000&pathStyle=true')
    vi.resetModules()
    const error = await import('@/env').then(
      () => null,
      (e: unknown) => e,
    )
    expect((error as Error).message).toBe(
      'Invalid environment:\n  STORAGE_URL: STORAGE_URL has an unknown parameter "pathStyle" (known: endpoint, region, forcePathStyle, prefix)',
    )
  })

  it('loads a valid one as given', async () => {
    vi.stubEnv('STORAGE_URL', 's3://portal-files?region=eu-west-1')
    vi.resetModules()
    expect((await import('@/env')).env.STORAGE_URL).toBe('s3://portal-files?region=eu-west-1')
  })
})
