import type { Metadata } from 'next'
import Link from 'next/link'
import { Alert, Card, LinkButton } from '@/components/ui'
import { AcceptInvitation, RegisterFromInvitation } from './_components/invitation-forms'
import { SignOutButton } from '@/components/layout/sign-out-button'
import { currentActor } from '@/server/auth/actor'
import { AppError } from '@/server/errors'
import { getInvitation } from '@/server/organisation/invitations'
import { formatInstant } from '@/lib/format'

// The token is a secret: never send it onwards in a Referer header.
export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' }

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const [actor, invitation] = await Promise.all([
    currentActor(),
    getInvitation({ token, now: new Date() }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null
      throw e
    }),
  ])
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">Vault Software</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">Case Administrator invitation</h1>
        </div>
        <Card className="space-y-4 p-6">
          {!invitation ? (
            <Alert title="This invitation link is not valid">
              Check that you opened the whole link from the e-mail, or ask your License Administrator for a new invitation.
            </Alert>
          ) : (
            <>
              <p className="text-sm text-slate-700">
                {invitation.invitedBy} invited <strong>{invitation.email}</strong> to be a Case Administrator of {invitation.organisation}&apos;s Support ID{' '}
                <strong className="font-mono">{invitation.supportIdCode}</strong>: to open, update, escalate and close support cases on it.
              </p>
              {invitation.state === 'accepted' && (
                <Alert tone="green" title="This invitation was accepted">
                  <Link className="underline" href="/cases">
                    Go to your cases
                  </Link>
                </Alert>
              )}
              {invitation.state === 'revoked' && <Alert title="This invitation was withdrawn">Ask your License Administrator if you still need access.</Alert>}
              {invitation.state === 'expired' && (
                <Alert title="This invitation has expired">
                  It expired on {formatInstant(invitation.expiresAt, actor?.timeZone ?? 'UTC')}. Ask your License Administrator for a new one.
                </Alert>
              )}
              {invitation.state === 'pending' &&
                (actor ? (
                  actor.email.toLowerCase() === invitation.email ? (
                    <AcceptInvitation token={token} />
                  ) : (
                    <Alert tone="amber" title={`You are signed in as ${actor.email}`}>
                      <p>
                        This invitation is for {invitation.email}. Sign out, then open the link again and sign in (or register) as {invitation.email}.
                      </p>
                      <div className="mt-2">
                        <SignOutButton />
                      </div>
                    </Alert>
                  )
                ) : invitation.accountExists ? (
                  <div className="space-y-3">
                    <p className="text-sm text-slate-700">You already have an account: sign in as {invitation.email} to accept.</p>
                    <LinkButton href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Sign in to accept</LinkButton>
                  </div>
                ) : (
                  <RegisterFromInvitation token={token} email={invitation.email} />
                ))}
            </>
          )}
        </Card>
      </div>
    </main>
  )
}
