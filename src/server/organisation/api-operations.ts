import 'server-only'
import { z } from 'zod'
import type { Operation } from '@/server/api/operations'
import { ZInviteCaseAdminInput, ZAcceptInvitationInput } from './schemas'
import { ZRequestPartnerAccessInput } from '@/server/partners/schemas'
import {
  ZCalendarInput,
  ZCreateVersionInput,
  ZHolidayInput,
  ZIcsApplyInput,
  ZIcsImportInput,
  ZPhoneLineInput,
  ZProductInput,
  ZUpdateHolidayInput,
  ZUpdateRegionInput,
  ZUpdateVersionInput,
} from '@/server/admin/schemas'

// The /api/v1 operations of issue 5 (customer administration, partner delegation, vendor
// administration), spread into the operation list by src/server/api/operations.ts.

const ZGrantStatus = z.enum(['PENDING', 'APPROVED', 'DECLINED', 'REVOKED'])
export const ZPartnerGrantResponse = z.object({ id: z.string(), supportIdCode: z.string(), status: ZGrantStatus })
export const ZPartnerGrantsResponse = z.object({
  grants: z.array(z.object({
    id: z.string(), supportIdCode: z.string(), status: ZGrantStatus, requestedAt: z.iso.datetime(), decidedAt: z.iso.datetime().nullable(), note: z.string().nullable(),
    requestedBy: z.object({ name: z.string(), email: z.string() }), partner: z.string(),
    customer: z.string().nullable().describe('The customer organisation: shown to a partner only once approved'), tier: z.string().nullable(),
  })),
})
export const ZIcsPlanResponse = z.object({
  calendar: z.object({ id: z.string(), name: z.string() }),
  mode: z.enum(['merge', 'replace']),
  years: z.object({ fromYear: z.number().int(), toYear: z.number().int() }),
  add: z.array(z.object({ date: z.iso.date(), name: z.string() })),
  rename: z.array(z.object({ id: z.string(), date: z.iso.date(), from: z.string(), to: z.string() })),
  remove: z.array(z.object({ id: z.string(), date: z.iso.date(), name: z.string() })),
  unchanged: z.number().int(),
  skipped: z.array(z.object({ summary: z.string(), reason: z.string() })),
  digest: z.string().describe('Send it back with the import: the import is refused (409) if the changes are no longer these'),
})

const ADMIN = 'Administration'
const adminErrors = [401, 403, 404]

