import type { EscalationNote } from '@/server/engineer/get-vendor-case'

/** A manager request's internal notes, oldest first, each with who wrote it and when (in the reader's format). */
export function EscalationNotes({ notes, when, className }: { notes: EscalationNote[]; when: (d: Date) => string; className?: string }) {
  if (notes.length === 0) return null
  return (
    <ul className={`space-y-1 text-sm ${className ?? ''}`}>
      {notes.map((n, i) => (
        <li key={i} className="rounded bg-slate-50 px-3 py-2">
          <span className="text-xs text-slate-500">
            {n.by}, {when(new Date(n.at))}:
          </span>{' '}
          {n.text}
        </li>
      ))}
    </ul>
  )
}
