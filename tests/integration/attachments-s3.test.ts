// The attachments service with STORAGE_URL set (decision 0021): the portal's own modules, loaded
// after STORAGE_URL names an s3rver bucket, store a case file as an object, stream it back to a
// reader, leave no object and no row for a refused upload, and report storage ready through S3.
// Nothing is injected: blobStore() picks the S3 store from the environment, as in production.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startS3Server, type TestS3Server } from '../support/s3-server'

const NOW = new Date('2026-11-20T15:00:00Z')
const MiB = 1024 * 1024
const CHUNK = new Uint8Array(MiB)
for (let i = 0; i < CHUNK.length; i++) CHUNK[i] = (i * 7 + (i >> 10)) & 0xff

let s3: TestS3Server
let client: S3Client
// Loaded in beforeAll, after STORAGE_URL is set: src/env.ts reads the environment once, on import.
let app: {
  env: typeof import('@/env').env
  prisma: typeof import('@/server/db/client').prisma
  uploadAttachment: typeof import('@/server/cases/attachments').uploadAttachment
  readAttachment: typeof import('@/server/cases/attachments').readAttachment
  readiness: typeof import('@/server/health/readiness').readiness
  AppError: typeof import('@/server/errors').AppError
  makeCaseWithDeadline: typeof import('../support/make-case').makeCaseWithDeadline
}
let w: import('../support/world').World

beforeAll(async () => {
  s3 = await startS3Server({ bucket: 'portal-attachments' })
  process.env.STORAGE_URL = s3.url
  const [{ env }, { prisma }, attachments, { readiness }, { AppError }, { makeCaseWithDeadline }, { createWorld }] = await Promise.all([
    import('@/env'),
    import('@/server/db/client'),
    import('@/server/cases/attachments'),
    import('@/server/health/readiness'),
    import('@/server/errors'),
    import('../support/make-case'),
    import('../support/world'),
  ])
  app = { env, prisma, uploadAttachment: attachments.uploadAttachment, readAttachment: attachments.readAttachment, readiness, AppError, makeCaseWithDeadline }
  w = await createWorld(NOW)
  client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
})
afterAll(async () => {
  delete process.env.STORAGE_URL
  client?.destroy()
  await s3?.stop()
})

async function* chunks(size: number, hash = createHash('sha256')) {
  for (let sent = 0; sent < size; sent += CHUNK.length) {
    const piece = CHUNK.subarray(0, Math.min(CHUNK.length, size - sent))
    hash.update(piece)
    yield piece
  }
}

async function objectsOf(caseId: string) {
  const out = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `attachments/${caseId}/` }))
  return (out.Contents ?? []).map((o) => ({ key: o.Key, size: o.Size }))
}

describe('attachments in S3', () => {
  it('stores an uploaded file as an object under the prefix and streams it back to a reader', async () => {
    const c = await app.makeCaseWithDeadline(w)
    const hash = createHash('sha256')
    const a = await app.uploadAttachment({
      actor: w.actors.caseadmin,
      number: c.number,
      file: { name: 'bundle.zip', stream: chunks(12 * MiB, hash) },
      now: NOW,
    })
    expect(a).toMatchObject({ name: 'bundle.zip', size: 12 * MiB, sha256: hash.digest('hex') })

    const row = await app.prisma.attachment.findUniqueOrThrow({ where: { id: a.id }, select: { storageKey: true } })
    expect(await objectsOf(c.id)).toEqual([{ key: `attachments/${row.storageKey}`, size: 12 * MiB }])
    expect(fs.existsSync(path.resolve(app.env.UPLOAD_DIR, c.id))).toBe(false) // not on the disk

    const back = await app.readAttachment({ actor: w.actors.partner, number: c.number, attachmentId: a.id })
    const readHash = createHash('sha256')
    let size = 0
    for await (const chunk of back.body as unknown as AsyncIterable<Uint8Array>) {
      readHash.update(chunk)
      size += chunk.byteLength
    }
    expect({ size, sha256: readHash.digest('hex') }).toEqual({ size: a.size, sha256: a.sha256 })
  })

  it('refuses a file past the limit, leaving neither an object nor a row', async () => {
    const c = await app.makeCaseWithDeadline(w)
    const error = await app
      .uploadAttachment({ actor: w.actors.caseadmin, number: c.number, file: { name: 'bundle.zip', stream: chunks(app.env.UPLOAD_MAX_BYTES + MiB) }, now: NOW })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(app.AppError)
    expect((error as InstanceType<typeof app.AppError>).code).toBe('PAYLOAD_TOO_LARGE')
    expect(await objectsOf(c.id)).toEqual([])
    expect(await app.prisma.attachment.count({ where: { caseId: c.id } })).toBe(0)
  })

  it('removes the object again when the upload is refused after the bytes were stored (an empty file)', async () => {
    const c = await app.makeCaseWithDeadline(w)
    await expect(
      app.uploadAttachment({ actor: w.actors.caseadmin, number: c.number, file: { name: 'empty.log', bytes: new Uint8Array() }, now: NOW }),
    ).rejects.toThrow(/empty.log is empty/)
    expect(await objectsOf(c.id)).toEqual([])
  })

  it('gives "not found" for a file whose object is gone', async () => {
    const c = await app.makeCaseWithDeadline(w)
    const a = await app.uploadAttachment({
      actor: w.actors.caseadmin,
      number: c.number,
      file: { name: 'diag.log', bytes: new TextEncoder().encode('disk full') },
      now: NOW,
    })
    const row = await app.prisma.attachment.findUniqueOrThrow({ where: { id: a.id }, select: { storageKey: true } })
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3')
    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: `attachments/${row.storageKey}` }))
    await expect(app.readAttachment({ actor: w.actors.caseadmin, number: c.number, attachmentId: a.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('reports storage ready through the bucket', async () => {
    expect((await app.readiness()).checks.storage).toBe('ok')
  })
})
