// The upload route's streaming path (issue 11): multipart parsed as a stream, counted and hashed
// on the way to the store, cut off past the limit whatever Content-Length claims, and a refusal
// leaves neither a file nor a row nor a case event.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { env } from '@/env'
import { prisma } from '@/server/db/client'
import { readAttachment } from '@/server/cases/attachments'
import { uploadAttachmentFromRequest } from '@/server/cases/upload-request'
import { AppError } from '@/server/errors'
import type { Actor } from '@/server/auth/actor'
import { createWorld, type World } from '../support/world'
import { makeCaseWithDeadline } from '../support/make-case'

const NOW = new Date('2026-11-20T15:00:00Z')
const MiB = 1024 * 1024
const BOUNDARY = '----portal-test-boundary'

let w: World
beforeAll(async () => {
  w = await createWorld(NOW)
})

// 1 MiB of a fixed, non-repeating-within-the-chunk pattern; files are made of these chunks.
const CHUNK = Buffer.alloc(MiB)
for (let i = 0; i < CHUNK.length; i++) CHUNK[i] = (i * 31 + (i >> 8)) & 0xff

type Body = { stream: ReadableStream<Uint8Array>; pulled: () => number; sha256: () => string }

/** A multipart body streamed chunk by chunk (never built whole), recording how much was read. */
function multipart({ name, size, field = 'file', truncate = false }: { name: string; size: number; field?: string; truncate?: boolean }): Body {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  )
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
  const hash = createHash('sha256')
  let pulled = 0
  let sent = 0
  let stage: 'head' | 'file' | 'tail' | 'done' = 'head'
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const push = (b: Buffer) => {
          pulled += b.length
          controller.enqueue(new Uint8Array(b))
        }
        if (stage === 'head') {
          push(head)
          stage = 'file'
        } else if (stage === 'file') {
          const n = Math.min(CHUNK.length, size - sent)
          const piece = CHUNK.subarray(0, n)
          hash.update(piece)
          sent += n
          push(piece)
          if (sent >= size) stage = truncate ? 'done' : 'tail'
        } else if (stage === 'tail') {
          push(tail)
          stage = 'done'
        } else controller.close()
      },
    },
    { highWaterMark: 0 }, // nothing is read before the server asks for it
  )
  return { stream, pulled: () => pulled, sha256: () => hash.digest('hex') }
}

const request = (body: Body, headers: Record<string, string> = {}) =>
  new Request('http://portal.test/api/v1/cases/1/attachments', {
    method: 'POST',
    body: body.stream,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    duplex: 'half',
  } as RequestInit)

/** Everything an upload could leave behind for a case: rows, events, files on disk. */
async function footprint(caseId: string) {
  const dir = path.resolve(env.UPLOAD_DIR, caseId)
  return {
    attachments: await prisma.attachment.count({ where: { caseId } }),
    events: await prisma.caseEvent.count({ where: { caseId } }),
    version: (await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version,
    files: fs.existsSync(dir) ? fs.readdirSync(dir).length : 0,
  }
}

async function refusedUpload(c: { id: string; number: number }, actor: Actor, body: Body, headers: Record<string, string>, code: string, message: RegExp) {
  const before = await footprint(c.id)
  const error = await uploadAttachmentFromRequest({ actor, number: c.number, request: request(body, headers), now: NOW }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, 'expected a refusal').toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe(code)
  expect((error as AppError).message).toMatch(message)
  expect(await footprint(c.id)).toEqual(before)
}

async function sha256Of(body: ReadableStream<Uint8Array>) {
  const hash = createHash('sha256')
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) hash.update(chunk)
  return hash.digest('hex')
}

