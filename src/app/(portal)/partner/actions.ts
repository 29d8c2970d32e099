'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult } from '@/server/api/action'
import { requestPartnerAccess } from '@/server/partners/request-access'

export async function requestAccessAction(_prev: unknown, form: FormData): Promise<ActionResult<{ supportIdCode: string }>> {
  return runAction(
    async (actor) => {
      const grant = await requestPartnerAccess({
        actor,
        input: { supportIdCode: form.get('supportIdCode') ?? '', note: form.get('note') ?? undefined },
        now: new Date(),
      })
      revalidatePath('/partner')
      return { supportIdCode: grant.supportIdCode }
    },
    { form },
  )
}
