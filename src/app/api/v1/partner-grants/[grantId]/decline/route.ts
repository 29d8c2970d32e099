import { authedRoute } from '@/server/api/handler'
import { declinePartnerGrant } from '@/server/partners/decide-grant'

export const POST = authedRoute<{ grantId: string }>(({ actor, params }) => declinePartnerGrant({ actor, input: { grantId: params.grantId }, now: new Date() }))
