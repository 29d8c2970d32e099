import { randomUUID } from 'node:crypto'
import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui'
import { env } from '@/env'
import { requirePageActor } from '@/server/auth/actor'
import { requirePage } from '@/server/access/page-access'
import { listSupportIdsForCases } from '@/server/support-ids/list-for-cases'
import { NewCaseForm } from './_components/new-case-form'

export const metadata: Metadata = { title: 'Open a case' }

export default async function NewCasePage({ searchParams }: { searchParams: Promise<{ related?: string; supportId?: string }> }) {
  const actor = await requirePageActor()
  // Without a Support ID to open cases for, this page is not theirs: not-found.tsx says why.
  await requirePage(actor, '/cases/new')
  const { related, supportId } = await searchParams
  const supportIds = await listSupportIdsForCases({ actor, now: new Date() })
  return (
    <>
      <PageHeader title="Open a case" description="Tell us what is wrong. We show the response target of your contract before you submit." />
      <NewCaseForm
        supportIds={supportIds}
        viewerTimeZone={actor.timeZone}
        initialSupportId={supportId && supportIds.some((s) => s.code === supportId) ? supportId : undefined}
        relatedCaseNumber={related && /^\d+$/.test(related) ? related : undefined}
        idempotencyKey={randomUUID()} // one per rendered form: a double submit opens one case (decision 0009)
        uploadMaxBytes={env.UPLOAD_MAX_BYTES}
      />
    </>
  )
}
