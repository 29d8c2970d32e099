import 'server-only'
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { env } from '@/env'
import { prisma } from '@/server/db/client'
import { isVendor, type Actor } from '@/server/auth/actor'
import { AppError, notFound } from '@/server/errors'
import { UPLOAD_TYPES, extensionOf, formatBytes, safeFileName } from '@/lib/cases/uploads'
import { findWorkableCase } from '@/server/access/case-work'
import { findVisibleCase, updateCase } from './case-write'
import { isOpenStatus } from './get-case'
import { notify } from '@/server/notifications/notify'
import { safeId } from '@/server/admin/safe-id'

export type UploadFile = { name: string; bytes: Uint8Array }

/** Refuses a file the case may not take: checked before anything is stored or written. */
export function checkUpload(file: UploadFile): { name: string; contentType: string } {
  const name = safeFileName(file.name)
  if (!name) throw new AppError('BAD_REQUEST', 'The file needs a name')
  const contentType = UPLOAD_TYPES[extensionOf(name)]
  if (!contentType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${name}: this file type is not accepted. Send logs and diagnostics as ${Object.keys(UPLOAD_TYPES).map((e) => `.${e}`).join(', ')}`)
  }
  if (file.bytes.byteLength === 0) throw new AppError('BAD_REQUEST', `${name} is empty`)
  if (file.bytes.byteLength > env.UPLOAD_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `${name} is ${formatBytes(file.bytes.byteLength)}: the limit is ${formatBytes(env.UPLOAD_MAX_BYTES)} per file. Split the archive or ask your engineer for another channel.`)
  }
  return { name, contentType }
}

const storagePath = (storageKey: string) => path.resolve(env.UPLOAD_DIR, storageKey)

/**
 * Adds a diagnostic file to an open case. The file goes to UPLOAD_DIR (never under public/),
 * named by a random key; if the database write fails the file is removed again. A customer's
 * upload to a case waiting on them moves it back to the engineer.
 */
export async function uploadAttachment({ actor, number, file, now }: { actor: Actor; number: number; file: UploadFile; now: Date }) {
  const { name, contentType } = checkUpload(file)
  const c = await findWorkableCase(prisma, actor, number, { id: true, version: true, status: true })
  if (!isOpenStatus(c.status)) throw new AppError('CONFLICT', `Case #${number} is ${c.status.toLowerCase().replaceAll('_', ' ')}: files can no longer be added`)
  const storageKey = `${c.id}/${randomUUID()}`
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  await fs.mkdir(path.dirname(storagePath(storageKey)), { recursive: true })
  await fs.writeFile(storagePath(storageKey), file.bytes, { flag: 'wx' })
  try {
    return await prisma.$transaction(async (tx) => {
      const a = await tx.attachment.create({
        data: { caseId: c.id, uploadedById: actor.id, name, size: file.bytes.byteLength, sha256, contentType, storageKey, createdAt: now },
        select: { id: true, name: true, size: true, sha256: true, contentType: true, createdAt: true },
      })
      const resumes = !isVendor(actor) && c.status === 'WAITING_ON_CUSTOMER'
      await updateCase(tx, {
        caseId: c.id,
        version: c.version,
        actor,
        now,
        data: isVendor(actor) ? {} : { lastCustomerActivityAt: now, ...(resumes ? { status: 'IN_PROGRESS' } : {}) },
        events: [
          { type: 'attachment.added', after: { attachmentId: a.id, name, size: a.size, sha256 } },
          ...(resumes ? [{ type: 'case.status-changed', before: { status: 'WAITING_ON_CUSTOMER' }, after: { status: 'IN_PROGRESS', reason: 'customer uploaded diagnostics' } }] : []),
        ],
      })
      if (!isVendor(actor)) await notify(tx, { kind: 'customer-activity', caseId: c.id, actorId: actor.id, attachmentId: a.id, resumed: resumes }, now)
      return a
    })
  } catch (error) {
    await fs.rm(storagePath(storageKey), { force: true })
    throw error
  }
}

/** A case's file, for people who may see the case; anyone else gets "not found". */
export async function readAttachment({ actor, number, attachmentId }: { actor: Actor; number: number; attachmentId: string }) {
  const c = await findVisibleCase(prisma, actor, number, { id: true })
  safeId(attachmentId, 'That file') // a NUL byte in the id from the URL is "not found", not a database error
  const a = await prisma.attachment.findFirst({ where: { id: attachmentId, caseId: c.id }, select: { name: true, contentType: true, size: true, storageKey: true } })
  if (!a) throw notFound('That file')
  const bytes = await fs.readFile(storagePath(a.storageKey))
  return { name: a.name, contentType: a.contentType, size: a.size, bytes }
}
