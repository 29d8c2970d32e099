'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { signIn } from 'next-auth/react'
import { Alert, Button, Field, inputClass } from '@/components/ui'
import { ActionForm, useActionForm } from '@/components/ui/action-form'
import { useAction } from '@/components/ui/action-button'
import { acceptInvitationAction } from '@/app/invite/[token]/actions'
import { PASSWORD_MIN } from '@/lib/organisation/schemas'

export function AcceptInvitation({ token }: { token: string }) {
  const [accepted, setAccepted] = useState<string | null>(null)
  const accept = useAction(acceptInvitationAction, (data) => setAccepted(data.supportIdCode))
  if (accepted) {
    return (
      <Alert tone="green" title={`You are now a Case Administrator of ${accepted}`}>
        <Link className="underline" href="/cases">
          Go to your cases
        </Link>
      </Alert>
    )
  }
  return (
    <div className="space-y-3">
      {accept.error && <Alert>{accept.error}</Alert>}
      <Button type="button" disabled={accept.pending} onClick={() => accept.run(token)}>
        {accept.pending ? 'Accepting…' : 'Accept invitation'}
      </Button>
    </div>
  )
}

type RegisterResult = { ok: true; data: { email: string } } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }

/** POST /invite/{token}/register (public: the token is the credential). */
async function register(token: string, body: Record<string, FormDataEntryValue | null>): Promise<RegisterResult> {
  try {
    const res = await fetch(`/invite/${encodeURIComponent(token)}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await res.json()) as { email?: string; error?: { code: string; message: string; details?: { path: string; message: string }[] } }
    if (res.ok && json.email) return { ok: true, data: { email: json.email } }
    const fields = Array.isArray(json.error?.details) ? Object.fromEntries(json.error.details.map((d) => [d.path, d.message])) : undefined
    return { ok: false, error: { code: json.error?.code ?? 'INTERNAL', message: json.error?.message ?? 'Something went wrong; try again.', fields } }
  } catch {
    return { ok: false, error: { code: 'UNREACHABLE', message: 'The portal could not be reached; check your connection and try again.' } }
  }
}

/** Registers through the link, then signs in with the new account and goes to the cases. */
export function RegisterFromInvitation({ token, email }: { token: string; email: string }) {
  const router = useRouter()
  const [signInFailed, setSignInFailed] = useState(false)
  // Registration is a route handler (the token is the credential), bound like every other form.
  const form = useActionForm(
    async (_prev: unknown, data: FormData): Promise<RegisterResult> => {
      const result = await register(token, { name: data.get('name'), password: data.get('password'), confirmPassword: data.get('confirmPassword') })
      if (!result.ok) return result
      const signedIn = await signIn('credentials', { email: result.data.email, password: String(data.get('password') ?? ''), redirect: false })
      if (signedIn?.ok && !signedIn.error) router.push('/cases')
      else setSignInFailed(true)
      return result
    },
    { resetOnSuccess: false },
  )
  const { state, pending, fields } = form

  if (state?.ok) {
    return signInFailed ? (
      <Alert tone="amber">
        Your account was created, but signing in failed:{' '}
        <Link className="underline" href="/signin">
          sign in
        </Link>{' '}
        with your e-mail and new password.
      </Alert>
    ) : (
      <Alert tone="green" title="Account created">
        You are a Case Administrator now. Signing you in…
      </Alert>
    )
  }
  return (
    <ActionForm form={form} className="space-y-4" noValidate>
      <p className="text-sm text-slate-700">
        You have no account yet: create one for <strong>{email}</strong> to accept.
      </p>
      {state && !state.ok && !Object.keys(fields).length && <Alert>{state.error.message}</Alert>}
      <Field label="E-mail" htmlFor="invite-email">
        <input id="invite-email" value={email} readOnly className={`${inputClass} bg-slate-50`} />
      </Field>
      <Field label="Your name" htmlFor="invite-name" error={fields.name}>
        <input id="invite-name" name="name" required autoComplete="name" maxLength={120} aria-invalid={Boolean(fields.name)} className={inputClass} />
      </Field>
      <Field label="Password" htmlFor="invite-password" hint={`At least ${PASSWORD_MIN} characters.`} error={fields.password}>
        <input
          id="invite-password"
          name="password"
          type="password"
          required
          minLength={PASSWORD_MIN}
          autoComplete="new-password"
          aria-invalid={Boolean(fields.password)}
          className={inputClass}
        />
      </Field>
      <Field label="Repeat the password" htmlFor="invite-confirm" error={fields.confirmPassword}>
        <input
          id="invite-confirm"
          name="confirmPassword"
          type="password"
          required
          autoComplete="new-password"
          aria-invalid={Boolean(fields.confirmPassword)}
          className={inputClass}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account and accept'}
      </Button>
    </ActionForm>
  )
}
