import { describe, expect, it } from 'vitest'
import { deploymentProblems } from '@/env'

const complete = {
  DATABASE_URL: 'postgresql://portal@db.internal:5432/portal',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  NEXTAUTH_URL: 'https://support.vendor.example',
  SMTP_URL: 'smtp://smtp.vendor.example:587',
  MAIL_MODE: undefined,
  UPLOAD_DIR: '/srv/portal/uploads',
} as const

const settingsNamed = (problems: string[]) => problems.map((p) => p.slice(0, p.indexOf(':')))

describe('what npm run start:prod refuses to start without', () => {
  it('accepts a complete production configuration', () => {
    expect(deploymentProblems(complete)).toEqual([])
  })

  it('names every missing setting at once, not only the first', () => {
    const problems = deploymentProblems({ UPLOAD_DIR: '.data/uploads', DATABASE_URL: undefined, NEXTAUTH_SECRET: undefined, NEXTAUTH_URL: undefined, SMTP_URL: undefined, MAIL_MODE: undefined })
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

  it('needs an absolute attachment folder, since every instance must see the same one', () => {
    expect(settingsNamed(deploymentProblems({ ...complete, UPLOAD_DIR: 'uploads' }))).toEqual(['UPLOAD_DIR'])
  })
})
