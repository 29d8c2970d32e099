import { cloneElement, isValidElement, type ComponentProps, type ReactNode } from 'react'
import { cx } from './cx'

export const inputClass =
  'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 aria-[invalid=true]:ring-red-500'

type ControlProps = { 'aria-invalid'?: boolean | 'true' | 'false'; 'aria-describedby'?: string }

/**
 * A labelled form control. Its error (and otherwise its hint) is tied to the control with
 * aria-describedby, and the control is marked aria-invalid while it has an error (decision 0010).
 */
export function Field({ label, htmlFor, hint, error, children }: { label: string; htmlFor: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  const describedBy = error ? `${htmlFor}-error` : hint ? `${htmlFor}-hint` : undefined
  const control = isValidElement<ControlProps>(children)
    ? cloneElement(children, {
        'aria-invalid': error ? true : children.props['aria-invalid'],
        'aria-describedby': [children.props['aria-describedby'], describedBy].filter(Boolean).join(' ') || undefined,
      })
    : children
  return (
    <div>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1.5">{control}</div>
      {hint && !error && (
        <p id={`${htmlFor}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${htmlFor}-error`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

/** A select styled like every other control (put it inside a <Field> for its label and error). */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cx(inputClass, className)} {...props} />
}
