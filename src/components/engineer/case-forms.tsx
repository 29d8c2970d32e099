'use client'

import { useId, useState, type ReactNode } from 'react'
import { Alert, Button, Field, inputClass } from '@/components/ui'
import { ActionForm, useActionForm, type ActionFormState, type FormAction } from '@/components/ui/action-form'
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, RESOLUTION_CODES, contactOutcomesFor } from '@/lib/engineer/schemas'
import { RESOLUTION_LABELS } from '@/lib/cases/labels'
import { ConfirmSubmit } from '@/components/ui/confirm-dialog'
import {
  assignCaseAction,
  closeResolvedCaseAction,
  escalationAction,
  logContactAttemptAction,
  replyAction,
  requestInformationAction,
  resolveCaseAction,
} from './actions'

type Action<T> = FormAction<T>
type Engineer = { name: string; email: string }

function FormMessage<T>({ form, success }: { form: ActionFormState<T>; success?: (data: T) => ReactNode }) {
  if (form.error) return <Alert>{form.error.message}</Alert>
  return form.state?.ok && success ? <Alert tone="green">{success(form.state.data)}</Alert> : null
}

function Hidden({ caseNumber, version }: { caseNumber: number; version?: number }) {
  return (
    <>
      <input type="hidden" name="caseNumber" value={caseNumber} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
    </>
  )
}

export function AssignForm({
  caseNumber,
  version,
  engineers,
  assigneeEmail,
  assigneeName,
  canTake,
  canAssign,
}: {
  caseNumber: number
  version: number
  engineers: Engineer[]
  assigneeEmail: string | null
  /** Someone else's name when the case is assigned to them: taking it then asks first. */
  assigneeName?: string | null
  canTake: boolean
  canAssign: boolean
}) {
  const take = useActionForm(assignCaseAction as Action<{ assignee: string }>)
  const assign = useActionForm(assignCaseAction as Action<{ assignee: string }>, { resetOnSuccess: false })
  const { pending: taking } = take
  const { pending: assigning } = assign
  const id = useId()
  return (
    <div className="space-y-3">
      {canTake && (
        <ActionForm form={take}>
          <Hidden caseNumber={caseNumber} version={version} />
          {assigneeName ? (
            <ConfirmSubmit
              label={taking ? 'Taking…' : 'Take this case'}
              disabled={taking}
              title={`Take case #${caseNumber} from ${assigneeName}?`}
              confirmLabel="Yes, take it"
            >
              The case is assigned to {assigneeName}. Taking it assigns it to you instead; {assigneeName} is no longer its engineer.
            </ConfirmSubmit>
          ) : (
            <Button type="submit" disabled={taking}>
              {taking ? 'Taking…' : 'Take this case'}
            </Button>
          )}
        </ActionForm>
      )}
      <FormMessage form={take} success={(d) => `Assigned to ${d.assignee}.`} />
      {canAssign && (
        <ActionForm form={assign} className="flex flex-wrap items-end gap-2">
          <Hidden caseNumber={caseNumber} version={version} />
          <div className="min-w-48 flex-1">
            <Field label="Assign to" htmlFor={`${id}-engineer`} error={assign.fields.engineer}>
              <select id={`${id}-engineer`} name="engineer" className={inputClass} defaultValue={assigneeEmail ?? ''} required>
                <option value="" disabled>
                  Choose an engineer…
                </option>
                {engineers.map((e) => (
                  <option key={e.email} value={e.email}>
                    {e.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Button type="submit" variant="secondary" disabled={assigning}>
            {assigning ? 'Assigning…' : 'Assign'}
          </Button>
        </ActionForm>
      )}
      <FormMessage form={assign} success={(d) => `Assigned to ${d.assignee}.`} />
    </div>
  )
}

export function ReplyForm({ caseNumber, version }: { caseNumber: number; version: number }) {
  const form = useActionForm(replyAction as Action<{ public: boolean; firstResponse: string | null }>)
  const { pending } = form
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public')
  const id = useId()
  return (
    <ActionForm form={form} className="space-y-3">
      <Hidden caseNumber={caseNumber} version={version} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Visibility</legend>
        <div className="mt-1.5 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" value="public" checked={visibility === 'public'} onChange={() => setVisibility('public')} />
            Public reply (the customer sees it)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" value="internal" checked={visibility === 'internal'} onChange={() => setVisibility('internal')} />
            Internal note (vendor staff only)
          </label>
        </div>
      </fieldset>
      <Field label={visibility === 'public' ? 'Reply' : 'Internal note'} htmlFor={`${id}-body`} error={form.fields.body}>
        <textarea id={`${id}-body`} name="body" rows={4} required maxLength={20_000} className={inputClass} />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending} variant={visibility === 'public' ? 'primary' : 'secondary'}>
          {pending ? 'Posting…' : visibility === 'public' ? 'Post reply' : 'Add internal note'}
        </Button>
      </div>
      <FormMessage
        form={form}
        success={(d) =>
          d.public
            ? d.firstResponse
              ? `Reply posted. First response recorded: target ${d.firstResponse === 'met' ? 'met' : d.firstResponse === 'breached' ? 'breached' : d.firstResponse}.`
              : 'Reply posted.'
            : 'Internal note added.'
        }
      />
    </ActionForm>
  )
}

export function RequestInformationForm({ caseNumber, version }: { caseNumber: number; version: number }) {
  const form = useActionForm(requestInformationAction as Action<null>)
  const { pending } = form
  const id = useId()
  return (
    <ActionForm form={form} className="space-y-3">
      <Hidden caseNumber={caseNumber} version={version} />
      <Field
        label="What you need from the customer"
        htmlFor={`${id}-body`}
        error={form.fields.body}
        hint="Sent as a public reply; the case waits on the customer until they reply or upload."
      >
        <textarea
          id={`${id}-body`}
          name="body"
          rows={3}
          required
          minLength={5}
          className={inputClass}
          defaultValue="Please upload the logs exported with the log collection wizard (last 7 days) so we can analyse them."
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Requesting…' : 'Request information'}
      </Button>
      <FormMessage form={form} success={() => 'Information requested: the case now waits on the customer.'} />
    </ActionForm>
  )
}

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
  const form = useActionForm(logContactAttemptAction as Action<{ verdict: string; businessDays: number }>)
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
        <select
          id={`${id}-channel`}
          name="channel"
          className={inputClass}
          value={channel}
          onChange={(e) => {
            const next = e.target.value as (typeof CONTACT_CHANNELS)[number]
            setChannel(next)
            if (!contactOutcomesFor(next).includes(outcome)) setOutcome('no-answer')
          }}
        >
          <option value="phone">Phone</option>
          <option value="email">E-mail</option>
        </select>
      </Field>
      <Field label="Outcome" htmlFor={`${id}-outcome`} error={fields.outcome}>
        <select
          id={`${id}-outcome`}
          name="outcome"
          className={inputClass}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as (typeof CONTACT_OUTCOMES)[number])}
        >
          {offered.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_OPTION_LABELS[o]}
            </option>
          ))}
        </select>
      </Field>
    </>
  )
}

