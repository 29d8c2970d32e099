import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'

export function Card({ className, ...props }: ComponentProps<'section'>) {
  return <section className={cx('rounded-lg bg-white shadow-sm ring-1 ring-slate-200', className)} {...props} />
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex gap-2">{actions}</div>}
    </div>
  )
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="text-base font-medium text-slate-900">{title}</p>
      {children && <div className="mx-auto mt-2 max-w-md text-sm text-slate-600">{children}</div>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  )
}

/**
 * A section's heading: `title` heads a card or a page section, `label` a small panel (the case page's
 * side column, a form beside the timeline).
 */
export function SectionTitle({
  as: Tag = 'h2',
  variant = 'title',
  className,
  ...props
}: ComponentProps<'h2'> & { as?: 'h2' | 'h3'; variant?: 'title' | 'label' }) {
  return (
    <Tag
      className={cx(variant === 'title' ? 'text-base font-semibold text-slate-900' : 'text-sm font-semibold uppercase tracking-wide text-slate-500', className)}
      {...props}
    />
  )
}
