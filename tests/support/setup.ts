// Per-file setup: a console.error during a test is a failure (something went wrong unnoticed).
import { afterEach, beforeEach, expect, vi } from 'vitest'

let errors: unknown[][] = []
beforeEach(() => {
  errors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  expect(errors, 'console.error was called during the test').toEqual([])
})
