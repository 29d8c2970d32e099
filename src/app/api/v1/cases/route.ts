import { authedRoute, created, readJson } from '@/server/api/handler'
import { queryOf } from '@/server/api/params'
import { listCases } from '@/server/cases/list-cases'
import { NextResponse } from 'next/server'
import { openCaseOnce } from '@/server/cases/open-case'

// { cases, total, page, pageSize, pages }: `cases` as before, the page's cases (decision 0016).
export const GET = authedRoute(async ({ actor, req }) => listCases({ actor, input: queryOf(req), now: new Date() }))

// An Idempotency-Key header makes a retried or doubled request answer with the case the first one
// opened (200, Idempotent-Replayed: true) instead of opening another (decision 0009).
export const POST = authedRoute(async ({ actor, req }) => {
  const { result, replayed } = await openCaseOnce({
    actor,
    input: await readJson(req),
    now: new Date(),
    idempotencyKey: req.headers.get('idempotency-key') ?? undefined,
  })
  return replayed ? NextResponse.json(result, { status: 200, headers: { 'Idempotent-Replayed': 'true' } }) : created(result)
})
