'use client'

import { Alert, Button, Field, inputClass } from '@/components/ui'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { addTechnicalContactAction } from '../technical-contact-actions'

/** Severity 1 on Production / Premier: the customer names the person reachable around the clock (decision 0016). */
export function TechnicalContactForm({
  number,
  version,
  current,
}: {
  number: number
  version: number
  current: { name: string; phone: string | null } | null
}) {
  const f = useActionForm(addTechnicalContactAction.bind(null, number))
  return (
    <ActionForm form={f} className="space-y-3" aria-labelledby="contact-heading">
      <h2 id="contact-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        {current ? 'Change the technical contact' : 'Add a technical contact'}
      </h2>
      <p className="text-xs text-slate-600">The person our engineers can reach around the clock while this Severity 1 case is worked.</p>
      {f.error && <Alert>{f.error.message}</Alert>}
      {f.state?.ok && <Alert tone="green">Technical contact saved: the case is now worked around the clock after its first response.</Alert>}
      <input type="hidden" name="version" value={version} />
      <Field label="Technical contact name" htmlFor="later-contact-name" error={f.fields.technicalContactName}>
        <input
          id="later-contact-name"
          name="technicalContactName"
          autoComplete="name"
          required
          minLength={2}
          maxLength={120}
          defaultValue={current?.name ?? ''}
          className={inputClass}
        />
      </Field>
      <Field label="Technical contact phone" htmlFor="later-contact-phone" error={f.fields.technicalContactPhone}>
        <input
          id="later-contact-phone"
          name="technicalContactPhone"
          type="tel"
          autoComplete="tel"
          required
          placeholder="+1 312 555 0188"
          defaultValue={current?.phone ?? ''}
          className={inputClass}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {f.pending ? 'Saving…' : current ? 'Change contact' : 'Add contact'}
      </Button>
    </ActionForm>
  )
}
