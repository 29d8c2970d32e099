import 'server-only'
import busboy from 'busboy'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'
import { env } from '@/env'
import type { Actor } from '@/server/auth/actor'
import { AppError } from '@/server/errors'
import { formatBytes } from '@/lib/cases/uploads'
import { BlobTooLarge } from '@/server/storage/blob-store'
import { findCaseTakingFiles, uploadAttachment } from './attachments'

// Room for the multipart framing around the one file (boundaries, part headers, the file name).
const MULTIPART_SLACK = 64 * 1024

/**
 * An upload as it arrives over HTTP: multipart/form-data with one file in the field "file",
 * parsed as a stream (busboy) and piped to the blob store, so memory stays flat whatever the
 * size (decision 0011). A Content-Length over the limit is refused before any byte is read; an
 * absent or lying one is caught by counting while streaming. Either way: 413, no file, no row.
 */
export async function uploadAttachmentFromRequest({ actor, number, request, now }: { actor: Actor; number: number; request: Request; now: Date }) {
  const type = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data/i.test(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the file as multipart/form-data in a field named "file"')
  const length = Number(request.headers.get('content-length') ?? NaN)
  if (length > env.UPLOAD_MAX_BYTES + MULTIPART_SLACK) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The upload is ${formatBytes(length)}: the limit is ${formatBytes(env.UPLOAD_MAX_BYTES)} per file. Split the archive or ask your engineer for another channel.`,
    )
  }
  if (!request.body) throw new AppError('BAD_REQUEST', 'Send the file in a field named "file"')
  await findCaseTakingFiles({ actor, number }) // 404 / 409 before reading the body

  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': type },
      defParamCharset: 'utf8', // browsers send UTF-8 file names
      // One more byte than allowed reaches the counter in the store, which refuses it.
      limits: { files: 1, fileSize: env.UPLOAD_MAX_BYTES + 1, fields: 10, fieldSize: 4096, parts: 20, headerPairs: 20 },
    })
  } catch {
    throw new AppError('BAD_REQUEST', 'The upload could not be read as multipart/form-data')
  }
  const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>)
  const part = new Promise<{ name: string; stream: Readable }>((resolve, reject) => {
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') return stream.resume()
      resolve({ name: info.filename ?? '', stream })
    })
    parser.on('error', () => reject(new AppError('BAD_REQUEST', 'The upload could not be read as multipart/form-data')))
    parser.on('close', () => reject(new AppError('BAD_REQUEST', 'Send the file in a field named "file"')))
  })
  // A broken or aborted body reaches the file stream through busboy (it is destroyed with the error).
  source.on('error', (error) => parser.destroy(error))
  source.pipe(parser)
  try {
    const { name, stream } = await part
    return await uploadAttachment({ actor, number, file: { name, stream: readOrBadRequest(stream) }, now })
  } finally {
    // Whatever is left of the body is read and dropped (flat memory), so the client gets the answer.
    source.unpipe(parser)
    parser.removeAllListeners('file')
    source.resume()
  }
}

/**
 * The file part's bytes; a form that ends mid-file is the sender's fault (400), not ours. A file
 * the parser already cut at the limit is too large whatever follows: the parser can reach the
 * body's unfinished end before the store has read the last bytes it was given, and the sender
 * must still be told the file is too large (413), not that the form was incomplete.
 */
async function* readOrBadRequest(stream: Readable & { truncated?: boolean }): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array
  } catch {
    if (stream.truncated) throw new BlobTooLarge(env.UPLOAD_MAX_BYTES)
    throw new AppError('BAD_REQUEST', 'The upload ended before the file was complete; nothing was stored')
  }
}
