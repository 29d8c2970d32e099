'use client'

import { useId, useState } from 'react'
import { Alert, Button, Field, inputClass, Select } from '@/components/ui'
import { ActionForm, FormMessage, useActionForm } from '@/components/ui/action-form'
import { ConfirmSubmit } from '@/components/ui/confirm-dialog'
import { RESOLUTION_CODES } from '@/lib/engineer/schemas'
import { RESOLUTION_LABELS } from '@/lib/cases/labels'
import { closeResolvedCaseAction, resolveCaseAction } from '../actions'
import { Hidden } from './hidden-case-fields'

/**
 * Resolve (or close without consent). Stays mounted once the case is no longer open (`open` false),
 * so the engineer keeps the confirmation of what they just did after the page refreshes.
 */
export function ResolveForm({
  caseNumber,
  version,
  noResponseAllowed,
  open = true,
}: {
  caseNumber: number
  version: number
  noResponseAllowed: boolean
  open?: boolean
}) {
  const form = useActionForm(resolveCaseAction)
  const { pending } = form
  const [code, setCode] = useState<string>('SOLUTION_OR_WORKAROUND')
  const id = useId()
  if (!open) {
    if (!form.state?.ok) return null
    return (
      <div data-testid="resolve-confirmation">
        <Alert tone="green">{resolvedMessage(caseNumber, form.state.data.status)}</Alert>
      </div>
    )
  }
  return (
    <ActionForm form={form} className="space-y-3">
      <Hidden caseNumber={caseNumber} version={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Resolution" htmlFor={`${id}-code`} error={form.fields.code}>
          <Select id={`${id}-code`} name="code" value={code} onChange={(e) => setCode(e.target.value)}>
            {RESOLUTION_CODES.filter((c) => c !== 'NO_RESPONSE').map((c) => (
              <option key={c} value={c}>
                {RESOLUTION_LABELS[c]}
              </option>
            ))}
            <option value="NO_RESPONSE" disabled={!noResponseAllowed}>
              {RESOLUTION_LABELS.NO_RESPONSE}
              {noResponseAllowed ? '' : ' — needs 3 business days of attempts'}
            </option>
          </Select>
        </Field>
        {code === 'DUPLICATE' && (
          <Field label="Duplicate of case number" htmlFor={`${id}-dup`} error={form.fields.duplicateOf}>
            <input id={`${id}-dup`} name="duplicateOf" type="number" min={1} required className={inputClass} />
          </Field>
        )}
      </div>
      <Field label="Summary" htmlFor={`${id}-summary`} error={form.fields.summary} hint="What solved it, for the customer and for the next engineer.">
        <textarea id={`${id}-summary`} name="summary" rows={3} required minLength={5} className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending} variant={code === 'NO_RESPONSE' ? 'danger' : 'primary'}>
        {pending ? 'Saving…' : code === 'NO_RESPONSE' ? 'Close without consent' : 'Resolve case'}
      </Button>
      <FormMessage form={form} success={(d) => resolvedMessage(caseNumber, d.status)} />
    </ActionForm>
  )
}

function resolvedMessage(caseNumber: number, status: string) {
  return status === 'CLOSED'
    ? `Case #${caseNumber} closed without consent; the customer was told how to follow up.`
    : `Case #${caseNumber} resolved. The customer was told, with your summary.`
}

export function CloseWithoutConsentForm({ caseNumber, version, standing }: { caseNumber: number; version: number; standing: string }) {
  const form = useActionForm(resolveCaseAction)
  const { pending } = form
  const id = useId()
  return (
    <ActionForm form={form} className="space-y-3 rounded-md bg-red-50/50 p-4 ring-1 ring-red-200">
      <Hidden caseNumber={caseNumber} version={version} />
      <input type="hidden" name="code" value="NO_RESPONSE" />
      <p className="text-sm text-slate-700">
        Unanswered attempts on {standing}: the policy allows closing this case without the customer’s consent. They will be told they may open a new case
        referencing this one.
      </p>
      <Field label="Summary for the customer" htmlFor={`${id}-summary`} error={form.fields.summary}>
        <textarea
          id={`${id}-summary`}
          name="summary"
          rows={2}
          required
          minLength={5}
          className={inputClass}
          defaultValue="We could not reach you by phone or e-mail on three business days."
        />
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Closing…' : 'Close without consent'}
      </Button>
      <FormMessage form={form} />
    </ActionForm>
  )
}

export function CloseResolvedForm({ caseNumber, version }: { caseNumber: number; version: number }) {
  const form = useActionForm(closeResolvedCaseAction)
  const { pending } = form
  return (
    <ActionForm form={form} className="space-y-2">
      <Hidden caseNumber={caseNumber} version={version} />
      <ConfirmSubmit
        label={pending ? 'Closing…' : 'Close case'}
        variant="secondary"
        confirmVariant="primary"
        disabled={pending}
        title={`Close case #${caseNumber}?`}
        confirmLabel="Yes, close the case"
      >
        The resolution stands and the case is closed. The customer can no longer reopen it by replying; they would open a new case that references #{caseNumber}
        .
      </ConfirmSubmit>
      <FormMessage form={form} />
    </ActionForm>
  )
}
