'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult } from '@/server/api/action'
import { createApiToken, revokeApiToken } from '@/server/tokens/api-tokens'

export async function createApiTokenAction(_prev: unknown, form: FormData): Promise<ActionResult<{ secret: string }>> {
  return runAction(async (actor) => {
    const token = await createApiToken({ actor, input: { name: form.get('name') }, now: new Date() })
    revalidatePath('/profile')
    return { secret: token.secret }
  }, { form })
}

export async function revokeApiTokenAction(tokenId: string): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    await revokeApiToken({ actor, tokenId: String(tokenId), now: new Date() })
    revalidatePath('/profile')
    return null
  }, { ids: [tokenId] })
}
