'use client'

import { Alert, Button, Field, inputClass, Select } from '@/components/ui'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { ConfirmSubmit } from '@/components/ui/confirm-dialog'
import { POLICY, SEVERITY_DEFINITIONS, type Severity, type Tier } from '@/lib/sla'
import { changeSeverityAction, closeCaseAction, commentAction, confirmResolutionAction, escalateAction } from '../../actions'

export function CommentForm({ number, waiting, reopenUntil }: { number: number; waiting: boolean; reopenUntil?: string }) {
  const f = useActionForm(commentAction.bind(null, number))
  return (
    <ActionForm form={f} className="space-y-3">
      <h3 className="text-sm font-semibold">{reopenUntil ? 'Not solved? Reply to reopen the case' : 'Add a comment'}</h3>
      {waiting && <p className="text-xs text-amber-800">Your engineer is waiting for you: a reply or an upload (under Files) sends the case back to them.</p>}
      {reopenUntil && (
        <p className="text-xs text-slate-600">
          Your reply reopens the case and sends it back to the engineer. You can reply until {reopenUntil} (14 days after the resolution); after that, open a
          new case that references this one.
        </p>
      )}
      {f.error && <Alert>{f.error.message}</Alert>}
      <Field label="Comment" htmlFor="comment-body" error={f.fields.body}>
        <textarea id="comment-body" name="body" rows={4} maxLength={20000} className={inputClass} />
      </Field>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? 'Sending…' : reopenUntil ? 'Reopen with this reply' : 'Send'}
      </Button>
    </ActionForm>
  )
}

/** "This solved it" on a resolved case: closes it, with a rating of the support (decision 0015). */
export function ConfirmResolutionForm({ number, version }: { number: number; version: number }) {
  const f = useActionForm(confirmResolutionAction.bind(null, number))
  return (
    <ActionForm form={f} className="space-y-3" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        Did this solve it?
      </h2>
      <p className="text-xs text-slate-600">Confirming closes the case. Tell us how the support was.</p>
      {f.error && <Alert>{f.error.message}</Alert>}
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={f.fields.rating ? 'rating-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">How was the support?</legend>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="rating" value="GOOD" required className="h-4 w-4" /> Good
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="rating" value="BAD" required className="h-4 w-4" /> Bad
          </label>
        </div>
        {f.fields.rating && (
          <p id="rating-error" className="mt-1 text-xs text-red-700">
            {f.fields.rating}
          </p>
        )}
      </fieldset>
      <Field label="Comment (needed for a bad rating)" htmlFor="rating-comment" error={f.fields.comment}>
        <textarea id="rating-comment" name="comment" rows={3} maxLength={2000} className={inputClass} />
      </Field>
      <ConfirmSubmit
        label={f.pending ? 'Closing…' : 'Confirm solved and close'}
        disabled={f.pending}
        title={`Close case #${number}?`}
        confirmLabel="Yes, close the case"
      >
        The resolution stands and the case is closed with your rating. If the problem comes back later, open a new case that references #{number}.
      </ConfirmSubmit>
    </ActionForm>
  )
}

export function SeverityForm({
  number,
  tier,
  severity,
  version,
  category,
}: {
  number: number
  tier: Tier
  severity: number
  version: number
  category: string
}) {
  const f = useActionForm(changeSeverityAction.bind(null, number))
  if (category === 'FEEDBACK') return <p className="text-sm text-slate-600">Feedback stays Severity 4.</p>
  return (
    <ActionForm form={f} className="space-y-3">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Change severity</h2>
      {f.error && <Alert>{f.error.message}</Alert>}
      {f.state?.ok && <Alert tone="green">Severity changed; the response target was recomputed from the opening time.</Alert>}
      <input type="hidden" name="version" value={version} />
      <Field label="New severity" htmlFor="new-severity" error={f.fields.severity}>
        <Select id="new-severity" name="severity" defaultValue={severity}>
          {([1, 2, 3, 4] as Severity[]).map((s) => {
            const na = POLICY[tier][s].kind === 'not-available'
            return (
              <option key={s} value={s} disabled={na || s === severity}>
                Severity {s} — {SEVERITY_DEFINITIONS[s].label}
                {na ? ' (not available)' : s === severity ? ' (current)' : ''}
              </option>
            )
          })}
        </Select>
      </Field>
      <Field label="Why" htmlFor="severity-reason" error={f.fields.reason}>
        <textarea id="severity-reason" name="reason" rows={2} required minLength={5} maxLength={2000} className={inputClass} />
      </Field>
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {f.pending ? 'Saving…' : 'Change severity'}
      </Button>
    </ActionForm>
  )
}

export function EscalateForm({ number }: { number: number }) {
  const f = useActionForm(escalateAction.bind(null, number))
  return (
    <ActionForm form={f} className="space-y-3">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Talk to a manager</h2>
      <p className="text-xs text-slate-600">Not satisfied with how the case is handled? A Support Manager will contact you.</p>
      {f.error && <Alert>{f.error.message}</Alert>}
      <Field label="What is wrong" htmlFor="escalation-reason" error={f.fields.reason}>
        <textarea id="escalation-reason" name="reason" rows={3} required minLength={10} maxLength={4000} className={inputClass} />
      </Field>
      <Field label="Preferred contact time (optional)" htmlFor="escalation-time" error={f.fields.preferredContactTime}>
        <input id="escalation-time" name="preferredContactTime" maxLength={200} placeholder="e.g. weekdays 09:00–12:00" className={inputClass} />
      </Field>
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {f.pending ? 'Sending…' : 'Ask for a manager'}
      </Button>
    </ActionForm>
  )
}

export function CloseCaseForm({ number, version, openEscalation = null }: { number: number; version: number; openEscalation?: string | null }) {
  const f = useActionForm(closeCaseAction.bind(null, number))
  return (
    <ActionForm form={f} className="space-y-3">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Close the case</h2>
      {f.error && <Alert>{f.error.message}</Alert>}
      <input type="hidden" name="version" value={version} />
      {openEscalation && (
        <p className="text-sm text-amber-800" data-testid="close-escalation-note">
          {openEscalation}
        </p>
      )}
      <Field label="Reason (optional)" htmlFor="close-reason">
        <input id="close-reason" name="reason" maxLength={2000} placeholder="e.g. solved by the workaround" className={inputClass} />
      </Field>
      <ConfirmSubmit
        label={f.pending ? 'Closing…' : 'Close case'}
        variant="danger"
        disabled={f.pending}
        title={`Close case #${number}?`}
        confirmLabel="Yes, close the case"
      >
        The engineer stops working on it. A closed case cannot be reopened: if the problem comes back, open a new case that references #{number}.
      </ConfirmSubmit>
    </ActionForm>
  )
}
