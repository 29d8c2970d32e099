'use client'

// The one way a form is bound to its Server Action (decision 0010). React 19 resets a <form
// action={fn}> after every submission, refusals included: uncontrolled fields lose what was typed
// and controlled ones (a select, radios) show their first default while the component's state, and
// so the hint and preview, still say the user's choice; the next submission then sends what the
// screen no longer shows. Here the form is submitted by hand instead: nothing is reset by a
// refusal, and after success the form is remounted (never form.reset(), which would desynchronise
// controlled fields the same way), so what is shown is always what will be sent.

import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState, useTransition, type ComponentProps, type FormEvent, type ReactNode } from 'react'
import { FormOutcome } from './action-button'
import type { ActionError, ActionResult, FieldErrors } from '@/server/api/action'

export type FormAction<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>

export type ActionFormState<T> = {
  state: ActionResult<T> | null
  pending: boolean
  error: ActionError | null
  /** Field errors keyed by the field's `name` (pass them to <Field error>). */
  fields: FieldErrors
  data: T | undefined
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  /** Changes after each success the form should be cleared for: the key of the <form>. */
  generation: number
}

/**
 * Binds a form to a Server Action `(prev, formData) => ActionResult`. After a refusal every field
 * keeps what the user left in it, focus moves to the first invalid field, and a refusal because
 * someone else changed the record refreshes the page's data (hidden versions included) while the
 * typed text stays. After success the form is cleared, unless `resetOnSuccess: false` (forms that
 * edit a saved value). Render it with <ActionForm form={f}>.
 */
export function useActionForm<T>(action: FormAction<T>, options: { resetOnSuccess?: boolean; onSuccess?: (data: T) => void } = {}): ActionFormState<T> {
  const [state, setState] = useState<ActionResult<T> | null>(null)
  const [generation, setGeneration] = useState(0)
  const [pending, start] = useTransition()
  const formRef = useRef<HTMLFormElement>(null)
  const router = useRouter()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    formRef.current = event.currentTarget
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null)
    start(async () => {
      const result = await action(null, data)
      setState(result)
      if (result.ok) {
        if (options.resetOnSuccess !== false) setGeneration((g) => g + 1)
        options.onSuccess?.(result.data)
      } else if (result.error.code === 'CONFLICT') {
        router.refresh()
      }
    })
  }

  // After a refusal, take the user to the first field it names (in the order of the form).
  useEffect(() => {
    if (!state || state.ok || !state.error.fields) return
    const invalid = Array.from(formRef.current?.elements ?? []).find((el) => el.getAttribute('aria-invalid') === 'true')
    if (invalid instanceof HTMLElement) invalid.focus()
  }, [state])

  const refused = state && !state.ok ? state.error : null
  // The refresh above has already brought the other change in; nothing typed was lost.
  const error =
    refused?.code === 'CONFLICT' ? { ...refused, message: `${refused.message} The page now shows the latest version; what you entered is kept.` } : refused
  return { state, pending, error, fields: error?.fields ?? {}, data: state?.ok ? state.data : undefined, onSubmit, generation }
}

/**
 * The <form> of a useActionForm binding. `method="post"`: sent before the page's script runs, the
 * browser submits it itself, and a GET would put every field (a password, a token name) into the
 * address, the history and access logs; a POST reloads the page instead.
 */
export function ActionForm<T>({ form, ...props }: Omit<ComponentProps<'form'>, 'action' | 'method' | 'onSubmit' | 'ref'> & { form: ActionFormState<T> }) {
  return <form key={form.generation} method="post" onSubmit={form.onSubmit} {...props} />
}

/** A useActionForm binding's outcome: its refusal, or `success(data)` (green) when the form has a success line. */
export function FormMessage<T>({ form, success }: { form: ActionFormState<T>; success?: (data: T) => ReactNode }) {
  return <FormOutcome error={form.error} success={form.state?.ok && success ? success(form.state.data) : undefined} />
}