describe('streamed uploads', () => {
  it('takes a file of exactly the limit without Content-Length, and gives back the same bytes', async () => {
    const c = await makeCaseWithDeadline(w)
    const body = multipart({ name: 'bundle.zip', size: env.UPLOAD_MAX_BYTES })
    const a = await uploadAttachmentFromRequest({ actor: w.actors.caseadmin, number: c.number, request: request(body), now: NOW })
    expect(a).toMatchObject({ name: 'bundle.zip', size: 25 * MiB, contentType: 'application/zip', sha256: body.sha256() })
    const back = await readAttachment({ actor: w.actors.partner, number: c.number, attachmentId: a.id })
    expect(back.size).toBe(25 * MiB)
    expect(await sha256Of(back.body)).toBe(a.sha256)
    expect(await footprint(c.id)).toMatchObject({ attachments: 1, files: 1 })
  })

  it('refuses an honest Content-Length over the limit before reading a byte', async () => {
    const c = await makeCaseWithDeadline(w)
    const body = multipart({ name: 'bundle.zip', size: 26 * MiB })
    await refusedUpload(
      c,
      w.actors.caseadmin,
      body,
      { 'content-length': String(26 * MiB + 300) },
      'PAYLOAD_TOO_LARGE',
      /^The upload is 26.0 MB: the limit is 25.0 MB per file/,
    )
    expect(body.pulled()).toBe(0)
  })

  it('cuts off a body without Content-Length at the limit: 413, partial file removed, nothing written', async () => {
    const c = await makeCaseWithDeadline(w)
    await refusedUpload(
      c,
      w.actors.caseadmin,
      multipart({ name: 'bundle.zip', size: 26 * MiB }),
      {},
      'PAYLOAD_TOO_LARGE',
      /^bundle.zip is larger than the limit: the limit is 25.0 MB per file/,
    )
  })

  it('counts the bytes when Content-Length lies low', async () => {
    const c = await makeCaseWithDeadline(w)
    await refusedUpload(
      c,
      w.actors.caseadmin,
      multipart({ name: 'bundle.zip', size: 26 * MiB }),
      { 'content-length': '1000' },
      'PAYLOAD_TOO_LARGE',
      /the limit is 25.0 MB per file/,
    )
  })

  it('refuses an oversized file as too large (413) even when the form then ends before its closing boundary', async () => {
    // The whole body is there at once, so the parser reaches the unfinished end before the store
    // has read the file's last bytes: the size is still what the sender is told about.
    const c = await makeCaseWithDeadline(w)
    const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bundle.zip"\r\nContent-Type: application/zip\r\n\r\n`)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(head))
        for (let sent = 0; sent < 26 * MiB; sent += CHUNK.length) controller.enqueue(new Uint8Array(CHUNK))
        controller.close()
      },
    })
    await refusedUpload(
      c,
      w.actors.caseadmin,
      { stream, pulled: () => 0, sha256: () => '' },
      {},
      'PAYLOAD_TOO_LARGE',
      /^bundle.zip is larger than the limit: the limit is 25.0 MB per file/,
    )
  })

  it('refuses a form that ends in the middle of the file (400), keeping nothing', async () => {
    const c = await makeCaseWithDeadline(w)
    await refusedUpload(
      c,
      w.actors.caseadmin,
      multipart({ name: 'bundle.zip', size: 3 * MiB, truncate: true }),
      {},
      'BAD_REQUEST',
      /ended before the file was complete/,
    )
  })

  it('strips bidi overrides from the name, then judges its type: a disguised .exe is refused', async () => {
    const c = await makeCaseWithDeadline(w)
    const a = await uploadAttachmentFromRequest({
      actor: w.actors.caseadmin,
      number: c.number,
      request: request(multipart({ name: 'diag\u202Etxt.log', size: 100 })),
      now: NOW,
    })
    expect(a.name).toBe('diagtxt.log')
    await refusedUpload(
      c,
      w.actors.caseadmin,
      multipart({ name: 'report\u202Egol.exe', size: 100 }),
      {},
      'UNSUPPORTED_MEDIA_TYPE',
      /^reportgol.exe: this file type is not accepted/,
    )
  })

  it('refuses a wrong field, an empty file and another organisation’s case, storing nothing', async () => {
    const c = await makeCaseWithDeadline(w)
    await refusedUpload(c, w.actors.caseadmin, multipart({ name: 'a.log', size: 10, field: 'attachment' }), {}, 'BAD_REQUEST', /field named "file"/)
    await refusedUpload(c, w.actors.caseadmin, multipart({ name: 'a.log', size: 0 }), {}, 'BAD_REQUEST', /a.log is empty/)
    const hidden = multipart({ name: 'a.log', size: 2 * MiB })
    await refusedUpload(c, w.actors.otherAdmin, hidden, {}, 'NOT_FOUND', /not found/)
    expect(hidden.pulled()).toBe(0) // refused before the body is read
    const closed = await makeCaseWithDeadline(w, { status: 'CLOSED' })
    const late = multipart({ name: 'a.log', size: 10 })
    await refusedUpload(closed, w.actors.caseadmin, late, {}, 'CONFLICT', /files can no longer be added/)
    expect(late.pulled()).toBe(0)
  })
})
