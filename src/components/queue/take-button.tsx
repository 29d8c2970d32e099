'use client'

import { Button } from '@/components/ui'
import { ActionForm, useActionForm, type FormAction } from '@/components/ui/action-form'
import { ConfirmSubmit } from '@/components/ui/confirm-dialog'

/** What Take calls: assignCaseAction of the case page's actions, passed down by the queue page. */
export type TakeAction = FormAction<{ assignee: string }>

/** "Take" in a queue row: assigns the case to the signed-in engineer; asks first when it is someone else's. */
export function TakeButton({ caseNumber, assignee, action }: { caseNumber: number; assignee?: string | null; action: TakeAction }) {
  const form = useActionForm(action)
  const { state, pending } = form
  return (
    <ActionForm form={form} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="caseNumber" value={caseNumber} />
      {assignee ? (
        <ConfirmSubmit
          label={pending ? 'Taking…' : 'Take'}
          variant="secondary"
          confirmVariant="primary"
          className="px-2.5 py-1 text-xs"
          disabled={pending}
          ariaLabel={`Take case #${caseNumber}`}
          title={`Take case #${caseNumber} from ${assignee}?`}
          confirmLabel="Yes, take it"
        >
          The case is assigned to {assignee}. Taking it assigns it to you instead.
        </ConfirmSubmit>
      ) : (
        <Button type="submit" variant="secondary" className="px-2.5 py-1 text-xs" disabled={pending} aria-label={`Take case #${caseNumber}`}>
          {pending ? 'Taking…' : 'Take'}
        </Button>
      )}
      {state && !state.ok && (
        <span role="alert" className="max-w-40 text-xs text-red-700">
          {state.error.message}
        </span>
      )}
    </ActionForm>
  )
}
