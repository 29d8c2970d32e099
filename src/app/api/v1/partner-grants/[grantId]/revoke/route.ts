import { authedRoute } from '@/server/api/handler'
import { revokePartnerGrant } from '@/server/partners/decide-grant'

export const POST = authedRoute<{ grantId: string }>(({ actor, params }) => revokePartnerGrant({ actor, input: { grantId: params.grantId }, now: new Date() }))
