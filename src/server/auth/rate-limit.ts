import 'server-only'
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible'

// Failed sign-ins are limited per account (the e-mail typed, whether or not it exists, so the
// limit reveals nothing) and per client address. In memory, per server process: see
// docs/decisions/0005-security.md for what a multi-instance deployment would change.
const WINDOW_SECONDS = 15 * 60
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_ADDRESS = 30

const globalForLimits = globalThis as unknown as { signInLimits?: { account: RateLimiterMemory; address: RateLimiterMemory } }
const limits = (globalForLimits.signInLimits ??= {
  account: new RateLimiterMemory({ keyPrefix: 'signin-account', points: MAX_FAILURES_PER_ACCOUNT, duration: WINDOW_SECONDS }),
  address: new RateLimiterMemory({ keyPrefix: 'signin-address', points: MAX_FAILURES_PER_ADDRESS, duration: WINDOW_SECONDS }),
})

export class SignInRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
    super(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`)
  }
}

const exhausted = (res: RateLimiterRes | null, max: number) => (res && res.consumedPoints >= max ? res.msBeforeNext / 1000 : 0)

/** Throws SignInRateLimited while the account or the address has used up its failures. */
export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const [account, client] = await Promise.all([limits.account.get(email), limits.address.get(address)])
  const wait = Math.max(exhausted(account, MAX_FAILURES_PER_ACCOUNT), exhausted(client, MAX_FAILURES_PER_ADDRESS))
  if (wait > 0) throw new SignInRateLimited(wait)
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  // consume() rejects once the points are gone; the next assertSignInAllowed refuses then.
  await Promise.allSettled([limits.account.consume(email), limits.address.consume(address)])
}

export async function clearSignInFailures(email: string): Promise<void> {
  await limits.account.delete(email)
}
