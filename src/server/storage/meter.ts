import 'server-only'
import { createHash } from 'node:crypto'
import { Transform } from 'node:stream'

/** A body went past the store's `maxBytes`: the write was aborted and nothing is kept. */
export class BlobTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The body exceeds ${maxBytes} bytes`)
    this.name = 'BlobTooLarge'
  }
}

/**
 * Counts and hashes what flows through; refuses the byte past the limit. Every blob store pipes
 * its bodies through one of these, so the size and sha256 recorded for a file mean the same
 * whatever the backend.
 */
export function meter(maxBytes: number) {
  const hash = createHash('sha256')
  let size = 0
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength
      if (size > maxBytes) return done(new BlobTooLarge(maxBytes))
      hash.update(chunk)
      done(null, chunk)
    },
  })
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) }
}
