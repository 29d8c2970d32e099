import type { Metadata } from 'next'
import { EmptyState, PageHeader } from '@/components/ui'
import { requirePageActor } from '@/server/auth/actor'

// The page refuses (404) whoever administers no Support ID (src/lib/page-access.ts): say who can help.
export const metadata: Metadata = { title: 'Organisation not available' }

export default async function NoOrganisationPage() {
  const actor = await requirePageActor()
  return (
    <>
      <PageHeader title="Organisation" />
      <EmptyState title="You administer no Support ID">
        {actor.orgKind === 'CUSTOMER'
          ? `License Administrators and Case Administrators manage their Support IDs here. Ask a License Administrator of ${actor.organisationName} to invite you as a Case Administrator.`
          : 'Customer administration is for the customer’s own License and Case Administrators.'}
      </EmptyState>
    </>
  )
}
