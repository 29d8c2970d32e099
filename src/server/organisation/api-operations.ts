import 'server-only'
import { z } from 'zod'
import type { Operation } from '@/server/api/operation'
import { ZInviteCaseAdminInput, ZAcceptInvitationInput } from '@/lib/organisation/schemas'
import { ZRequestPartnerAccessInput } from '@/lib/partners/schemas'

// The /api/v1 operations of issue 5's customer administration and partner delegation, listed in
// src/server/api/operations.ts (vendor administration: src/server/admin/api-operations.ts).

const ZGrantStatus = z.enum(['PENDING', 'APPROVED', 'DECLINED', 'REVOKED'])
export const ZPartnerGrantResponse = z.object({ id: z.string(), supportIdCode: z.string(), status: ZGrantStatus })
export const ZPartnerGrantsResponse = z.object({
  grants: z.array(
    z.object({
      id: z.string(),
      supportIdCode: z.string(),
      status: ZGrantStatus,
      requestedAt: z.iso.datetime(),
      decidedAt: z.iso.datetime().nullable(),
      note: z.string().nullable(),
      requestedBy: z.object({ name: z.string(), email: z.string() }),
      partner: z.string(),
      customer: z.string().nullable().describe('The customer organisation: shown to a partner only once approved'),
      tier: z.string().nullable(),
    }),
  ),
})
export const organisationOperations: Operation[] = [
  // Customer administration (License and Case Administrators)
  {
    id: 'getOrganisation',
    method: 'GET',
    path: '/api/v1/organisation',
    tag: 'Organisation',
    summary:
      'The Support IDs the caller administers: tier, region, maintenance dates, role holders (a Case Administrator does not see other Case Administrators), pending invitations, partners',
    success: 200,
    errors: [401, 404],
  },
  {
    id: 'inviteCaseAdmin',
    method: 'POST',
    path: '/api/v1/organisation/invitations',
    tag: 'Organisation',
    summary: 'Invite a person of the organisation by e-mail to be Case Administrator of one Support ID (License Administrators)',
    body: ZInviteCaseAdminInput,
    success: 201,
    errors: [400, 401, 403, 404, 409, 415, 422],
  },
  {
    id: 'revokeInvitation',
    method: 'DELETE',
    path: '/api/v1/organisation/invitations/{invitationId}',
    tag: 'Organisation',
    summary: 'Withdraw a pending invitation (License Administrators)',
    success: 204,
    errors: [401, 403, 404, 409],
  },
  {
    id: 'removeCaseAdmin',
    method: 'DELETE',
    path: '/api/v1/organisation/support-ids/{code}/case-admins/{userId}',
    tag: 'Organisation',
    summary: 'Remove a Case Administrator from a Support ID; applies on their next request (License Administrators)',
    success: 204,
    errors: [401, 403, 404],
  },
  {
    id: 'acceptInvitation',
    method: 'POST',
    path: '/api/v1/invitations/accept',
    tag: 'Organisation',
    summary: 'Accept a Case Administrator invitation ({ token } from the link) as the invited, signed-in person',
    body: ZAcceptInvitationInput,
    success: 200,
    errors: [400, 401, 403, 404, 409, 415, 422],
  },
  // Partner delegation
  {
    id: 'listPartnerGrants',
    method: 'GET',
    path: '/api/v1/partner-grants',
    tag: 'Partners',
    summary: 'Partner access requests: a partner its own; a customer administrator those on its Support IDs',
    response: ZPartnerGrantsResponse,
    success: 200,
    errors: [401, 404],
  },
  {
    id: 'requestPartnerAccess',
    method: 'POST',
    path: '/api/v1/partner-grants',
    tag: 'Partners',
    summary: 'A partner asks for access to a Support ID by its code; pending until a License or Case Administrator decides',
    body: ZRequestPartnerAccessInput,
    response: ZPartnerGrantResponse,
    success: 201,
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    id: 'approvePartnerGrant',
    method: 'POST',
    path: '/api/v1/partner-grants/{grantId}/approve',
    tag: 'Partners',
    summary: 'Approve a pending request (License or Case Administrators of the Support ID); the partner is told by e-mail',
    response: ZPartnerGrantResponse,
    success: 200,
    errors: [401, 403, 404, 409],
  },
  {
    id: 'declinePartnerGrant',
    method: 'POST',
    path: '/api/v1/partner-grants/{grantId}/decline',
    tag: 'Partners',
    summary: 'Decline a pending request',
    response: ZPartnerGrantResponse,
    success: 200,
    errors: [401, 403, 404, 409],
  },
  {
    id: 'revokePartnerGrant',
    method: 'POST',
    path: '/api/v1/partner-grants/{grantId}/revoke',
    tag: 'Partners',
    summary: "Revoke approved access: refused from the partner's very next request",
    response: ZPartnerGrantResponse,
    success: 200,
    errors: [401, 403, 404, 409],
  },
]
