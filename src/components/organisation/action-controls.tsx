'use client'

import { useState, useTransition, type FormEvent, type ReactNode } from 'react'
import { Alert, Button } from '@/components/ui'
import type { ActionResult } from '@/server/api/action'

type FormAction<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>

/**
 * A form bound to a Server Action: the server's message and per-field errors; what was typed stays
 * after a refusal, and the form is cleared after success (unless `resetOnSuccess: false`, for
 * forms that edit a saved value). Use as `<form onSubmit={f.onSubmit}>`.
 */
export function useActionForm<T>(action: FormAction<T>, options: { resetOnSuccess?: boolean; onSuccess?: (data: T) => void } = {}) {
  const [state, setState] = useState<ActionResult<T> | null>(null)
  const [pending, start] = useTransition()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    start(async () => {
      const result = await action(null, data)
      setState(result)
      if (result.ok) {
        if (options.resetOnSuccess !== false) form.reset()
        options.onSuccess?.(result.data)
      }
    })
  }
  const error = state && !state.ok ? state.error : null
  return { state, onSubmit, pending, error, fields: error?.fields ?? {}, data: state?.ok ? state.data : undefined }
}

/**
 * A button that runs one Server Action (approve, revoke, delete…), asks first when `confirm` is
 * given, shows "working" while it runs and the server's refusal next to it.
 */
export function ActionButton({
  run,
  children,
  pendingLabel,
  confirm,
  variant = 'secondary',
  label,
  className,
}: {
  run: () => Promise<ActionResult<unknown>>
  children: ReactNode
  pendingLabel?: string
  confirm?: string
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost'
  label?: string
  className?: string
}) {
  const [pending, start] = useTransition()
  const [error, setError] = useState<string | null>(null)
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        variant={variant}
        className={className ?? 'px-2.5 py-1.5 text-xs'}
        aria-label={label}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return
          setError(null)
          start(async () => {
            const result = await run()
            if (!result.ok) setError(result.error.message)
          })
        }}
      >
        {pending ? (pendingLabel ?? 'Working…') : children}
      </Button>
      {error && (
        <span role="alert" className="max-w-xs text-xs font-medium text-red-700">
          {error}
        </span>
      )}
    </span>
  )
}

/** The outcome of a form: the server's refusal (red) or a success message (green). */
export function FormOutcome({ error, success }: { error?: { message: string } | null; success?: ReactNode }) {
  if (error) return <Alert>{error.message}</Alert>
  if (success) return <Alert tone="green">{success}</Alert>
  return null
}
