import 'server-only'
import { randomUUID } from 'node:crypto'
import { env } from '@/env'
import { prisma } from '@/server/db/client'
import { isVendor, type Actor } from '@/server/auth/actor'
import { AppError, notFound } from '@/server/errors'
import { blobStore, BlobTooLarge } from '@/server/storage/blob-store'
import { UPLOAD_TYPES, extensionOf, formatBytes, safeFileName } from '@/lib/cases/uploads'
import { findWorkableCase } from '@/server/access/case-work'
import { findVisibleCase, updateCase } from './case-write'
import { customerActivityResumes, isOpenStatus } from '@/lib/cases/status'
import { notify } from '@/server/notifications/notify'
import { safeId } from '@/server/admin/safe-id'

/**
 * A file to store: its bytes in hand (tests, small callers) or a stream (the upload route, which
 * never holds a whole file in memory). `declaredSize` is what the sender claims, checked at once
 * and then again byte by byte while streaming, since a claim can lie.
 */
export type UploadFile = { name: string; bytes: Uint8Array } | { name: string; stream: AsyncIterable<Uint8Array>; declaredSize?: number }

const tooLarge = (name: string, size: number | null) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `${name} is ${size === null ? 'larger than the limit' : formatBytes(size)}: the limit is ${formatBytes(env.UPLOAD_MAX_BYTES)} per file. Split the archive or ask your engineer for another channel.`,
  )

/** Refuses a file name the case may not take (type allow-list), before any byte is read. */
export function checkUploadName(rawName: string): { name: string; contentType: string } {
  const name = safeFileName(rawName)
  if (!name) throw new AppError('BAD_REQUEST', 'The file needs a name')
  const contentType = UPLOAD_TYPES[extensionOf(name)]
  if (!contentType) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${name}: this file type is not accepted. Send logs and diagnostics as ${Object.keys(UPLOAD_TYPES)
        .map((e) => `.${e}`)
        .join(', ')}`,
    )
  }
  return { name, contentType }
}

/** Refuses a size over the policy's limit (a claimed size, or one counted). */
export function checkUploadSize(name: string, size: number) {
  if (size > env.UPLOAD_MAX_BYTES) throw tooLarge(name, size)
}

/**
 * Adds a diagnostic file to an open case. The name and the case are checked before any byte is
 * read; the bytes stream to the blob store (counted, hashed, cut off past the limit); only then is
 * the row written, with its case event, in one transaction. If anything fails after the bytes
 * were stored, they are removed again: a refused upload leaves neither a file nor a row.
 * A customer's upload to a case waiting on them moves it back to the engineer.
 */
export async function uploadAttachment({ actor, number, file, now }: { actor: Actor; number: number; file: UploadFile; now: Date }) {
  const { name, contentType } = checkUploadName(file.name)
  const declared = 'bytes' in file ? file.bytes.byteLength : file.declaredSize
  if (declared !== undefined) checkUploadSize(name, declared)
  const c = await findCaseTakingFiles({ actor, number })

  const store = blobStore()
  const storageKey = `${c.id}/${randomUUID()}`
  let stored: { size: number; sha256: string }
  try {
    stored = await store.put(storageKey, 'bytes' in file ? [file.bytes] : file.stream, { maxBytes: env.UPLOAD_MAX_BYTES })
  } catch (error) {
    if (error instanceof BlobTooLarge) throw tooLarge(name, null)
    throw error
  }
  try {
    if (stored.size === 0) throw new AppError('BAD_REQUEST', `${name} is empty`)
    return await prisma.$transaction(async (tx) => {
      // Read again here: a long upload must not fail because the case changed meanwhile.
      const current = await findVisibleCase(tx, actor, number, { id: true, version: true, status: true })
      if (!isOpenStatus(current.status)) throw closedCase(number, current.status)
      const a = await tx.attachment.create({
        data: { caseId: c.id, uploadedById: actor.id, name, size: stored.size, sha256: stored.sha256, contentType, storageKey, createdAt: now },
        select: { id: true, name: true, size: true, sha256: true, contentType: true, createdAt: true },
      })
      const resumes = !isVendor(actor) && customerActivityResumes(current.status)
      await updateCase(tx, {
        caseId: c.id,
        version: current.version,
        actor,
        now,
        data: isVendor(actor) ? {} : { lastCustomerActivityAt: now, ...(resumes ? { status: 'IN_PROGRESS' } : {}) },
        events: [
          { type: 'attachment.added', after: { attachmentId: a.id, name, size: a.size, sha256: a.sha256 } },
          ...(resumes
            ? [
                {
                  type: 'case.status-changed',
                  before: { status: 'WAITING_ON_CUSTOMER' },
                  after: { status: 'IN_PROGRESS', reason: 'customer uploaded diagnostics' },
                },
              ]
            : []),
        ],
      })
      if (!isVendor(actor)) await notify(tx, { kind: 'customer-activity', caseId: c.id, actorId: actor.id, attachmentId: a.id, resumed: resumes }, now)
      return a
    })
  } catch (error) {
    await store.remove(storageKey)
    throw error
  }
}

/** The case, if the actor may see it, may work on it (decision 0009) and it still takes files (404 / 403 / 409 otherwise). */
export async function findCaseTakingFiles({ actor, number }: { actor: Actor; number: number }) {
  const c = await findWorkableCase(prisma, actor, number, { id: true, status: true })
  if (!isOpenStatus(c.status)) throw closedCase(number, c.status)
  return c
}

const closedCase = (number: number, status: string) =>
  new AppError('CONFLICT', `Case #${number} is ${status.toLowerCase().replaceAll('_', ' ')}: files can no longer be added`)

/** A case's file as a stream, for people who may see the case; anyone else gets "not found". */
export async function readAttachment({ actor, number, attachmentId }: { actor: Actor; number: number; attachmentId: string }) {
  const c = await findVisibleCase(prisma, actor, number, { id: true })
  safeId(attachmentId, 'That file') // a NUL byte in the id from the URL is "not found", not a database error
  const a = await prisma.attachment.findFirst({
    where: { id: attachmentId, caseId: c.id },
    select: { name: true, contentType: true, size: true, sha256: true, storageKey: true },
  })
  if (!a) throw notFound('That file')
  const blob = await blobStore().get(a.storageKey)
  if (!blob) throw notFound('That file')
  return { name: a.name, contentType: a.contentType, size: a.size, sha256: a.sha256, body: blob.body }
}