export const administrationOperations: Operation[] = [
  // Customer administration (License and Case Administrators)
  { id: 'getOrganisation', method: 'GET', path: '/api/v1/organisation', tag: 'Organisation', summary: 'The Support IDs the caller administers: tier, region, maintenance dates, role holders (a Case Administrator does not see other Case Administrators), pending invitations, partners', success: 200, errors: [401, 404] },
  { id: 'inviteCaseAdmin', method: 'POST', path: '/api/v1/organisation/invitations', tag: 'Organisation', summary: 'Invite a person of the organisation by e-mail to be Case Administrator of one Support ID (License Administrators)', body: ZInviteCaseAdminInput, success: 201, errors: [400, 401, 403, 404, 409, 415, 422] },
  { id: 'revokeInvitation', method: 'DELETE', path: '/api/v1/organisation/invitations/{invitationId}', tag: 'Organisation', summary: 'Withdraw a pending invitation (License Administrators)', success: 204, errors: [401, 403, 404, 409] },
  { id: 'removeCaseAdmin', method: 'DELETE', path: '/api/v1/organisation/support-ids/{code}/case-admins/{userId}', tag: 'Organisation', summary: 'Remove a Case Administrator from a Support ID; applies on their next request (License Administrators)', success: 204, errors: [401, 403, 404] },
  { id: 'acceptInvitation', method: 'POST', path: '/api/v1/invitations/accept', tag: 'Organisation', summary: 'Accept a Case Administrator invitation ({ token } from the link) as the invited, signed-in person', body: ZAcceptInvitationInput, success: 200, errors: [400, 401, 403, 404, 409, 415, 422] },
  // Partner delegation
  { id: 'listPartnerGrants', method: 'GET', path: '/api/v1/partner-grants', tag: 'Partners', summary: 'Partner access requests: a partner its own; a customer administrator those on its Support IDs', response: ZPartnerGrantsResponse, success: 200, errors: [401, 404] },
  { id: 'requestPartnerAccess', method: 'POST', path: '/api/v1/partner-grants', tag: 'Partners', summary: 'A partner asks for access to a Support ID by its code; pending until a License or Case Administrator decides', body: ZRequestPartnerAccessInput, response: ZPartnerGrantResponse, success: 201, errors: [400, 401, 403, 404, 409, 415] },
  { id: 'approvePartnerGrant', method: 'POST', path: '/api/v1/partner-grants/{grantId}/approve', tag: 'Partners', summary: 'Approve a pending request (License or Case Administrators of the Support ID); the partner is told by e-mail', response: ZPartnerGrantResponse, success: 200, errors: [401, 403, 404, 409] },
  { id: 'declinePartnerGrant', method: 'POST', path: '/api/v1/partner-grants/{grantId}/decline', tag: 'Partners', summary: 'Decline a pending request', response: ZPartnerGrantResponse, success: 200, errors: [401, 403, 404, 409] },
  { id: 'revokePartnerGrant', method: 'POST', path: '/api/v1/partner-grants/{grantId}/revoke', tag: 'Partners', summary: 'Revoke approved access: refused from the partner\'s very next request', response: ZPartnerGrantResponse, success: 200, errors: [401, 403, 404, 409] },
  // Vendor administration (Administrators; other vendor staff 403, customers and partners 404)
  { id: 'listProducts', method: 'GET', path: '/api/v1/admin/products', tag: ADMIN, summary: 'Products and versions with lifecycle phase and usage', success: 200, errors: adminErrors },
  { id: 'createProduct', method: 'POST', path: '/api/v1/admin/products', tag: ADMIN, summary: 'Add a product', body: ZProductInput, success: 201, errors: [400, ...adminErrors, 409, 415] },
  { id: 'renameProduct', method: 'PATCH', path: '/api/v1/admin/products/{productId}', tag: ADMIN, summary: 'Rename a product', body: ZProductInput, success: 200, errors: [400, ...adminErrors, 409, 415] },
  { id: 'deleteProduct', method: 'DELETE', path: '/api/v1/admin/products/{productId}', tag: ADMIN, summary: 'Delete a product nothing uses (409 otherwise)', success: 204, errors: [...adminErrors, 409] },
  { id: 'addProductVersion', method: 'POST', path: '/api/v1/admin/products/{productId}/versions', tag: ADMIN, summary: 'Add a version with its lifecycle phase', body: ZCreateVersionInput, success: 201, errors: [400, ...adminErrors, 409, 415] },
  { id: 'updateProductVersion', method: 'PATCH', path: '/api/v1/admin/versions/{versionId}', tag: ADMIN, summary: 'Rename a version, change its lifecycle phase or release date', body: ZUpdateVersionInput, success: 200, errors: [400, ...adminErrors, 409, 415] },
  { id: 'deleteProductVersion', method: 'DELETE', path: '/api/v1/admin/versions/{versionId}', tag: ADMIN, summary: 'Delete a version no case is about (409 otherwise: mark it discontinued)', success: 204, errors: [...adminErrors, 409] },
  { id: 'listRegions', method: 'GET', path: '/api/v1/admin/regions', tag: ADMIN, summary: 'Regions with languages, default zone, holiday calendar and phone lines', success: 200, errors: adminErrors },
  { id: 'updateRegion', method: 'PATCH', path: '/api/v1/admin/regions/{code}', tag: ADMIN, summary: 'Change a region\'s name, languages, default IANA zone or holiday calendar', body: ZUpdateRegionInput, success: 200, errors: [400, ...adminErrors, 415, 422] },
  { id: 'addPhoneLine', method: 'POST', path: '/api/v1/admin/regions/{code}/phone-lines', tag: ADMIN, summary: 'Add a regional phone line', body: ZPhoneLineInput, success: 201, errors: [400, ...adminErrors, 415] },
  { id: 'updatePhoneLine', method: 'PATCH', path: '/api/v1/admin/phone-lines/{phoneLineId}', tag: ADMIN, summary: 'Change a phone line', body: ZPhoneLineInput, success: 200, errors: [400, ...adminErrors, 415] },
  { id: 'deletePhoneLine', method: 'DELETE', path: '/api/v1/admin/phone-lines/{phoneLineId}', tag: ADMIN, summary: 'Delete a phone line', success: 204, errors: adminErrors },
  { id: 'listHolidayCalendars', method: 'GET', path: '/api/v1/admin/calendars', tag: ADMIN, summary: 'Holiday calendars with their regions, Support IDs and years', success: 200, errors: adminErrors },
  { id: 'createHolidayCalendar', method: 'POST', path: '/api/v1/admin/calendars', tag: ADMIN, summary: 'Add a holiday calendar', body: ZCalendarInput, success: 201, errors: [400, ...adminErrors, 409, 415] },
  { id: 'getHolidayCalendar', method: 'GET', path: '/api/v1/admin/calendars/{calendarId}', tag: ADMIN, summary: 'One calendar with its holidays', success: 200, errors: adminErrors },
  { id: 'renameHolidayCalendar', method: 'PATCH', path: '/api/v1/admin/calendars/{calendarId}', tag: ADMIN, summary: 'Rename a calendar', body: ZCalendarInput, success: 200, errors: [400, ...adminErrors, 409, 415] },
  { id: 'deleteHolidayCalendar', method: 'DELETE', path: '/api/v1/admin/calendars/{calendarId}', tag: ADMIN, summary: 'Delete a calendar no region or Support ID uses', success: 204, errors: [...adminErrors, 409] },
  { id: 'addHoliday', method: 'POST', path: '/api/v1/admin/calendars/{calendarId}/holidays', tag: ADMIN, summary: 'Add a holiday (applies to targets computed from now on: decision 0004)', body: ZHolidayInput, success: 201, errors: [400, ...adminErrors, 409, 415] },
  { id: 'updateHoliday', method: 'PATCH', path: '/api/v1/admin/holidays/{holidayId}', tag: ADMIN, summary: 'Move or rename a holiday', body: ZUpdateHolidayInput, success: 200, errors: [400, ...adminErrors, 409, 415] },
  { id: 'deleteHoliday', method: 'DELETE', path: '/api/v1/admin/holidays/{holidayId}', tag: ADMIN, summary: 'Delete a holiday', success: 204, errors: adminErrors },
  { id: 'previewHolidayImport', method: 'POST', path: '/api/v1/admin/calendars/{calendarId}/import/preview', tag: ADMIN, summary: 'What importing an iCalendar (.ics) text would change: all-day events become holidays; nothing is written', body: ZIcsImportInput, response: ZIcsPlanResponse, success: 200, errors: [400, ...adminErrors, 413, 415, 422] },
  { id: 'importHolidays', method: 'POST', path: '/api/v1/admin/calendars/{calendarId}/import', tag: ADMIN, summary: 'Apply a previewed import ({ …, digest }); 409 if the calendar or the file changed since the preview', body: ZIcsApplyInput, success: 200, errors: [400, ...adminErrors, 409, 413, 415, 422] },
]
