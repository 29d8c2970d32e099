'use client'

import { useId } from 'react'
import { Button, Field, inputClass } from '@/components/ui'
import { ActionForm, useActionForm, type FormAction } from '@/components/ui/action-form'
import { FormMessage } from '@/components/ui/action-form'
import { EngineerSelect } from '@/components/engineer/engineer-select'

type Engineer = { name: string; email: string }

/** A manager's steps on an escalation (acknowledge, assign an engineer, note, resolve): on the escalation queue and on the case page. */
export function EscalationControls({
  escalationId,
  caseNumber,
  status,
  engineers,
  assignedEmail,
  action,
}: {
  escalationId: string
  caseNumber: number
  status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'
  engineers: Engineer[]
  assignedEmail: string | null
  /** escalationAction of src/app/(portal)/escalations/actions.ts, passed by the page (Server Actions are serialisable props). */
  action: FormAction<{ step: string }>
}) {
  // One binding per form: each keeps its own text and shows its own outcome.
  const ack = useActionForm(action)
  const assign = useActionForm(action, { resetOnSuccess: false })
  const note = useActionForm(action)
  const resolve = useActionForm(action)
  const pending = ack.pending || assign.pending || note.pending || resolve.pending
  const id = useId()
  if (status === 'RESOLVED') return null
  const hidden = (
    <>
      <input type="hidden" name="escalationId" value={escalationId} />
      <input type="hidden" name="caseNumber" value={caseNumber} />
    </>
  )
  const done = (d: { step: string }) =>
    ({ acknowledge: 'Escalation acknowledged.', assign: 'Engineer assigned.', note: 'Note added.', resolve: 'Escalation resolved.' })[d.step] ?? 'Saved.'
  return (
    <div className="space-y-4">
      {status === 'OPEN' && (
        <ActionForm form={ack} className="space-y-2">
          {hidden}
          <input type="hidden" name="step" value="acknowledge" />
          <Button type="submit" disabled={pending}>
            Acknowledge
          </Button>
        </ActionForm>
      )}
      {/* Outside the form: it goes once the escalation is acknowledged, its outcome stays. */}
      <FormMessage form={ack} success={done} />
      <div className="grid gap-4 md:grid-cols-3">
        <ActionForm form={assign} className="space-y-2">
          {hidden}
          <input type="hidden" name="step" value="assign" />
          <Field label="Engineer for this escalation" htmlFor={`${id}-engineer`} error={assign.fields.engineer}>
            <EngineerSelect id={`${id}-engineer`} engineers={engineers} defaultValue={assignedEmail} />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            Assign engineer
          </Button>
          <FormMessage form={assign} success={done} />
        </ActionForm>
        <ActionForm form={note} className="space-y-2">
          {hidden}
          <input type="hidden" name="step" value="note" />
          <Field label="Manager note" htmlFor={`${id}-note`} error={note.fields.note} hint="Internal: vendor staff only.">
            <textarea id={`${id}-note`} name="note" rows={2} required className={inputClass} />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            Add note
          </Button>
          <FormMessage form={note} success={done} />
        </ActionForm>
        <ActionForm form={resolve} className="space-y-2">
          {hidden}
          <input type="hidden" name="step" value="resolve" />
          <Field label="Resolution of the escalation" htmlFor={`${id}-resolution`} error={resolve.fields.resolution}>
            <textarea id={`${id}-resolution`} name="resolution" rows={2} required minLength={5} className={inputClass} />
          </Field>
          <Button type="submit" disabled={pending}>
            Resolve escalation
          </Button>
          <FormMessage form={resolve} success={done} />
        </ActionForm>
      </div>
    </div>
  )
}
