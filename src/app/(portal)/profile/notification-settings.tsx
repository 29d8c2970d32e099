'use client'

import { Alert, Button } from '@/components/ui'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { saveNotificationSettingsAction } from './actions'

type Kind = { kind: string; label: string; mail: boolean }

export function NotificationSettingsForm({ kinds, othersCases, administrator }: { kinds: Kind[]; othersCases: boolean; administrator: boolean }) {
  // A form that edits saved values: after saving it keeps showing them.
  const form = useActionForm(saveNotificationSettingsAction, { resetOnSuccess: false })
  return (
    <ActionForm form={form} className="mt-4 space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Send me an e-mail when…</legend>
        <p className="mt-1 text-xs text-slate-500">Every notification also appears under the bell in the header, whatever you choose here.</p>
        <ul className="mt-3 space-y-2">
          {kinds.map((k) => (
            <li key={k.kind} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                id={`mail-${k.kind}`}
                name="mail"
                value={k.kind}
                defaultChecked={k.mail}
                className="mt-0.5 h-4 w-4 rounded border-slate-300"
              />
              <label htmlFor={`mail-${k.kind}`}>{k.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      {administrator ? (
        <div className="flex items-start gap-2 text-sm">
          <input type="checkbox" id="others-cases" name="othersCases" defaultChecked={othersCases} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
          <label htmlFor="others-cases">
            Tell me about cases other people open on my Support IDs
            <span className="block text-xs text-slate-500">Off: you hear only about the cases you opened yourself (by mail and in the list).</span>
          </label>
        </div>
      ) : (
        <input type="hidden" name="othersCases" value={othersCases ? 'on' : ''} />
      )}
      {form.error && <Alert>{form.error.message}</Alert>}
      {form.state?.ok && <Alert tone="green">Your notification preferences are saved.</Alert>}
      <Button type="submit" disabled={form.pending}>
        {form.pending ? 'Saving…' : 'Save preferences'}
      </Button>
    </ActionForm>
  )
}
