// The S3 blob store (decision 0021) against a real S3-protocol server (s3rver, over HTTP through
// the AWS SDK): bodies stream in and out byte for byte with their sha256, a refused or broken body
// leaves nothing under its key, and readiness fails when the bucket cannot be reached.
import { createHash, randomUUID } from 'node:crypto'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlobTooLarge, type BlobStore } from '@/server/storage/blob-store'
import { s3BlobStore } from '@/server/storage/s3-blob-store'
import { parseStorageUrl, type S3StorageConfig } from '@/lib/storage-url'
import { startS3Server, type TestS3Server } from '../support/s3-server'

const MiB = 1024 * 1024

// 1 MiB of a fixed pattern; bodies are made of these, so none is ever built whole.
const CHUNK = new Uint8Array(MiB)
for (let i = 0; i < CHUNK.length; i++) CHUNK[i] = (i * 31 + (i >> 8)) & 0xff

/** `size` bytes generated chunk by chunk, the last chunk varied so that order matters. */
function generated(size: number, { failAfter }: { failAfter?: number } = {}) {
  const hash = createHash('sha256')
  let sent = 0
  async function* body() {
    while (sent < size) {
      if (failAfter !== undefined && sent >= failAfter) throw new Error('the sender went away')
      const piece = CHUNK.slice(0, Math.min(CHUNK.length, size - sent))
      piece[0] = (sent / MiB) & 0xff
      hash.update(piece)
      sent += piece.length
      yield piece
    }
  }
  return { body: body(), sha256: () => hash.digest('hex') }
}

async function read(body: ReadableStream<Uint8Array>) {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk)
    size += chunk.byteLength
  }
  return { size, sha256: hash.digest('hex') }
}

let s3: TestS3Server
let config: S3StorageConfig
let store: BlobStore
let client: S3Client

beforeAll(async () => {
  s3 = await startS3Server()
  config = parseStorageUrl(s3.url)
  store = s3BlobStore(config)
  client = new S3Client({ region: config.region, endpoint: config.endpoint, forcePathStyle: true, credentials: config.credentials })
})
afterAll(async () => {
  client?.destroy()
  await s3?.stop()
})

/** Every object in the bucket under `prefix`, as the server lists them. */
async function objects(prefix = '') {
  const out = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))
  return (out.Contents ?? []).map((o) => o.Key)
}

const newKey = () => `case-${randomUUID()}/${randomUUID()}`

describe('S3 blob store', () => {
  it('streams a 20 MiB body in as a multipart upload and back out byte-identical, under the prefix', async () => {
    const key = newKey()
    const body = generated(20 * MiB)
    const stored = await store.put(key, body.body, { maxBytes: 25 * MiB })
    expect(stored).toEqual({ size: 20 * MiB, sha256: body.sha256() })
    expect(await objects(key.split('/')[0])).toEqual([]) // nothing outside the prefix
    expect(await objects(`attachments/${key}`)).toEqual([`attachments/${key}`])

    const back = await store.get(key)
    expect(back?.size).toBe(20 * MiB)
    expect(await read(back!.body)).toEqual(stored)
  })

  it('stores a small body and an empty one in a single request, with their sha256', async () => {
    const small = newKey()
    expect(await store.put(small, [new TextEncoder().encode('hello, S3')], { maxBytes: 100 })).toEqual({
      size: 9,
      sha256: createHash('sha256').update('hello, S3').digest('hex'),
    })
    expect(await read((await store.get(small))!.body)).toMatchObject({ size: 9 })

    const empty = newKey()
    expect(await store.put(empty, [], { maxBytes: 100 })).toEqual({ size: 0, sha256: createHash('sha256').digest('hex') })
    expect((await store.get(empty))?.size).toBe(0)
  })

  it('refuses the byte past the limit with BlobTooLarge and leaves no object, after parts were sent too', async () => {
    for (const [size, maxBytes] of [
      [3 * MiB, 2 * MiB], // refused before the first part is full: no request at all
      [20 * MiB, 12 * MiB], // refused after two 5 MiB parts of a multipart upload
    ]) {
      const key = newKey()
      const error = await store.put(key, generated(size!).body, { maxBytes: maxBytes! }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BlobTooLarge)
      expect((error as BlobTooLarge).maxBytes).toBe(maxBytes)
      expect(await objects(`attachments/${key.split('/')[0]}`)).toEqual([])
      expect(await store.get(key)).toBeNull()
    }
  })

  it('reports a sender that breaks off mid-body with its own error, keeping nothing', async () => {
    const key = newKey()
    await expect(store.put(key, generated(12 * MiB, { failAfter: 7 * MiB }).body, { maxBytes: 25 * MiB })).rejects.toThrow('the sender went away')
    expect(await objects(`attachments/${key.split('/')[0]}`)).toEqual([])
  })

  it('answers null for a key with nothing stored, and after remove', async () => {
    expect(await store.get(newKey())).toBeNull()
    const key = newKey()
    await store.put(key, [new Uint8Array([1, 2, 3])], { maxBytes: 10 })
    expect(await store.get(key)).not.toBeNull()
    await store.remove(key)
    expect(await store.get(key)).toBeNull()
    expect(await objects(`attachments/${key}`)).toEqual([])
    await expect(store.remove(key)).resolves.toBeUndefined() // removing twice is not an error
  })

  it('refuses a key that would leave the prefix', async () => {
    await expect(store.put('../elsewhere', [new Uint8Array([1])], { maxBytes: 10 })).rejects.toThrow(/outside the store/)
    await expect(store.get('/absolute')).rejects.toThrow(/outside the store/)
  })

  it('is ready when the bucket answers, and not when it does not exist or the server is gone', async () => {
    await expect(store.ready()).resolves.toBeUndefined()
    await expect(s3BlobStore({ ...config, bucket: 'no-such-bucket' }).ready()).rejects.toThrow()
    // (Wrong credentials are not tried: s3rver does not check the signature of a HEAD request.)

    const gone = await startS3Server({ bucket: 'short-lived' })
    const goneStore = s3BlobStore(parseStorageUrl(gone.url))
    await expect(goneStore.ready()).resolves.toBeUndefined()
    await gone.stop()
    await expect(goneStore.ready()).rejects.toThrow()
  })
})
