import 'server-only'
import { z } from 'zod'
import type { Operation } from '@/server/api/operation'
import { NOTIFICATION_KIND_NAMES, ZListNotificationsQuery, ZMarkNotificationsReadInput } from '@/lib/notifications/kinds'

// The in-app notification list (issue 11), spread into the operation list by src/server/api/operations.ts.

const ZNotification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KIND_NAMES as [string, ...string[]]),
  title: z.string(),
  body: z.string(),
  url: z.string().describe('A path inside the portal, e.g. /cases/100042'),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  read: z.boolean(),
})
export const ZNotificationsResponse = z.object({ notifications: z.array(ZNotification), unread: z.number().int(), nextCursor: z.string().nullable() })
export const ZMarkReadResponse = z.object({ marked: z.number().int(), unread: z.number().int() })

export const notificationOperations: Operation[] = [
  {
    id: 'listNotifications',
    method: 'GET',
    path: '/api/v1/notifications',
    tag: 'Account',
    summary: 'The caller’s in-app notifications, newest first (unread=true for unread only; keyset cursor), with the unread count',
    query: ZListNotificationsQuery,
    response: ZNotificationsResponse,
    success: 200,
    errors: [400, 401],
  },
  {
    id: 'markNotificationsRead',
    method: 'POST',
    path: '/api/v1/notifications/read',
    tag: 'Account',
    summary: 'Mark notifications read: { ids: [...] } (all must be the caller’s, else 404 and nothing changes) or { all: true }',
    body: ZMarkNotificationsReadInput,
    response: ZMarkReadResponse,
    success: 200,
    errors: [400, 401, 404, 415],
  },
]
