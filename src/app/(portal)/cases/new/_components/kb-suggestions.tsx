'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { Alert, Card } from '@/components/ui'
import { deflectAction } from '../../actions'

type Article = { id: string; slug: string; title: string; summary: string }

/** Knowledge-base articles matching what the customer has typed so far, each with "This solved it" (a deflection: no case is needed). */
export function Suggestions({ query }: { query: string }) {
  const [articles, setArticles] = useState<Article[]>([])
  const [solvedBy, setSolvedBy] = useState<Article | null>(null)
  const debounced = useDebounced(query, 400)
  useEffect(() => {
    if (debounced.length < 4) return
    const controller = new AbortController()
    fetch(`/api/v1/kb?take=5&q=${encodeURIComponent(debounced.slice(0, 2000))}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : { articles: [] }))
      .then((body: { articles: Article[] }) => setArticles(body.articles))
      .catch(() => {})
    return () => controller.abort()
  }, [debounced])
  const shown = debounced.length < 4 ? [] : articles
  if (solvedBy) {
    return (
      <Alert tone="green" title="Glad that solved it">
        No case is needed.{' '}
        <Link href={`/kb/${solvedBy.slug}`} className="underline">
          {solvedBy.title}
        </Link>{' '}
        stays in the knowledge base.
      </Alert>
    )
  }
  if (shown.length === 0) return null
  return (
    <Card className="p-5">
      <h2 className="text-sm font-semibold">Did one of these solve it?</h2>
      <ul className="mt-3 space-y-3" aria-label="Knowledge-base suggestions">
        {shown.map((a) => (
          <li key={a.id} className="text-sm">
            <Link href={`/kb/${a.slug}`} target="_blank" className="font-medium text-brand-700 hover:underline">
              {a.title}
            </Link>
            <p className="text-xs text-slate-600">{a.summary}</p>
            <button
              type="button"
              className="mt-1 text-xs font-medium text-green-700 hover:underline"
              onClick={() => void deflectAction(a.id, query).then((r) => r.ok && setSolvedBy(a))}
            >
              This solved it
            </button>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-500">
        Also search the{' '}
        <a className="underline" href={`https://docs.vendor.example/search?q=${encodeURIComponent(query.slice(0, 200))}`} target="_blank" rel="noreferrer">
          technical documentation
        </a>{' '}
        and the{' '}
        <a className="underline" href={`https://forums.vendor.example/search?q=${encodeURIComponent(query.slice(0, 200))}`} target="_blank" rel="noreferrer">
          community forums
        </a>
        .
      </p>
    </Card>
  )
}

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}
