'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult } from '@/server/api/action'
import { markNotificationsRead } from '@/server/notifications/in-app'

export async function markNotificationReadAction(notificationId: string): Promise<ActionResult<{ unread: number }>> {
  return runAction(
    async (actor) => {
      const { unread } = await markNotificationsRead({ actor, input: { ids: [String(notificationId)] }, now: new Date() })
      revalidatePath('/notifications')
      return { unread }
    },
    { ids: [notificationId] },
  )
}

export async function markAllNotificationsReadAction(): Promise<ActionResult<{ unread: number }>> {
  return runAction(async (actor) => {
    const { unread } = await markNotificationsRead({ actor, input: { all: true }, now: new Date() })
    revalidatePath('/notifications')
    return { unread }
  })
}
