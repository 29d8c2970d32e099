export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-7 w-64 rounded bg-slate-200" />
      <div className="h-4 w-96 rounded bg-slate-200" />
      <div className="h-64 rounded-lg bg-slate-200/70" />
      <span className="sr-only">Loading…</span>
    </div>
  )
}
