// The kinds of people the end-to-end specs act as (shared by the isolation matrix and the
// accessibility, title and navigation checks): demo accounts plus the isolation world's partners
// whose access is pending or revoked (their e-mails come from .e2e-world.json).
import fs from 'node:fs'
import { expect, type APIRequestContext } from '@playwright/test'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { WORLD_FILE, type IsolationWorld } from './isolation-world'

export type ActorName =
  'licadmin' | 'caseadmin' | 'user' | 'partner' | 'pending' | 'revoked' | 'otherAdmin' | 'engineer' | 'manager' | 'sam' | 'admin' | 'anonymous'

export const ACTORS: Record<ActorName, { email?: string; kind: 'customer' | 'partner' | 'vendor' | 'anonymous'; roles?: string[] }> = {
  licadmin: { email: 'licadmin@acme.example', kind: 'customer' },
  caseadmin: { email: 'caseadmin@acme.example', kind: 'customer' },
  user: { email: 'user@acme.example', kind: 'customer' },
  otherAdmin: { email: 'caseadmin@globex.example', kind: 'customer' },
  partner: { email: 'partner@northwind.example', kind: 'partner' },
  pending: { kind: 'partner' },
  revoked: { kind: 'partner' },
  engineer: { email: 'engineer@vendor.example', kind: 'vendor', roles: ['ENGINEER'] },
  manager: { email: 'manager@vendor.example', kind: 'vendor', roles: ['MANAGER'] },
  sam: { email: 'sam@vendor.example', kind: 'vendor', roles: ['SUPPORT_ACCOUNT_MANAGER'] },
  admin: { email: 'admin@vendor.example', kind: 'vendor', roles: ['ADMIN'] },
  anonymous: { kind: 'anonymous' },
}
export const NAMES = Object.keys(ACTORS) as ActorName[]

/** Reads the isolation world and fills in the e-mails of the partners it made. */
export function loadWorld(): IsolationWorld {
  const world = JSON.parse(fs.readFileSync(WORLD_FILE, 'utf8')) as IsolationWorld
  ACTORS.pending.email = world.users.pending
  ACTORS.revoked.email = world.users.revoked
  return world
}

/** Signs a request context in through next-auth's credentials endpoint (a browser context's
 * `request` shares its cookies with the context's pages). */
export async function signInRequest(ctx: APIRequestContext, email: string) {
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json()
  const res = await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: DEMO_PASSWORD, json: 'true' } })
  expect(res.ok(), `sign in ${email}`).toBe(true)
  expect((await (await ctx.get('/api/v1/me')).json()).user.email).toBe(email)
}
