'use client'

import { useState } from 'react'
import { signIn } from 'next-auth/react'
import { Alert, Button, Field, inputClass } from '@/components/ui'

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError)
  const [pending, setPending] = useState(false)

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setPending(true)
    setError(undefined)
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    })
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl)
      return
    }
    setPending(false)
    setError(
      result?.error && result.error !== 'CredentialsSignin' ? result.error : 'That e-mail and password do not match an account. Check both and try again.',
    )
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      {error && <Alert>{error}</Alert>}
      <Field label="E-mail" htmlFor="email">
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </Field>
      <Field label="Password" htmlFor="password">
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
