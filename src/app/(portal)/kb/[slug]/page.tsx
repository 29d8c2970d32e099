import type { Metadata } from 'next'
import Link from 'next/link'
import { Badge, Card } from '@/components/ui'
import { requirePageActor } from '@/server/auth/actor'
import { getKbArticle } from '@/server/kb/search-kb'
import { orNotFound } from '@/server/access/page-access'

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const article = await getKbArticle({ slug: (await params).slug }).catch(() => null)
  return { title: article ? `${article.title} · Knowledge base` : 'Knowledge base' }
}

export default async function ArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageActor()
  const { slug } = await params
  const article = await orNotFound(getKbArticle({ slug }))
  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm text-slate-500">
        <Link href="/kb" className="hover:underline">
          Knowledge base
        </Link>{' '}
        / {article.slug.toUpperCase()}
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{article.title}</h1>
      <div className="mt-2 flex flex-wrap gap-1">
        {article.product && <Badge tone="blue">{article.product.name}</Badge>}
        {article.tags.map((t) => (
          <Badge key={t}>{t}</Badge>
        ))}
      </div>
      <Card className="mt-6 p-6">
        <p className="whitespace-pre-wrap text-sm leading-relaxed text-slate-800">{article.body}</p>
      </Card>
      <p className="mt-6 text-sm text-slate-600">
        Not solved?{' '}
        <Link href="/cases/new" className="font-medium text-brand-600 hover:underline">
          Open a case
        </Link>{' '}
        and mention {article.slug.toUpperCase()}.
      </p>
    </article>
  )
}
