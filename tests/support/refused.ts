// The one check of a refusal: the call throws an AppError with this code and a message matching
// `message`, and, given a footprint (the rows the test's own world may change), writes nothing.
import { expect } from 'vitest'
import { AppError, type ErrorCode } from '@/server/errors'

export async function expectRefused(call: () => Promise<unknown>, code: ErrorCode, message: RegExp, footprint?: () => Promise<unknown>): Promise<AppError> {
  const before = footprint ? await footprint() : undefined
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, 'the call should have been refused').toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe(code)
  expect((error as AppError).message).toMatch(message)
  if (footprint) expect(await footprint(), 'a refused call must write nothing').toEqual(before)
  return error as AppError
}
