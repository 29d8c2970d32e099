import { created, readJson, toErrorResponse } from '@/server/api/handler'
import { registerFromInvitation } from '@/server/organisation/invitations'

// NOTE: public by design, like signing in: an invitee without an account has no session yet; the
// secret invitation token in the path is the credential (checked, one use, expiring). It lives
// outside /api/v1 (whose routes all require a session) and is not a Server Action (all of which
// run for a signed-in actor). JSON only: a cross-site form cannot post it.
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await ctx.params
    const body = await readJson(req)
    const result = await registerFromInvitation({ input: { ...(typeof body === 'object' && body ? body : {}), token }, now: new Date() })
    return created(result)
  } catch (error) {
    return toErrorResponse(error)
  }
}
