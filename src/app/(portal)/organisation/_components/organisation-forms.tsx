'use client'

import { Button, Field, inputClass } from '@/components/ui'
import { decidePartnerGrantAction, inviteCaseAdminAction, removeCaseAdminAction, revokeInvitationAction } from '@/app/(portal)/organisation/actions'
import { ActionButton, FormOutcome } from '@/components/ui/action-button'
import { ActionForm, useActionForm } from '@/components/ui/action-form'

export function InviteCaseAdminForm({ supportIdCode }: { supportIdCode: string }) {
  const f = useActionForm(inviteCaseAdminAction.bind(null, supportIdCode))
  const id = `invite-${supportIdCode}`
  return (
    <ActionForm form={f} className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" noValidate>
      <FormOutcome
        error={f.error && !f.fields.email ? f.error : null}
        success={
          f.data && (
            <>
              Invitation sent to {f.data.email}. They become Case Administrator of {f.data.supportIdCode} when they accept it.
            </>
          )
        }
      />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <Field
            label={`Invite a Case Administrator for ${supportIdCode}`}
            htmlFor={id}
            hint="A person of your organisation; without an account they register through the link."
            error={f.fields.email}
          >
            <input
              id={id}
              name="email"
              type="email"
              required
              autoComplete="off"
              placeholder="name@example.com"
              aria-invalid={Boolean(f.fields.email)}
              className={inputClass}
            />
          </Field>
        </div>
        <Button type="submit" disabled={f.pending} className="mb-0.5">
          {f.pending ? 'Sending…' : 'Send invitation'}
        </Button>
      </div>
    </ActionForm>
  )
}

export function RemoveCaseAdminButton({ supportIdCode, userId, name }: { supportIdCode: string; userId: string; name: string }) {
  return (
    <ActionButton
      run={() => removeCaseAdminAction(supportIdCode, userId)}
      confirm={`Remove ${name} as Case Administrator of ${supportIdCode}? It applies at once.`}
      label={`Remove ${name} as Case Administrator of ${supportIdCode}`}
      pendingLabel="Removing…"
    >
      Remove
    </ActionButton>
  )
}

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  return (
    <ActionButton run={() => revokeInvitationAction(invitationId)} label={`Withdraw the invitation to ${email}`} pendingLabel="Withdrawing…">
      Withdraw
    </ActionButton>
  )
}

export function PartnerActions({ grantId, status, partner, supportIdCode }: { grantId: string; status: string; partner: string; supportIdCode: string }) {
  if (status === 'PENDING') {
    return (
      <span className="flex gap-2">
        <ActionButton
          variant="primary"
          run={() => decidePartnerGrantAction(grantId, 'approve')}
          label={`Approve ${partner} on ${supportIdCode}`}
          pendingLabel="Approving…"
        >
          Approve
        </ActionButton>
        <ActionButton run={() => decidePartnerGrantAction(grantId, 'decline')} label={`Decline ${partner} on ${supportIdCode}`} pendingLabel="Declining…">
          Decline
        </ActionButton>
      </span>
    )
  }
  if (status === 'APPROVED') {
    return (
      <ActionButton
        variant="danger"
        run={() => decidePartnerGrantAction(grantId, 'revoke')}
        confirm={`Revoke ${partner}'s access to ${supportIdCode}? They lose it on their next request.`}
        label={`Revoke ${partner} on ${supportIdCode}`}
        pendingLabel="Revoking…"
      >
        Revoke
      </ActionButton>
    )
  }
  return null
}
