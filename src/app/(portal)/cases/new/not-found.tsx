import type { Metadata } from 'next'
import Link from 'next/link'
import { Alert, Card, PageHeader } from '@/components/ui'
import { requirePageActor } from '@/server/auth/actor'
import { explainCaseRights } from '@/server/support-ids/list-for-cases'

// The page refuses (404) whoever may not open cases (src/lib/page-access.ts): tell them why and
// who can help, instead of a bare "not found".
export const metadata: Metadata = { title: 'You cannot open cases' }

export default async function CannotOpenCases() {
  const actor = await requirePageActor()
  const why = await explainCaseRights({ actor })
  return (
    <>
      <PageHeader title="Open a case" />
      <Card className="max-w-2xl p-6">
        <Alert tone="amber" title="You cannot open cases yet">
          {why.kind === 'vendor' && <p>Vendor staff do not open cases: customers and their partners do.</p>}
          {why.kind === 'customer' && (
            <>
              <p>
                Only License Administrators, Case Administrators and approved Support Partners may open cases. You can still search the{' '}
                <Link href="/kb" className="font-medium underline">
                  knowledge base
                </Link>
                .
              </p>
              {why.licenseAdministrators.length > 0 ? (
                <p className="mt-2">
                  Ask a License Administrator of {actor.organisationName} to make you a Case Administrator:{' '}
                  {why.licenseAdministrators.map((a) => `${a.name} (${a.email})`).join(', ')}.
                </p>
              ) : (
                <p className="mt-2">{actor.organisationName} has no License Administrator in the portal yet: contact your account team.</p>
              )}
            </>
          )}
          {why.kind === 'partner' && (
            <>
              <p>A partner opens cases on a customer&apos;s Support ID once one of the customer&apos;s administrators approves its request.</p>
              {why.grants.length > 0 && (
                <ul className="mt-2 list-disc pl-5">
                  {why.grants.map((g) => (
                    <li key={g.supportId}>
                      {g.supportId}:{' '}
                      {g.status === 'PENDING'
                        ? 'your request is pending approval'
                        : g.status === 'DECLINED'
                          ? 'your request was declined'
                          : 'access was revoked'}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Alert>
      </Card>
    </>
  )
}
