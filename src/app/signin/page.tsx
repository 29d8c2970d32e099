import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { dbTarget } from '@/env'
import { currentActor } from '@/server/auth/actor'
import { homePath } from '@/server/access/page-access'
import { DEMO_ACCOUNTS } from '@/lib/demo-accounts'
import { sameOriginPath } from '@/lib/safe-redirect'
import { SignInForm } from './sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams
  const actor = await currentActor()
  if (actor) redirect(await homePath(actor))
  // Only same-origin paths, parsed as a browser would: an open redirect after sign-in would be a phishing aid.
  const safeCallback = sameOriginPath(callbackUrl)
  const demo = dbTarget().kind === 'pglite'
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">Vault Software</p>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight">Support Portal</h1>
          <p className="mt-2 text-sm text-slate-600">Open and follow cases under your support contract.</p>
        </div>
        <SignInForm callbackUrl={safeCallback} initialError={error ? 'Sign-in failed. Check your e-mail and password.' : undefined} />
        {demo && (
          <details className="mt-6 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <summary className="cursor-pointer font-medium text-slate-800">Demo sign-ins (password: demo-password)</summary>
            <ul className="mt-3 space-y-1.5">
              {DEMO_ACCOUNTS.map((a) => (
                <li key={a.email} className="flex justify-between gap-3">
                  <code className="text-slate-900">{a.email}</code>
                  <span className="text-right text-slate-500">{a.role}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </main>
  )
}
