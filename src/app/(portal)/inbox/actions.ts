'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult } from '@/server/api/action'
import { retryOutboxMessage } from '@/server/notifications/list-inbox'

export async function retryMessageAction(messageId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await retryOutboxMessage({ actor, messageId: String(messageId), now: new Date() })
      revalidatePath('/inbox')
      return null
    },
    { ids: [messageId] },
  )
}
