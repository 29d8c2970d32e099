'use client'

import { useId } from 'react'
import { Button, Field } from '@/components/ui'
import { ActionForm, FormMessage, useActionForm } from '@/components/ui/action-form'
import { ConfirmSubmit } from '@/components/ui/confirm-dialog'
import { assignCaseAction } from '../actions'
import { Hidden } from './hidden-case-fields'
import { EngineerSelect } from '@/components/engineer/engineer-select'

type Engineer = { name: string; email: string }

export function AssignForm({
  caseNumber,
  version,
  engineers,
  assigneeEmail,
  assigneeName,
  canTake,
  canAssign,
}: {
  caseNumber: number
  version: number
  engineers: Engineer[]
  assigneeEmail: string | null
  /** Someone else's name when the case is assigned to them: taking it then asks first. */
  assigneeName?: string | null
  canTake: boolean
  canAssign: boolean
}) {
  const take = useActionForm(assignCaseAction)
  const assign = useActionForm(assignCaseAction, { resetOnSuccess: false })
  const { pending: taking } = take
  const { pending: assigning } = assign
  const id = useId()
  return (
    <div className="space-y-3">
      {canTake && (
        <ActionForm form={take}>
          <Hidden caseNumber={caseNumber} version={version} />
          {assigneeName ? (
            <ConfirmSubmit
              label={taking ? 'Taking…' : 'Take this case'}
              disabled={taking}
              title={`Take case #${caseNumber} from ${assigneeName}?`}
              confirmLabel="Yes, take it"
            >
              The case is assigned to {assigneeName}. Taking it assigns it to you instead; {assigneeName} is no longer its engineer.
            </ConfirmSubmit>
          ) : (
            <Button type="submit" disabled={taking}>
              {taking ? 'Taking…' : 'Take this case'}
            </Button>
          )}
        </ActionForm>
      )}
      <FormMessage form={take} success={(d) => `Assigned to ${d.assignee}.`} />
      {canAssign && (
        <ActionForm form={assign} className="flex flex-wrap items-end gap-2">
          <Hidden caseNumber={caseNumber} version={version} />
          <div className="min-w-48 flex-1">
            <Field label="Assign to" htmlFor={`${id}-engineer`} error={assign.fields.engineer}>
              <EngineerSelect id={`${id}-engineer`} engineers={engineers} defaultValue={assigneeEmail} />
            </Field>
          </div>
          <Button type="submit" variant="secondary" disabled={assigning}>
            {assigning ? 'Assigning…' : 'Assign'}
          </Button>
        </ActionForm>
      )}
      <FormMessage form={assign} success={(d) => `Assigned to ${d.assignee}.`} />
    </div>
  )
}
