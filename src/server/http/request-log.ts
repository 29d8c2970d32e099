// One JSON line per request (issue 14): method, path, status, duration, the signed-in user's id, the
// number of database statements it made (issue 13) and a request id, which the response also carries
// as X-Request-Id. No query strings, bodies or secrets: the secret segment of an invitation link is
// replaced by its route parameter's name.
// Node only: installed by src/server/http/peer-address.ts's request hook, before Next sees the request.
import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import type http from 'node:http'
import pino from 'pino'

type RequestContext = { id: string; userId?: string; queries: number }

// One store per process, whichever bundle imports this module (the instrumentation hook that
// starts a request's context and the routes that note its user are bundled apart).
const KEY = Symbol.for('portal.request-context')
const context: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>
export const logger = pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime })

/** An id a proxy in front may have set (kept, so one id follows the request); anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/
/** Path segments that are secrets: logged as their parameter's name. */
const SECRET_SEGMENTS: [RegExp, string][] = [[/^\/invite\/[^/]+/, '/invite/[token]']]

export function loggedPath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!
  return SECRET_SEGMENTS.reduce((p, [pattern, name]) => p.replace(pattern, name), path)
}

/** Runs `handle` (Next's handling of the request) inside the request's context and logs its end. */
export function withRequestLog<T>(req: http.IncomingMessage, res: http.ServerResponse, handle: () => T): T {
  const incoming = req.headers['x-request-id']
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
  req.headers['x-request-id'] = id
  res.setHeader('X-Request-Id', id)
  const ctx: RequestContext = { id, queries: 0 }
  const started = process.hrtime.bigint()
  res.once('close', () => {
    logger.info(
      {
        requestId: id,
        method: req.method,
        path: loggedPath(req.url),
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: ctx.userId ?? null,
        queries: ctx.queries,
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      'request',
    )
  })
  return context.run(ctx, handle)
}

/** Records who the request acts for (called where the actor is resolved); nothing outside a request. */
export function noteRequestUser(userId: string): void {
  const ctx = context.getStore()
  if (ctx) ctx.userId = userId
}

/** Counts one database statement against the request being served (the Prisma client's query event). */
export function noteQuery(): void {
  const ctx = context.getStore()
  if (ctx) ctx.queries++
}
