'use client'

import { useId, useState } from 'react'
import { Button, Field, inputClass } from '@/components/ui'
import { ActionForm, FormMessage, useActionForm } from '@/components/ui/action-form'
import { replyAction, requestInformationAction } from '../actions'
import { Hidden } from './hidden-case-fields'

export function ReplyForm({ caseNumber, version }: { caseNumber: number; version: number }) {
  const form = useActionForm(replyAction)
  const { pending } = form
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public')
  const id = useId()
  return (
    <ActionForm form={form} className="space-y-3">
      <Hidden caseNumber={caseNumber} version={version} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Visibility</legend>
        <div className="mt-1.5 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" value="public" checked={visibility === 'public'} onChange={() => setVisibility('public')} />
            Public reply (the customer sees it)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" value="internal" checked={visibility === 'internal'} onChange={() => setVisibility('internal')} />
            Internal note (vendor staff only)
          </label>
        </div>
      </fieldset>
      <Field label={visibility === 'public' ? 'Reply' : 'Internal note'} htmlFor={`${id}-body`} error={form.fields.body}>
        <textarea id={`${id}-body`} name="body" rows={4} required maxLength={20_000} className={inputClass} />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending} variant={visibility === 'public' ? 'primary' : 'secondary'}>
          {pending ? 'Posting…' : visibility === 'public' ? 'Post reply' : 'Add internal note'}
        </Button>
      </div>
      <FormMessage
        form={form}
        success={(d) =>
          d.public
            ? d.firstResponse
              ? `Reply posted. First response recorded: target ${d.firstResponse === 'met' ? 'met' : d.firstResponse === 'breached' ? 'breached' : d.firstResponse}.`
              : 'Reply posted.'
            : 'Internal note added.'
        }
      />
    </ActionForm>
  )
}

export function RequestInformationForm({ caseNumber, version }: { caseNumber: number; version: number }) {
  const form = useActionForm(requestInformationAction)
  const { pending } = form
  const id = useId()
  return (
    <ActionForm form={form} className="space-y-3">
      <Hidden caseNumber={caseNumber} version={version} />
      <Field
        label="What you need from the customer"
        htmlFor={`${id}-body`}
        error={form.fields.body}
        hint="Sent as a public reply; the case waits on the customer until they reply or upload."
      >
        <textarea
          id={`${id}-body`}
          name="body"
          rows={3}
          required
          minLength={5}
          className={inputClass}
          defaultValue="Please upload the logs exported with the log collection wizard (last 7 days) so we can analyse them."
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Requesting…' : 'Request information'}
      </Button>
      <FormMessage form={form} success={() => 'Information requested: the case now waits on the customer.'} />
    </ActionForm>
  )
}
