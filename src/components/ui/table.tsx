import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'

export type Column = ReactNode | { label: ReactNode; srOnly?: boolean; className?: string }

const VARIANTS = {
  // A table that is the card's content: a header band, roomy cells.
  panel: {
    table: 'min-w-full divide-y divide-slate-200 text-sm [&_td]:px-4 [&_td]:py-3 [&_tbody_th]:px-4 [&_tbody_th]:py-3',
    head: 'bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500',
    th: 'px-4 py-3',
  },
  // A grid of figures (the reports): the same band, tighter cells so that many columns fit.
  dense: {
    table: 'min-w-full divide-y divide-slate-200 text-sm [&_td]:px-3 [&_td]:py-2 [&_tbody_th]:px-3 [&_tbody_th]:py-2',
    head: 'bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500',
    th: 'px-3 py-2',
  },
  // A table inside a card's section (a product's versions, a Support ID's people): no band, tight cells.
  inset: {
    table: 'min-w-full text-sm [&_td]:py-2 [&_td]:pr-3',
    head: 'text-left text-xs text-slate-500',
    th: 'py-1.5 pr-3 font-medium',
  },
}

/**
 * Every table of the portal: its header row from `columns` (with `scope="col"`), a caption (for screen
 * readers only unless `showCaption`), one cell density per variant. The rows are the children (<tr><td>…).
 */
export function Table({
  columns,
  caption,
  showCaption = false,
  variant = 'panel',
  className,
  children,
  ...props
}: Omit<ComponentProps<'table'>, 'children'> & {
  columns: Column[]
  caption?: string
  showCaption?: boolean
  variant?: keyof typeof VARIANTS
  children: ReactNode
}) {
  const v = VARIANTS[variant]
  return (
    <table className={cx(v.table, className)} {...props}>
      {caption && (
        <caption className={showCaption ? 'px-3 pb-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500' : 'sr-only'}>{caption}</caption>
      )}
      <thead className={v.head}>
        <tr>
          {columns.map((column, i) => {
            const c = typeof column === 'object' && column !== null && 'label' in column ? column : { label: column }
            return (
              <th key={i} scope="col" className={cx(v.th, c.className)}>
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            )
          })}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  )
}
