'use client'

import { useId, useState, useTransition } from 'react'
import { Alert, Badge, Button, Field, Select, SectionTitle } from '@/components/ui'
import { applyIcsImportAction, previewIcsImportAction, type IcsImportRequest } from '@/app/(portal)/admin/actions'
import type { IcsImportPlan } from '@/server/admin/ics-import'
import { ICS_MAX_CHARS } from '@/lib/admin/schemas'

const weekday = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** Import an iCalendar file: preview every change, then save exactly those (or nothing). */
export function IcsImport({ calendarId, defaultFromYear, defaultToYear }: { calendarId: string; defaultFromYear: number; defaultToYear: number }) {
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const [fromYear, setFromYear] = useState(defaultFromYear)
  const [toYear, setToYear] = useState(defaultToYear)
  const [mode, setMode] = useState<'merge' | 'replace'>('merge')
  const [request, setRequest] = useState<IcsImportRequest | null>(null)
  const [plan, setPlan] = useState<IcsImportPlan | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [pending, start] = useTransition()

  const preview = () => {
    setError(null)
    setSaved(null)
    setPlan(null)
    if (!file) return setError('Choose an .ics file first')
    if (file.size > ICS_MAX_CHARS) return setError(`The file is larger than ${ICS_MAX_CHARS / 1_000_000} MB: split it by year`)
    start(async () => {
      const next: IcsImportRequest = { ics: await file.text(), mode, fromYear, toYear }
      const result = await previewIcsImportAction(calendarId, next)
      if (!result.ok) return setError(result.error.message)
      setRequest(next)
      setPlan(result.data)
    })
  }
  const save = () => {
    if (!plan || !request) return
    start(async () => {
      const result = await applyIcsImportAction(calendarId, { ...request, digest: plan.digest })
      if (!result.ok) return setError(result.error.message)
      const r = result.data
      setSaved(`Imported: ${r.added} added, ${r.renamed} renamed, ${r.removed} removed, ${r.unchanged} unchanged.`)
      setPlan(null)
      setRequest(null)
    })
  }
  const changes = plan ? plan.add.length + plan.rename.length + plan.remove.length : 0
  const years = Array.from({ length: 16 }, (_, i) => defaultFromYear - 5 + i)

  return (
    <div className="space-y-4">
      <div>
        <SectionTitle>Import an iCalendar (.ics) file</SectionTitle>
        <p className="mt-1 text-sm text-slate-600">
          All-day events become holidays (each day of a multi-day event; yearly events for each chosen year). Timed and cancelled events are skipped. Nothing is
          saved before you confirm.
        </p>
      </div>
      {error && <Alert>{error}</Alert>}
      {saved && <Alert tone="green">{saved}</Alert>}
      <Field label="Calendar file" htmlFor={`${id}-file`}>
        <input
          id={`${id}-file`}
          type="file"
          accept=".ics,text/calendar"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null)
            setPlan(null)
          }}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="From year" htmlFor={`${id}-from`}>
          <Select id={`${id}-from`} value={fromYear} onChange={(e) => setFromYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="To year" htmlFor={`${id}-to`}>
          <Select id={`${id}-to`} value={toYear} onChange={(e) => setToYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Existing holidays in these years</legend>
        <div className="mt-1.5 space-y-1 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} /> Keep them (add and rename only)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} /> Delete those the file does not have
          </label>
        </div>
      </fieldset>
      <Button type="button" variant="secondary" onClick={preview} disabled={pending}>
        {pending && !plan ? 'Reading the file…' : 'Preview import'}
      </Button>

      {plan && (
        <section aria-label="Import preview" className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <p className="flex flex-wrap gap-2 text-sm">
            <Badge tone="green">{plan.add.length} to add</Badge>
            <Badge tone="blue">{plan.rename.length} to rename</Badge>
            <Badge tone="red">{plan.remove.length} to delete</Badge>
            <Badge>{plan.unchanged} unchanged</Badge>
            <Badge tone="amber">{plan.skipped.length} skipped</Badge>
          </p>
          {plan.add.length > 0 && (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Added</h3>
              <ul className="text-sm">
                {plan.add.map((h) => (
                  <li key={h.date}>
                    <span className="inline-block w-40 text-slate-600">{weekday(h.date)}</span>
                    {h.name}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.rename.length > 0 && (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Renamed</h3>
              <ul className="text-sm">
                {plan.rename.map((h) => (
                  <li key={h.date}>
                    <span className="inline-block w-40 text-slate-600">{weekday(h.date)}</span>
                    <s className="text-slate-500">{h.from}</s> → {h.to}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.remove.length > 0 && (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Deleted</h3>
              <ul className="text-sm">
                {plan.remove.map((h) => (
                  <li key={h.date}>
                    <span className="inline-block w-40 text-slate-600">{weekday(h.date)}</span>
                    {h.name}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.skipped.length > 0 && (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Skipped</h3>
              <ul className="text-sm text-slate-600">
                {plan.skipped.map((s, i) => (
                  <li key={i}>
                    {s.summary}: {s.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="flex gap-2">
            {changes > 0 ? (
              <Button type="button" onClick={save} disabled={pending}>
                {pending ? 'Saving…' : `Save ${changes} change${changes === 1 ? '' : 's'}`}
              </Button>
            ) : (
              <p className="text-sm text-slate-700">The calendar already has all of these holidays.</p>
            )}
            <Button type="button" variant="ghost" onClick={() => setPlan(null)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </section>
      )}
    </div>
  )
}
