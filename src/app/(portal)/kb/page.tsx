import type { Metadata } from 'next'
import Link from 'next/link'
import { Badge, Card, EmptyState, PageHeader, buttonClass, inputClass } from '@/components/ui'
import { requirePageActor } from '@/server/auth/actor'
import { searchKnowledgeBase } from '@/server/kb/search-kb'

export const metadata: Metadata = { title: 'Knowledge base' }

export default async function KnowledgeBasePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requirePageActor()
  const { q = '' } = await searchParams
  const articles = await searchKnowledgeBase({ input: { q: q.slice(0, 2000), take: 50 } })
  return (
    <>
      <PageHeader title="Knowledge base" description="Solutions to common problems, before you open a case." />
      <form role="search" className="mb-6 flex max-w-2xl gap-2">
        <label htmlFor="kb-q" className="sr-only">
          Search the knowledge base
        </label>
        <input id="kb-q" name="q" defaultValue={q} placeholder="Describe the problem, e.g. backup fails insufficient space" className={inputClass} />
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
      </form>
      {articles.length === 0 ? (
        <EmptyState title="No article matches">
          Try other words, or{' '}
          <Link href="/cases/new" className="text-brand-600 underline">
            open a case
          </Link>
          .
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {articles.map((a) => (
              <li key={a.id} className="px-5 py-4">
                <Link href={`/kb/${a.slug}`} className="font-medium text-brand-700 hover:underline">
                  {a.title}
                </Link>
                <p className="mt-1 text-sm text-slate-600">{a.summary}</p>
                <div className="mt-2 flex flex-wrap gap-1">
                  {a.tags.map((t) => (
                    <Badge key={t}>{t}</Badge>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  )
}
