'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult, type FormFields } from '@/server/api/action'
import { addTechnicalContact } from '@/server/cases/technical-contact'

// The case page's names for the schema's fields, as on the new-case form (decision 0010).
const CONTACT_FIELDS: FormFields = {
  name: { name: 'technicalContactName', label: 'Technical contact name' },
  phone: { name: 'technicalContactPhone', label: 'Technical contact phone' },
}

export async function addTechnicalContactAction(number: number, _prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      await addTechnicalContact({
        actor,
        number,
        input: { name: form.get('technicalContactName'), phone: form.get('technicalContactPhone'), version: form.get('version') ?? undefined },
        now: new Date(),
      })
      revalidatePath(`/cases/${number}`)
      return null
    },
    { form, numbers: [number], fields: CONTACT_FIELDS },
  )
}
