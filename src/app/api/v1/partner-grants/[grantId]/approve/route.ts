import { authedRoute } from '@/server/api/handler'
import { approvePartnerGrant } from '@/server/partners/decide-grant'

export const POST = authedRoute<{ grantId: string }>(({ actor, params }) => approvePartnerGrant({ actor, input: { grantId: params.grantId }, now: new Date() }))
