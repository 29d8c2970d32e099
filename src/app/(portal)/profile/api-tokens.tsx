'use client'

import { Alert, Button, Field, inputClass, Select } from '@/components/ui'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { ActionButton } from '@/components/ui/action-button'
import { createApiTokenAction, revokeApiTokenAction } from './actions'

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string; expired: boolean }

export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const create = useActionForm(createApiTokenAction)
  const { state, pending: creating } = create
  return (
    <div className="mt-5 space-y-5">
      <ActionForm form={create} className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field label="Token name" htmlFor="token-name" error={create.error ? (create.fields.name ?? create.error.message) : undefined}>
            <input id="token-name" name="name" required maxLength={80} placeholder="e.g. Monitoring integration" className={inputClass} />
          </Field>
        </div>
        <div className="w-40">
          <Field label="Expires after" htmlFor="token-expiry" error={state && !state.ok ? state.error.fields?.expiresInDays : undefined}>
            <Select id="token-expiry" name="expiresInDays" defaultValue="90">
              <option value="7">7 days</option>
              <option value="30">30 days</option>
              <option value="90">90 days</option>
              <option value="365">365 days</option>
            </Select>
          </Field>
        </div>
        <Button type="submit" disabled={creating}>
          {creating ? 'Creating…' : 'Create token'}
        </Button>
      </ActionForm>
      {state?.ok && (
        <Alert tone="green" title="Token created: copy it now, it will not be shown again">
          <code className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900" data-testid="new-token">
            {state.data.secret}
          </code>
        </Alert>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">You have no tokens.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md ring-1 ring-slate-200">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <p className="font-medium">
                  {t.name} <code className="ml-1 text-xs text-slate-500">{t.prefix}…</code>
                </p>
                <p className="text-xs text-slate-500">
                  Created {t.createdAt} · {t.lastUsedAt ? `last used ${t.lastUsedAt}` : 'never used'} ·{' '}
                  {t.expired ? <span className="font-medium text-red-700">expired {t.expiresAt}</span> : <>expires {t.expiresAt}</>}
                </p>
              </div>
              <ActionButton run={() => revokeApiTokenAction(t.id)} label={`Revoke token ${t.name}`} pendingLabel="Revoking…" className="">
                Revoke
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
