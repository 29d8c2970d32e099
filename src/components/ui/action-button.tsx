'use client'

import { useState, useTransition, type ReactNode } from 'react'
import { Alert, Button } from '@/components/ui'
import type { ActionResult } from '@/server/api/action'

/**
 * Runs a one-click Server Action (no form): `pending` while it runs, the server's refusal in `error`,
 * `onSuccess` with its data. The one way a button calls an action; forms use useActionForm.
 */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) {
  const [pending, start] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const run = (...args: A) =>
    start(async () => {
      const result = await action(...args)
      if (!result.ok) return setError(result.error.message)
      setError(null)
      onSuccess?.(result.data)
    })
  return { run, pending, error }
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
  const { run: runAction, pending, error } = useAction(run)
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
          runAction()
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
