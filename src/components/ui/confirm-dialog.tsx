'use client'

// A submit button that asks first, in a modal <dialog> (focus moves into it and is held there,
// Escape cancels, focus returns to the button): for steps that are hard to undo (closing a case,
// taking a case from a colleague). Put it inside an <ActionForm>: "Confirm" is the form's submit
// button, so the form is sent exactly as it would be without the question; "Cancel" sends nothing.
// The form's own checks (required fields) run before the question is asked.

import { useId, useRef, type ReactNode } from 'react'
import { Button } from './index'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

export function ConfirmSubmit({
  label,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  variant = 'primary',
  confirmVariant,
  disabled,
  className,
  name,
  value,
  ariaLabel,
}: {
  /** The button that opens the question. */
  label: ReactNode
  /** The question, e.g. "Close case #100155?" */
  title: string
  /** What happens if confirmed. */
  children?: ReactNode
  confirmLabel: string
  cancelLabel?: string
  variant?: Variant
  confirmVariant?: Variant
  disabled?: boolean
  className?: string
  /** Sent with the form by the confirm button (a submitter's name and value). */
  name?: string
  value?: string
  /** The opening button's accessible name, when its visible label is short ("Take"). */
  ariaLabel?: string
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const id = useId()
  const ask = () => {
    const form = opener.current?.form
    if (form && !form.reportValidity()) return
    dialog.current?.showModal()
  }
  return (
    <>
      <Button
        ref={opener}
        type="button"
        variant={variant}
        disabled={disabled}
        className={className}
        onClick={ask}
        aria-haspopup="dialog"
        aria-label={ariaLabel}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={children ? `${id}-body` : undefined}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-white p-6 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/50"
      >
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        {children && (
          <div id={`${id}-body`} className="mt-2 text-sm text-slate-700">
            {children}
          </div>
        )}
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          {/* Cancel first in the focus order, so the dialog opens with focus on the safe choice. */}
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </Button>
          <Button type="submit" variant={confirmVariant ?? variant} name={name} value={value} onClick={() => dialog.current?.close()}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  )
}
