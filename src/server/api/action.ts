import 'server-only'
import { z } from 'zod'
import { AppError, validationError } from '@/server/errors'
import { requireActor, type Actor } from '@/server/auth/actor'
import { checkActionShape, type ActionShape } from './action-input'

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }

/**
 * Runs a Server Action body for the signed-in actor. A Server Action is a public endpoint: the
 * actor is re-checked here, whatever page rendered the form, and its arguments are checked against
 * `shape` (anything but the expected FormData, ids and numbers is a 400). Typed errors become form messages.
 */
export async function runAction<T>(run: (actor: Actor) => Promise<T>, shape?: ActionShape): Promise<ActionResult<T>> {
  try {
    const actor = await requireActor()
    if (shape) checkActionShape(shape)
    return { ok: true, data: await run(actor) }
  } catch (error) {
    const appError = error instanceof z.ZodError ? validationError(error) : error
    if (appError instanceof AppError) {
      const fields = Array.isArray(appError.details)
        ? Object.fromEntries((appError.details as { path: string; message: string }[]).map((d) => [d.path, d.message]))
        : undefined
      return { ok: false, error: { code: appError.code, message: appError.message, fields } }
    }
    console.error(error)
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side; nothing was changed.' } }
  }
}
