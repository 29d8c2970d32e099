import { authedRoute } from '@/server/api/handler'
import { listApiTokens } from '@/server/tokens/api-tokens'

// Listing only: tokens are made and revoked on the profile page (a session), so a stolen token
// cannot mint itself a successor and outlive its expiry (decision 0009).
export const GET = authedRoute(async ({ actor }) => ({ tokens: await listApiTokens({ actor, now: new Date() }) }))
