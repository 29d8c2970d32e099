'use client'

import { useId, useState } from 'react'
import { Button, Field, inputClass, Select } from '@/components/ui'
import { ActionForm, FormMessage, useActionForm } from '@/components/ui/action-form'
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, contactOutcomesFor } from '@/lib/engineer/schemas'
import { logContactAttemptAction } from '../actions'
import { Hidden } from './hidden-case-fields'

export function ContactAttemptForm({
  caseNumber,
  defaultAt,
  maxAt,
  minAt,
  timeZone,
}: {
  caseNumber: number
  defaultAt: string
  maxAt: string
  minAt: string
  timeZone: string
}) {
  const form = useActionForm(logContactAttemptAction)
  const { pending } = form
  const id = useId()
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-4 sm:items-end">
      <Hidden caseNumber={caseNumber} />
      <Field label={`When (your time, ${timeZone})`} htmlFor={`${id}-at`} error={form.fields.at}>
        <input id={`${id}-at`} name="at" type="datetime-local" defaultValue={defaultAt} max={maxAt} min={minAt} className={inputClass} />
      </Field>
      <ChannelOutcomeFields id={id} fields={form.fields} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Logging…' : 'Log attempt'}
      </Button>
      <div className="sm:col-span-4">
        <FormMessage form={form} success={(d) => `Attempt logged (${d.verdict.replaceAll('-', ' ')}).`} />
      </div>
    </ActionForm>
  )
}

const OUTCOME_OPTION_LABELS: Record<(typeof CONTACT_OUTCOMES)[number], string> = {
  'no-answer': 'No answer',
  voicemail: 'Voicemail left',
  reached: 'Reached the customer',
}

/**
 * Channel and outcome: the outcomes offered follow the channel (a voicemail is left on a phone call
 * only, as the schema says). Inside the <form>, so a success remounts it with the defaults.
 */
function ChannelOutcomeFields({ id, fields }: { id: string; fields: Partial<Record<string, string>> }) {
  const [channel, setChannel] = useState<(typeof CONTACT_CHANNELS)[number]>('phone')
  const [outcome, setOutcome] = useState<(typeof CONTACT_OUTCOMES)[number]>('no-answer')
  const offered = contactOutcomesFor(channel)
  return (
    <>
      <Field label="Channel" htmlFor={`${id}-channel`} error={fields.channel}>
        <Select
          id={`${id}-channel`}
          name="channel"
          value={channel}
          onChange={(e) => {
            const next = e.target.value as (typeof CONTACT_CHANNELS)[number]
            setChannel(next)
            if (!contactOutcomesFor(next).includes(outcome)) setOutcome('no-answer')
          }}
        >
          <option value="phone">Phone</option>
          <option value="email">E-mail</option>
        </Select>
      </Field>
      <Field label="Outcome" htmlFor={`${id}-outcome`} error={fields.outcome}>
        <Select id={`${id}-outcome`} name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as (typeof CONTACT_OUTCOMES)[number])}>
          {offered.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_OPTION_LABELS[o]}
            </option>
          ))}
        </Select>
      </Field>
    </>
  )
}
