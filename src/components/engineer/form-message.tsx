import type { ReactNode } from 'react'
import { Alert } from '@/components/ui'
import type { ActionFormState } from '@/components/ui/action-form'

/** A vendor form's outcome: the refusal, or the success line when the form has one. */
export function FormMessage<T>({ form, success }: { form: ActionFormState<T>; success?: (data: T) => ReactNode }) {
  if (form.error) return <Alert>{form.error.message}</Alert>
  return form.state?.ok && success ? <Alert tone="green">{success(form.state.data)}</Alert> : null
}
