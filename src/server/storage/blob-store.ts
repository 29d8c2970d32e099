import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { env } from '@/env'
import { BlobTooLarge, meter } from './meter'
import { s3BlobStore } from './s3-blob-store'
import { parseStorageUrl } from '@/lib/storage-url'

/**
 * Where case files live. Every read and write of stored bytes goes through this interface, so a
 * backend other than the local disk (S3 and the like) plugs in here without touching the services
 * (decision 0011). Bodies are streamed both ways: no backend may hold a whole file in memory.
 */
export type BlobStore = {
  /**
   * Streams `body` under `key`, counting bytes and hashing on the way. More than `maxBytes`
   * aborts the write with `BlobTooLarge`; on any failure nothing is left under the key.
   */
  put(key: string, body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: { maxBytes: number }): Promise<{ size: number; sha256: string }>
  /** The stored bytes as a web stream, or null when nothing is stored under the key. */
  get(key: string): Promise<{ size: number; body: ReadableStream<Uint8Array> } | null>
  remove(key: string): Promise<void>
  /** Resolves when the store answers now (the readiness check): the folder is writable, the bucket reachable; rejects otherwise. */
  ready(): Promise<void>
}

export { BlobTooLarge }

/** Files under a root folder (UPLOAD_DIR: never under public/), one file per key. */
export function fileBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    const full = path.resolve(root, key)
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`Storage key outside the store: ${key}`)
    return full
  }
  return {
    async put(key, body, { maxBytes }) {
      const file = pathOf(key)
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      const m = meter(maxBytes)
      try {
        await pipeline(Readable.from(body, { objectMode: false }), m.stream, fs.createWriteStream(file, { flags: 'wx' }))
      } catch (error) {
        await fs.promises.rm(file, { force: true })
        throw error
      }
      return m.result()
    },
    async get(key) {
      let handle: fs.promises.FileHandle
      try {
        handle = await fs.promises.open(pathOf(key), 'r')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
      const { size } = await handle.stat()
      return { size, body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array> }
    },
    async remove(key) {
      await fs.promises.rm(pathOf(key), { force: true })
    },
    async ready() {
      await fs.promises.mkdir(root, { recursive: true })
      await fs.promises.access(root, fs.constants.W_OK)
    },
  }
}

let store: BlobStore | undefined
/** The configured store: the S3 bucket of STORAGE_URL when it is set, else the folder UPLOAD_DIR. */
export function blobStore(): BlobStore {
  store ??= env.STORAGE_URL ? s3BlobStore(parseStorageUrl(env.STORAGE_URL)) : fileBlobStore(env.UPLOAD_DIR)
  return store
}
