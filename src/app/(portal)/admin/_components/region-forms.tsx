'use client'

import { useId, useState } from 'react'
import { Button, Field, inputClass, Select } from '@/components/ui'
import { ActionButton, FormOutcome } from '@/components/ui/action-button'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { addPhoneLineAction, deletePhoneLineAction, updatePhoneLineAction, updateRegionAction } from '@/app/(portal)/admin/actions'

type Region = { code: string; name: string; languages: string[]; defaultTimeZone: string; holidayCalendarId: string }

export function RegionForm({ region, calendars }: { region: Region; calendars: { id: string; name: string }[] }) {
  const f = useActionForm(updateRegionAction.bind(null, region.code), { resetOnSuccess: false })
  const id = `region-${region.code}`
  return (
    <ActionForm form={f} className="space-y-3" noValidate aria-label={`Settings of ${region.name}`}>
      <FormOutcome error={f.error && !Object.keys(f.fields).length ? f.error : null} success={f.state?.ok && <>Saved.</>} />
      <Field label="Name" htmlFor={`${id}-name`} error={f.fields.name}>
        <input id={`${id}-name`} name="name" defaultValue={region.name} required maxLength={120} className={inputClass} />
      </Field>
      <Field label="Languages" htmlFor={`${id}-languages`} hint="Separated by commas, in the order the case form offers them." error={f.fields.languages}>
        <input id={`${id}-languages`} name="languages" defaultValue={region.languages.join(', ')} required className={inputClass} />
      </Field>
      <Field
        label="Default time zone"
        htmlFor={`${id}-zone`}
        hint="An IANA zone, e.g. Europe/Berlin: the site zone of new Support IDs in this region."
        error={f.fields.defaultTimeZone}
      >
        <input id={`${id}-zone`} name="defaultTimeZone" list="iana-zones" defaultValue={region.defaultTimeZone} required className={inputClass} />
      </Field>
      <Field label="Holiday calendar" htmlFor={`${id}-calendar`} error={f.fields.holidayCalendarId}>
        <Select id={`${id}-calendar`} name="holidayCalendarId" defaultValue={region.holidayCalendarId}>
          {calendars.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? 'Saving…' : `Save ${region.name}`}
      </Button>
    </ActionForm>
  )
}

type Line = { id: string; country: string; number: string; hours: string | null }

function PhoneLineFields({ prefix, line, fields }: { prefix: string; line?: Line; fields: Record<string, string> }) {
  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <Field label="Country" htmlFor={`${prefix}-country`} error={fields.country}>
        <input id={`${prefix}-country`} name="country" defaultValue={line?.country} required maxLength={80} className={inputClass} />
      </Field>
      <Field label="Number" htmlFor={`${prefix}-number`} error={fields.number}>
        <input id={`${prefix}-number`} name="number" type="tel" defaultValue={line?.number} required maxLength={32} className={inputClass} />
      </Field>
      <Field label="Hours (optional)" htmlFor={`${prefix}-hours`} error={fields.hours}>
        <input id={`${prefix}-hours`} name="hours" defaultValue={line?.hours ?? ''} maxLength={200} className={inputClass} />
      </Field>
    </div>
  )
}

export function PhoneLineRow({ line }: { line: Line }) {
  const [editing, setEditing] = useState(false)
  const f = useActionForm(updatePhoneLineAction.bind(null, line.id), { resetOnSuccess: false, onSuccess: () => setEditing(false) })
  const prefix = `line-${line.id}`
  if (editing) {
    return (
      <li className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
        <ActionForm form={f} className="space-y-2" noValidate>
          <FormOutcome error={f.error && !Object.keys(f.fields).length ? f.error : null} />
          <PhoneLineFields prefix={prefix} line={line} fields={f.fields} />
          <div className="flex gap-2">
            <Button type="submit" className="px-2.5 py-1.5 text-xs" disabled={f.pending}>
              {f.pending ? 'Saving…' : 'Save'}
            </Button>
            <Button type="button" variant="ghost" className="px-2.5 py-1.5 text-xs" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </ActionForm>
      </li>
    )
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span>
        <span className="font-medium">{line.country}</span> <span className="font-mono">{line.number}</span>
        {line.hours && <span className="block text-xs text-slate-500">{line.hours}</span>}
      </span>
      <span className="flex gap-2">
        <Button
          type="button"
          variant="secondary"
          className="px-2.5 py-1.5 text-xs"
          onClick={() => setEditing(true)}
          aria-label={`Edit phone line ${line.country} ${line.number}`}
        >
          Edit
        </Button>
        <ActionButton
          variant="ghost"
          run={() => deletePhoneLineAction(line.id)}
          confirm={`Delete the ${line.country} line ${line.number}?`}
          label={`Delete phone line ${line.country} ${line.number}`}
          pendingLabel="Deleting…"
        >
          Delete
        </ActionButton>
      </span>
    </li>
  )
}

export function AddPhoneLineForm({ regionCode, region }: { regionCode: string; region: string }) {
  const f = useActionForm(addPhoneLineAction.bind(null, regionCode))
  const id = useId()
  return (
    <ActionForm form={f} className="mt-3 space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" noValidate aria-label={`Add a phone line to ${region}`}>
      <FormOutcome error={f.error && !Object.keys(f.fields).length ? f.error : null} success={f.state?.ok && <>Phone line added.</>} />
      <PhoneLineFields prefix={`add-${regionCode}-${id}`} fields={f.fields} />
      <Button type="submit" variant="secondary" className="px-2.5 py-1.5 text-xs" disabled={f.pending}>
        {f.pending ? 'Adding…' : 'Add phone line'}
      </Button>
    </ActionForm>
  )
}
