// Every kind of notification the portal sends, with the words the profile page shows for it.
// Adding a kind: add it here, to the `Notification` union and `compose` in
// src/server/notifications/notify.ts, and give it a template in templates.ts (decision 0012).
import { z } from 'zod'
import { zText } from '@/lib/text'

export type NotificationSide = 'customer' | 'vendor' | 'other'

export const NOTIFICATION_KINDS = {
  // The customer side of a case: its opener and the Support ID's administrators.
  'case-opened': { side: 'customer', label: 'A case is opened (number, response target, phone lines)' },
  'engineer-reply': { side: 'customer', label: 'An engineer replies' },
  'information-requested': { side: 'customer', label: 'An engineer asks for information' },
  'contact-attempt': { side: 'customer', label: 'An engineer tried to contact you' },
  'severity-changed': { side: 'customer', label: 'The severity of a case changes' },
  'case-resolved': { side: 'customer', label: 'A case is resolved' },
  'closed-without-consent': { side: 'customer', label: 'A case is closed after three unanswered contact attempts' },
  'escalation-acknowledged': { side: 'customer', label: 'A manager takes up your request to talk to a manager' },
  'escalation-resolved': { side: 'customer', label: 'A manager resolves your request' },
  // Vendor staff.
  'case-assigned': { side: 'vendor', label: 'A case is assigned to you' },
  'customer-activity': { side: 'vendor', label: 'The customer replies or uploads a file on your case' },
  'case-reopened': { side: 'vendor', label: 'The customer reopens your resolved case by replying' },
  'escalation-opened': { side: 'vendor', label: 'A customer asks to talk to a manager (managers)' },
  'escalation-assigned': { side: 'vendor', label: 'An escalated case is assigned to you' },
  'breach-warning': { side: 'vendor', label: 'A response target is about to be breached' },
  // Delegation.
  'partner-request': { side: 'other', label: 'A support partner requests access to a Support ID' },
  'partner-decision': { side: 'other', label: 'A Support ID administrator decides on your partner access' },
} as const satisfies Record<string, { side: NotificationSide; label: string }>

export type NotificationKind = keyof typeof NOTIFICATION_KINDS
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[]
export const isNotificationKind = (k: string): k is NotificationKind => k in NOTIFICATION_KINDS

/** The profile form and PUT /api/v1/me/notification-settings. */
export const ZNotificationSettingsInput = z.strictObject({
  // The kinds wanted by mail; every other kind is in-app only.
  mail: z.array(z.enum(NOTIFICATION_KIND_NAMES as [NotificationKind, ...NotificationKind[]]), { error: 'mail: a list of notification kinds' }).max(50),
  othersCases: z.boolean({ error: 'othersCases: true or false' }),
})
export type TNotificationSettingsInput = z.infer<typeof ZNotificationSettingsInput>

export const ZMarkNotificationsReadInput = z
  .strictObject({
    ids: z
      .array(zText('ids').min(1).max(40), { error: 'ids: a list of notification ids' })
      .min(1, 'ids: name at least one notification')
      .max(200, 'ids: at most 200 at a time')
      .optional(),
    all: z.literal(true, { error: 'all: true (mark every notification read)' }).optional(),
  })
  .refine((v) => (v.ids ? 1 : 0) + (v.all ? 1 : 0) === 1, { error: 'Send either { "ids": [...] } or { "all": true }' })
export type TMarkNotificationsReadInput = z.infer<typeof ZMarkNotificationsReadInput>

export const ZListNotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false'], { error: 'unread: true or false' }).optional(),
  cursor: zText('cursor').max(40, 'cursor: use nextCursor from the previous page').optional(),
  limit: z.coerce
    .number({ error: 'limit: a number from 1 to 100' })
    .int('limit: a whole number')
    .min(1, 'limit: at least 1')
    .max(100, 'limit: at most 100')
    .optional(),
})
