'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult } from '@/server/api/action'
import { createApiToken, revokeApiToken } from '@/server/tokens/api-tokens'
import { updateNotificationSettings } from '@/server/notifications/settings'

export async function createApiTokenAction(_prev: unknown, form: FormData): Promise<ActionResult<{ secret: string }>> {
  return runAction(
    async (actor) => {
      const token = await createApiToken({ actor, input: { name: form.get('name'), expiresInDays: form.get('expiresInDays') ?? undefined }, now: new Date() })
      revalidatePath('/profile')
      return { secret: token.secret }
    },
    { form },
  )
}

export async function revokeApiTokenAction(tokenId: string): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await revokeApiToken({ actor, tokenId: String(tokenId), now: new Date() })
      revalidatePath('/profile')
      return null
    },
    { ids: [tokenId] },
  )
}

export async function saveNotificationSettingsAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await updateNotificationSettings({
        actor,
        input: { mail: form.getAll('mail').map(String), othersCases: form.get('othersCases') === 'on' },
        now: new Date(),
      })
      revalidatePath('/profile')
      return null
    },
    { form },
  )
}