/**
 * Resolve (or close without consent). Stays mounted once the case is no longer open (`open` false),
 * so the engineer keeps the confirmation of what they just did after the page refreshes.
 */
export function ResolveForm({
  caseNumber,
  version,
  noResponseAllowed,
  open = true,
}: {
  caseNumber: number
  version: number
  noResponseAllowed: boolean
  open?: boolean
}) {
  const form = useActionForm(resolveCaseAction as Action<{ status: string }>)
  const { pending } = form
  const [code, setCode] = useState<string>('SOLUTION_OR_WORKAROUND')
  const id = useId()
  if (!open) {
    if (!form.state?.ok) return null
    return (
      <div data-testid="resolve-confirmation">
        <Alert tone="green">{resolvedMessage(caseNumber, form.state.data.status)}</Alert>
      </div>
    )
  }
  return (
    <ActionForm form={form} className="space-y-3">
      <Hidden caseNumber={caseNumber} version={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Resolution" htmlFor={`${id}-code`} error={form.fields.code}>
          <select id={`${id}-code`} name="code" className={inputClass} value={code} onChange={(e) => setCode(e.target.value)}>
            {RESOLUTION_CODES.filter((c) => c !== 'NO_RESPONSE').map((c) => (
              <option key={c} value={c}>
                {RESOLUTION_LABELS[c]}
              </option>
            ))}
            <option value="NO_RESPONSE" disabled={!noResponseAllowed}>
              {RESOLUTION_LABELS.NO_RESPONSE}
              {noResponseAllowed ? '' : ' — needs 3 business days of attempts'}
            </option>
          </select>
        </Field>
        {code === 'DUPLICATE' && (
          <Field label="Duplicate of case number" htmlFor={`${id}-dup`} error={form.fields.duplicateOf}>
            <input id={`${id}-dup`} name="duplicateOf" type="number" min={1} required className={inputClass} />
          </Field>
        )}
      </div>
      <Field label="Summary" htmlFor={`${id}-summary`} error={form.fields.summary} hint="What solved it, for the customer and for the next engineer.">
        <textarea id={`${id}-summary`} name="summary" rows={3} required minLength={5} className={inputClass} />
      </Field>
      <Button type="submit" disabled={pending} variant={code === 'NO_RESPONSE' ? 'danger' : 'primary'}>
        {pending ? 'Saving…' : code === 'NO_RESPONSE' ? 'Close without consent' : 'Resolve case'}
      </Button>
      <FormMessage form={form} success={(d) => resolvedMessage(caseNumber, d.status)} />
    </ActionForm>
  )
}

function resolvedMessage(caseNumber: number, status: string) {
  return status === 'CLOSED'
    ? `Case #${caseNumber} closed without consent; the customer was told how to follow up.`
    : `Case #${caseNumber} resolved. The customer was told, with your summary.`
}

export function CloseWithoutConsentForm({ caseNumber, version, standing }: { caseNumber: number; version: number; standing: string }) {
  const form = useActionForm(resolveCaseAction as Action<{ status: string }>)
  const { pending } = form
  const id = useId()
  return (
    <ActionForm form={form} className="space-y-3 rounded-md bg-red-50/50 p-4 ring-1 ring-red-200">
      <Hidden caseNumber={caseNumber} version={version} />
      <input type="hidden" name="code" value="NO_RESPONSE" />
      <p className="text-sm text-slate-700">
        Unanswered attempts on {standing}: the policy allows closing this case without the customer’s consent. They will be told they may open a new case
        referencing this one.
      </p>
      <Field label="Summary for the customer" htmlFor={`${id}-summary`} error={form.fields.summary}>
        <textarea
          id={`${id}-summary`}
          name="summary"
          rows={2}
          required
          minLength={5}
          className={inputClass}
          defaultValue="We could not reach you by phone or e-mail on three business days."
        />
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Closing…' : 'Close without consent'}
      </Button>
      <FormMessage form={form} />
    </ActionForm>
  )
}

export function CloseResolvedForm({ caseNumber, version }: { caseNumber: number; version: number }) {
  const form = useActionForm(closeResolvedCaseAction as Action<null>)
  const { pending } = form
  return (
    <ActionForm form={form} className="space-y-2">
      <Hidden caseNumber={caseNumber} version={version} />
      <ConfirmSubmit
        label={pending ? 'Closing…' : 'Close case'}
        variant="secondary"
        confirmVariant="primary"
        disabled={pending}
        title={`Close case #${caseNumber}?`}
        confirmLabel="Yes, close the case"
      >
        The resolution stands and the case is closed. The customer can no longer reopen it by replying; they would open a new case that references #{caseNumber}
        .
      </ConfirmSubmit>
      <FormMessage form={form} />
    </ActionForm>
  )
}

export function EscalationControls({
  escalationId,
  caseNumber,
  status,
  engineers,
  assignedEmail,
}: {
  escalationId: string
  caseNumber: number
  status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'
  engineers: Engineer[]
  assignedEmail: string | null
}) {
  // One binding per form: each keeps its own text and shows its own outcome.
  const ack = useActionForm(escalationAction as Action<{ step: string }>)
  const assign = useActionForm(escalationAction as Action<{ step: string }>, { resetOnSuccess: false })
  const note = useActionForm(escalationAction as Action<{ step: string }>)
  const resolve = useActionForm(escalationAction as Action<{ step: string }>)
  const pending = ack.pending || assign.pending || note.pending || resolve.pending
  const id = useId()
  if (status === 'RESOLVED') return null
  const hidden = (
    <>
      <input type="hidden" name="escalationId" value={escalationId} />
      <input type="hidden" name="caseNumber" value={caseNumber} />
    </>
  )
  const done = (d: { step: string }) =>
    ({ acknowledge: 'Escalation acknowledged.', assign: 'Engineer assigned.', note: 'Note added.', resolve: 'Escalation resolved.' })[d.step] ?? 'Saved.'
  return (
    <div className="space-y-4">
      {status === 'OPEN' && (
        <ActionForm form={ack} className="space-y-2">
          {hidden}
          <input type="hidden" name="step" value="acknowledge" />
          <Button type="submit" disabled={pending}>
            Acknowledge
          </Button>
        </ActionForm>
      )}
      {/* Outside the form: it goes once the escalation is acknowledged, its outcome stays. */}
      <FormMessage form={ack} success={done} />
      <div className="grid gap-4 md:grid-cols-3">
        <ActionForm form={assign} className="space-y-2">
          {hidden}
          <input type="hidden" name="step" value="assign" />
          <Field label="Engineer for this escalation" htmlFor={`${id}-engineer`} error={assign.fields.engineer}>
            <select id={`${id}-engineer`} name="engineer" className={inputClass} defaultValue={assignedEmail ?? ''} required>
              <option value="" disabled>
                Choose an engineer…
              </option>
              {engineers.map((e) => (
                <option key={e.email} value={e.email}>
                  {e.name}
                </option>
              ))}
            </select>
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            Assign engineer
          </Button>
          <FormMessage form={assign} success={done} />
        </ActionForm>
        <ActionForm form={note} className="space-y-2">
          {hidden}
          <input type="hidden" name="step" value="note" />
          <Field label="Manager note" htmlFor={`${id}-note`} error={note.fields.note} hint="Internal: vendor staff only.">
            <textarea id={`${id}-note`} name="note" rows={2} required className={inputClass} />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            Add note
          </Button>
          <FormMessage form={note} success={done} />
        </ActionForm>
        <ActionForm form={resolve} className="space-y-2">
          {hidden}
          <input type="hidden" name="step" value="resolve" />
          <Field label="Resolution of the escalation" htmlFor={`${id}-resolution`} error={resolve.fields.resolution}>
            <textarea id={`${id}-resolution`} name="resolution" rows={2} required minLength={5} className={inputClass} />
          </Field>
          <Button type="submit" disabled={pending}>
            Resolve escalation
          </Button>
          <FormMessage form={resolve} success={done} />
        </ActionForm>
      </div>
    </div>
  )
}
