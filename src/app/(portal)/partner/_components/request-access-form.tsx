'use client'

import { Button, Field, inputClass } from '@/components/ui'
import { requestAccessAction } from '@/app/(portal)/partner/actions'
import { FormOutcome } from '@/components/ui/action-button'
import { ActionForm, useActionForm } from '@/components/ui/action-form'

export function RequestAccessForm() {
  const f = useActionForm(requestAccessAction)
  return (
    <ActionForm form={f} className="mt-4 space-y-4" noValidate>
      <FormOutcome
        error={f.error && !f.fields.supportIdCode ? f.error : null}
        success={f.data && <>Request for {f.data.supportIdCode} sent. It is pending until an administrator of the Support ID decides.</>}
      />
      <Field label="Support ID code" htmlFor="supportIdCode" hint="e.g. AC-PROD-1002" error={f.fields.supportIdCode}>
        <input
          id="supportIdCode"
          name="supportIdCode"
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={Boolean(f.fields.supportIdCode)}
          className={`${inputClass} font-mono`}
        />
      </Field>
      <Field label="Note to the administrators (optional)" htmlFor="note" hint="Who you are and why you need access." error={f.fields.note}>
        <textarea id="note" name="note" rows={3} maxLength={500} className={inputClass} />
      </Field>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? 'Sending…' : 'Request access'}
      </Button>
    </ActionForm>
  )
}
