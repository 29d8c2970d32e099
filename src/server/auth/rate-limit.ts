import 'server-only'
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible'
import { prisma } from '@/server/db/client'

// Failed sign-ins are limited per account *and client address together* (the e-mail typed,
// whether or not it exists, so the limit reveals nothing), and per client address. A stranger
// guessing from elsewhere therefore cannot lock the owner out: the owner's own address keeps its
// budget. The counters live in the database (rate-limiter-flexible's Prisma store, table
// "RateLimit"), so every server process shares one budget. Decision 0007.
const WINDOW_SECONDS = 15 * 60
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_ADDRESS = 30

const store = { storeClient: prisma, tableName: 'rateLimit', duration: WINDOW_SECONDS }
const globalForLimits = globalThis as unknown as { signInLimits?: { pair: RateLimiterPrisma; address: RateLimiterPrisma } }
const limits = (globalForLimits.signInLimits ??= {
  pair: new RateLimiterPrisma({ ...store, keyPrefix: 'signin-account-address', points: MAX_FAILURES_PER_ACCOUNT }),
  address: new RateLimiterPrisma({ ...store, keyPrefix: 'signin-address', points: MAX_FAILURES_PER_ADDRESS }),
})

const pairKey = (email: string, address: string) => `${email.trim().toLowerCase()}|${address}`

export class SignInRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
    super(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`)
  }
}

const exhausted = (res: RateLimiterRes | null, max: number) => (res && res.consumedPoints >= max ? res.msBeforeNext / 1000 : 0)

/** Throws SignInRateLimited while this account from this address, or this address, has used up its failures. */
export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const [pair, client] = await Promise.all([limits.pair.get(pairKey(email, address)), limits.address.get(address)])
  const wait = Math.max(exhausted(pair, MAX_FAILURES_PER_ACCOUNT), exhausted(client, MAX_FAILURES_PER_ADDRESS))
  if (wait > 0) throw new SignInRateLimited(wait)
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  // consume() rejects once the points are gone; the next assertSignInAllowed refuses then.
  const results = await Promise.allSettled([limits.pair.consume(pairKey(email, address)), limits.address.consume(address)])
  for (const r of results) if (r.status === 'rejected' && r.reason instanceof Error) throw r.reason
}

export async function clearSignInFailures(email: string, address: string): Promise<void> {
  await limits.pair.delete(pairKey(email, address))
}
