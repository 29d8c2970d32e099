import 'server-only'
import { z } from 'zod'
import { zText } from '@/lib/text'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { notFound, parseInput } from '@/server/errors'

export const ZKbSearchInput = z.object({
  q: zText('Search').trim().max(2_000, 'Search with at most 2000 characters').default(''),
  take: z.coerce.number().int().min(1).max(50).default(10),
})

// Words that say nothing about the problem; the rest are OR-ed, so a case's own description finds
// articles that share any of its terms, best match first.
const WORD = /[\p{L}\p{N}]{3,}/gu

/** Knowledge-base articles matching the words of a case (title and description), ranked. */
export async function searchKnowledgeBase({ input }: { input: unknown }) {
  const { q, take } = parseInput(ZKbSearchInput, input)
  const terms = [...new Set((q.toLowerCase().match(WORD) ?? []).slice(0, 40))]
  if (terms.length === 0) {
    return prisma.kbArticle.findMany({ orderBy: { title: 'asc' }, take, select: { id: true, slug: true, title: true, summary: true, tags: true } })
  }
  const query = terms.join(' | ')
  return prisma.$queryRaw<{ id: string; slug: string; title: string; summary: string; tags: string[]; rank: number }[]>`
    SELECT id, slug, title, summary, tags,
           ts_rank(setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary || ' ' || array_to_string(tags, ' ')), 'B') || to_tsvector('english', body), to_tsquery('english', ${query}))::float AS rank
    FROM "KbArticle"
    WHERE (to_tsvector('english', title || ' ' || summary || ' ' || array_to_string(tags, ' ') || ' ' || body)) @@ to_tsquery('english', ${query})
    ORDER BY rank DESC, title ASC
    LIMIT ${take}`
}

export async function getKbArticle({ slug }: { slug: string }) {
  const article = await prisma.kbArticle.findUnique({ where: { slug }, include: { product: { select: { name: true } } } })
  if (!article) throw notFound('That article')
  return article
}

export const ZDeflectionInput = z
  .object({
    articleId: zText('articleId', 'Which article solved it?').trim().min(1, 'Which article solved it?').max(64),
    query: zText('query').trim().max(2_000).default(''),
  })
  .strict()

/** "This solved it" on the case form: a case that did not need opening, counted per article. */
export async function recordDeflection({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const data = parseInput(ZDeflectionInput, input)
  const article = await prisma.kbArticle.findUnique({ where: { id: data.articleId }, select: { id: true } })
  if (!article) throw notFound('That article')
  const d = await prisma.deflection.create({ data: { userId: actor.id, articleId: article.id, query: data.query, at: now }, select: { id: true, at: true } })
  return { id: d.id, at: d.at }
}
