import 'server-only'
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AppError, validationError } from '@/server/errors'
import { requireActor, type Actor } from '@/server/auth/actor'
import { assertDeclaredLength, assertSameOriginWrite, JSON_BODY_MAX_BYTES, readLimitedText } from './request-guards'

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } }

export function errorResponse(error: AppError): NextResponse<ApiErrorBody> {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } }
  if (error.details !== undefined) body.error.details = error.details
  return NextResponse.json(body, { status: error.status, headers: NO_STORE })
}

// API answers are personal: no browser or shared cache may keep them (decision 0007).
const NO_STORE = { 'cache-control': 'no-store' }

export function toErrorResponse(error: unknown): NextResponse<ApiErrorBody> {
  if (error instanceof AppError) return errorResponse(error)
  if (error instanceof z.ZodError) return errorResponse(validationError(error))
  console.error(error)
  return errorResponse(new AppError('INTERNAL', 'Something went wrong on our side; nothing was changed'))
}

type Ctx<P> = { params: Promise<P> }

/**
 * An authenticated JSON route: the actor is resolved (cookie or bearer token) before the body
 * runs, so a handler cannot forget authentication; typed errors become `{ error }` responses.
 * Before that, every request passes the checks no route may forget (decision 0007): a declared
 * body over its limit is refused (413), and a cookie-authenticated write from another origin (403).
 */
export function authedRoute<P = Record<string, never>>(run: (args: { actor: Actor; req: Request; params: P }) => Promise<Response | unknown>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      assertDeclaredLength(req)
      if (!req.headers.get('authorization')?.startsWith('Bearer ')) assertSameOriginWrite(req)
      const actor = await requireActor()
      const result = await run({ actor, req, params: await ctx.params })
      const response = result instanceof Response ? result : NextResponse.json(result)
      if (!response.headers.has('cache-control')) {
        try {
          response.headers.set('cache-control', 'no-store')
        } catch {
          // An immutable Response (Response.redirect): leave it as it is.
        }
      }
      return response
    } catch (error) {
      return toErrorResponse(error)
    }
  }
}

/** Reads a JSON body, refusing a wrong content type or malformed JSON with a clear 4xx. */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? ''
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json')
  }
  assertDeclaredLength(req)
  // Counted while it streams too: a body without (or lying about) Content-Length stops at the limit.
  const text = await readLimitedText(req, JSON_BODY_MAX_BYTES)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new AppError('BAD_REQUEST', 'The body is not valid JSON')
  }
}

export const created = (body: unknown) => NextResponse.json(body, { status: 201 })
