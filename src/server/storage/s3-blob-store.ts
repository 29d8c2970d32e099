import 'server-only'
import { Readable, pipeline } from 'node:stream'
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import type { BlobStore } from './blob-store'
import { meter } from './meter'
import type { S3StorageConfig } from '@/lib/storage-url'

// lib-storage sends a body in parts of PART_SIZE (S3's minimum, 5 MiB), QUEUE_SIZE of them at once:
// at most about QUEUE_SIZE × PART_SIZE of a file is in memory, however large the file.
const PART_SIZE = 5 * 1024 * 1024
const QUEUE_SIZE = 2

const notFound = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)

/** Objects in an S3 bucket (STORAGE_URL, decision 0021), one object per key under the prefix. */
export function s3BlobStore(config: S3StorageConfig): BlobStore {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // The SDK's newer default (CRC32 checksums on every request) is not understood by every
    // S3-compatible server; integrity is ours anyway: the sha256 recorded with each file.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = config.bucket
  const keyOf = (key: string) => {
    if (!key || key.startsWith('/') || key.split('/').some((s) => s === '' || s === '.' || s === '..')) throw new Error(`Storage key outside the store: ${key}`)
    return config.prefix + key
  }
  const removeObject = (Key: string) => client.send(new DeleteObjectCommand({ Bucket, Key }))

  return {
    async put(key, body, { maxBytes }) {
      const Key = keyOf(key)
      const m = meter(maxBytes)
      // The first failure of the body itself (BlobTooLarge, or the sender's stream breaking) is the
      // one to report: lib-storage may replace it with the error of its own clean-up request.
      let bodyError: unknown
      m.stream.once('error', (error) => (bodyError ??= error))
      pipeline(Readable.from(body, { objectMode: false }), m.stream, (error) => {
        if (error) bodyError ??= error
      })
      const upload = new Upload({
        client,
        params: { Bucket, Key, Body: m.stream, ContentType: 'application/octet-stream' },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
      })
      try {
        await upload.done()
      } catch (error) {
        const cause = bodyError ?? error
        // Stop reading the sender, and delete the key in case the last request succeeded on the
        // server though its answer was lost. lib-storage has already aborted a multipart upload
        // (its parts never appear under the key; a bucket lifecycle rule for incomplete multipart
        // uploads removes any it could not abort). Clean-up errors must not hide the cause.
        m.stream.destroy()
        await removeObject(Key).catch(() => {})
        throw cause
      }
      return m.result()
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }))
        if (!out.Body) return null
        return { size: out.ContentLength ?? 0, body: out.Body.transformToWebStream() as ReadableStream<Uint8Array> }
      } catch (error) {
        if (notFound(error)) return null
        throw error
      }
    },
    async remove(key) {
      await removeObject(keyOf(key))
    },
    async ready() {
      // The bucket exists and these credentials reach it: one cheap request per readiness check.
      await client.send(new HeadBucketCommand({ Bucket }))
    },
  }
}
