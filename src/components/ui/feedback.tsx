import type { ReactNode } from 'react'
import { cx } from './cx'

type Tone = 'slate' | 'green' | 'red' | 'amber' | 'blue' | 'violet'
const TONES: Record<Tone, string> = {
  slate: 'bg-slate-100 text-slate-700 ring-slate-200',
  green: 'bg-green-50 text-green-800 ring-green-200',
  red: 'bg-red-50 text-red-800 ring-red-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  blue: 'bg-brand-50 text-brand-700 ring-brand-100',
  violet: 'bg-violet-50 text-violet-800 ring-violet-200',
}
export function Badge({ tone = 'slate', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={cx('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', TONES[tone])}>{children}</span>
}

export function Alert({ tone = 'red', title, children }: { tone?: 'red' | 'amber' | 'green' | 'blue'; title?: string; children: ReactNode }) {
  const tones = {
    red: 'bg-red-50 text-red-800 ring-red-200',
    amber: 'bg-amber-50 text-amber-900 ring-amber-200',
    green: 'bg-green-50 text-green-800 ring-green-200',
    blue: 'bg-brand-50 text-brand-900 ring-brand-100',
  }
  return (
    <div role={tone === 'red' ? 'alert' : 'status'} className={cx('rounded-md px-4 py-3 text-sm ring-1 ring-inset', tones[tone])}>
      {title && <p className="font-medium">{title}</p>}
      <div className={title ? 'mt-1' : undefined}>{children}</div>
    </div>
  )
}
