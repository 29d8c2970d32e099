'use client'

import Link from 'next/link'
import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { Button, Field, inputClass, SectionTitle } from '@/components/ui'
import { ActionButton, FormOutcome } from '@/components/ui/action-button'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import {
  addHolidayAction,
  createCalendarAction,
  deleteCalendarAction,
  deleteHolidayAction,
  renameCalendarAction,
  updateHolidayAction,
} from '@/app/(portal)/admin/actions'

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })

export function CreateCalendarForm() {
  const f = useActionForm(createCalendarAction)
  return (
    <ActionForm form={f} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="min-w-64 flex-1">
        <Field label="New calendar" htmlFor="calendar-name" hint="e.g. a customer site's own holidays, given to its Support ID." error={f.fields.name}>
          <input id="calendar-name" name="name" required maxLength={120} className={inputClass} />
        </Field>
      </div>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? 'Creating…' : 'Create calendar'}
      </Button>
      <div className="basis-full">
        <FormOutcome
          error={f.error && !f.fields.name ? f.error : null}
          success={
            f.data && (
              <>
                Created{' '}
                <Link className="underline" href={`/admin/calendars/${f.data.id}`}>
                  {f.data.name}
                </Link>
                .
              </>
            )
          }
        />
      </div>
    </ActionForm>
  )
}

export function RenameCalendarForm({ calendarId, name }: { calendarId: string; name: string }) {
  const f = useActionForm(renameCalendarAction.bind(null, calendarId), { resetOnSuccess: false })
  return (
    <ActionForm form={f} className="space-y-3" noValidate>
      <SectionTitle>Rename</SectionTitle>
      <FormOutcome error={f.error && !f.fields.name ? f.error : null} success={f.data && <>Renamed.</>} />
      <Field label="Calendar name" htmlFor="rename-calendar" error={f.fields.name}>
        <input id="rename-calendar" name="name" defaultValue={name} required maxLength={120} className={inputClass} />
      </Field>
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {f.pending ? 'Saving…' : 'Rename calendar'}
      </Button>
    </ActionForm>
  )
}

export function DeleteCalendarButton({ calendarId, name, inUse }: { calendarId: string; name: string; inUse: boolean }) {
  const router = useRouter()
  if (inUse) return null
  return (
    <ActionButton
      variant="danger"
      className="px-3 py-1.5 text-sm"
      run={async () => {
        const r = await deleteCalendarAction(calendarId)
        if (r.ok) router.push('/admin/calendars')
        return r
      }}
      confirm={`Delete the calendar ${name} and its holidays?`}
      pendingLabel="Deleting…"
    >
      Delete calendar
    </ActionButton>
  )
}

export function AddHolidayForm({ calendarId }: { calendarId: string }) {
  const f = useActionForm(addHolidayAction.bind(null, calendarId))
  return (
    <ActionForm form={f} className="space-y-3" noValidate>
      <SectionTitle>Add a holiday</SectionTitle>
      <FormOutcome
        error={f.error && !Object.keys(f.fields).length ? f.error : null}
        success={
          f.data && (
            <>
              {f.data.name} on {f.data.date} added.
            </>
          )
        }
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Date" htmlFor="holiday-date" error={f.fields.date}>
          <input id="holiday-date" name="date" type="date" required className={inputClass} />
        </Field>
        <Field label="Name" htmlFor="holiday-name" error={f.fields.name}>
          <input id="holiday-name" name="name" required maxLength={120} className={inputClass} />
        </Field>
      </div>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? 'Adding…' : 'Add holiday'}
      </Button>
    </ActionForm>
  )
}

export function HolidayRow({ holiday }: { holiday: { id: string; date: string; name: string } }) {
  const [editing, setEditing] = useState(false)
  const f = useActionForm(updateHolidayAction.bind(null, holiday.id), { resetOnSuccess: false, onSuccess: () => setEditing(false) })
  const prefix = `holiday-${holiday.id}`
  if (editing) {
    return (
      <li className="py-2">
        <ActionForm form={f} className="flex flex-wrap items-end gap-2" noValidate aria-label={`Edit ${holiday.name}`}>
          <Field label="Date" htmlFor={`${prefix}-date`} error={f.fields.date}>
            <input id={`${prefix}-date`} name="date" type="date" defaultValue={holiday.date} required className={`${inputClass} py-1.5`} />
          </Field>
          <div className="min-w-48 flex-1">
            <Field label="Name" htmlFor={`${prefix}-name`} error={f.fields.name}>
              <input id={`${prefix}-name`} name="name" defaultValue={holiday.name} required maxLength={120} className={`${inputClass} py-1.5`} />
            </Field>
          </div>
          <Button type="submit" className="px-2.5 py-1.5 text-xs" disabled={f.pending}>
            {f.pending ? 'Saving…' : 'Save'}
          </Button>
          <Button type="button" variant="ghost" className="px-2.5 py-1.5 text-xs" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          {f.error && !Object.keys(f.fields).length && (
            <p role="alert" className="basis-full text-xs font-medium text-red-700">
              {f.error.message}
            </p>
          )}
        </ActionForm>
      </li>
    )
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid={`holiday-${holiday.date}`}>
      <span>
        <span className="inline-block w-28 text-slate-600">{weekday(holiday.date)}</span>
        <span className="font-medium">{holiday.name}</span>
      </span>
      <span className="flex gap-2">
        <Button
          type="button"
          variant="secondary"
          className="px-2.5 py-1.5 text-xs"
          onClick={() => setEditing(true)}
          aria-label={`Edit ${holiday.name} on ${holiday.date}`}
        >
          Edit
        </Button>
        <ActionButton
          variant="ghost"
          run={() => deleteHolidayAction(holiday.id)}
          confirm={`Delete ${holiday.name} on ${holiday.date}?`}
          label={`Delete ${holiday.name} on ${holiday.date}`}
          pendingLabel="Deleting…"
        >
          Delete
        </ActionButton>
      </span>
    </li>
  )
}
