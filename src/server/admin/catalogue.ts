import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { requireVendor } from '@/server/access/require-role'
import { AppError, notFound, parseInput } from '@/server/errors'
import { ZCreateVersionInput, ZProductInput, ZUpdateVersionInput } from '@/lib/admin/schemas'
import { audit, conflictOnDuplicate, dateOnly } from './write-helpers'
import { safeId } from './safe-id'

type Write = { actor: Actor; input: unknown; now: Date }

/** Products and their versions (newest release first) with what uses them, for the catalogue page. */
export async function listCatalogue({ actor }: { actor: Actor }) {
  requireVendor(actor, 'ADMIN')
  const products = await prisma.product.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      _count: { select: { supportIds: true, articles: true } },
      versions: {
        orderBy: [{ releasedAt: { sort: 'desc', nulls: 'last' } }, { name: 'desc' }],
        select: { id: true, name: true, phase: true, releasedAt: true, _count: { select: { cases: true } } },
      },
    },
  })
  return products.map((p) => ({
    id: p.id,
    name: p.name,
    supportIds: p._count.supportIds,
    articles: p._count.articles,
    deletable: productUses({ ...p._count, cases: p.versions.reduce((n, v) => n + v._count.cases, 0) }).length === 0,
    versions: p.versions.map((v) => ({ id: v.id, name: v.name, phase: v.phase, releasedAt: v.releasedAt, cases: v._count.cases })),
  }))
}

export async function createProduct({ actor, input, now }: Write) {
  requireVendor(actor, 'ADMIN')
  const { name } = parseInput(ZProductInput, input)
  return prisma.$transaction(async (tx) => {
    if (await tx.product.count({ where: { name: { equals: name, mode: 'insensitive' } } }))
      throw new AppError('CONFLICT', `A product named ${name} already exists`)
    const product = await tx.product
      .create({ data: { name }, select: { id: true, name: true } })
      .catch(conflictOnDuplicate(`A product named ${name} already exists`))
    await audit(tx, actor, now, 'product.created', 'Product', product.id, { name })
    return product
  })
}

export async function renameProduct({ actor, productId, input, now }: Write & { productId: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(productId, 'That product')
  const { name } = parseInput(ZProductInput, input)
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true, name: true } })
    if (!product) throw notFound('That product')
    if (await tx.product.count({ where: { name: { equals: name, mode: 'insensitive' }, id: { not: productId } } }))
      throw new AppError('CONFLICT', `A product named ${name} already exists`)
    const updated = await tx.product
      .update({ where: { id: productId }, data: { name }, select: { id: true, name: true } })
      .catch(conflictOnDuplicate(`A product named ${name} already exists`))
    await audit(tx, actor, now, 'product.renamed', 'Product', productId, { from: product.name, to: name })
    return updated
  })
}

/** What keeps a product from being deleted, in words: Support IDs covering it, cases and articles about it. */
function productUses({ supportIds, cases, articles }: { supportIds: number; cases: number; articles: number }): string[] {
  return [
    supportIds && `${supportIds} Support ID(s) cover it`,
    cases && `${cases} case(s) are about it`,
    articles && `${articles} knowledge-base article(s) are about it`,
  ].filter((use): use is string => Boolean(use))
}

/** Only a product nothing refers to: no Support ID covers it, no case or article is about it. */
export async function deleteProduct({ actor, productId, now }: { actor: Actor; productId: string; now: Date }) {
  requireVendor(actor, 'ADMIN')
  safeId(productId, 'That product')
  await prisma.$transaction(async (tx) => {
    const product = await tx.product.findUnique({
      where: { id: productId },
      select: { id: true, name: true, _count: { select: { supportIds: true, articles: true } }, versions: { select: { _count: { select: { cases: true } } } } },
    })
    if (!product) throw notFound('That product')
    const uses = productUses({ ...product._count, cases: product.versions.reduce((n, v) => n + v._count.cases, 0) })
    if (uses.length) throw new AppError('CONFLICT', `${product.name} cannot be deleted: ${uses.join(', ')}. Mark its versions discontinued instead.`)
    await tx.product.delete({ where: { id: productId } })
    await audit(tx, actor, now, 'product.deleted', 'Product', productId, { name: product.name })
  })
}

export async function addVersion({ actor, productId, input, now }: Write & { productId: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(productId, 'That product')
  const data = parseInput(ZCreateVersionInput, input)
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true, name: true } })
    if (!product) throw notFound('That product')
    const duplicate = `${product.name} already has a version ${data.name}`
    if (await tx.productVersion.count({ where: { productId, name: data.name } })) throw new AppError('CONFLICT', duplicate)
    const version = await tx.productVersion
      .create({
        data: { productId, name: data.name, phase: data.phase, releasedAt: data.releasedAt ? dateOnly(data.releasedAt) : null },
        select: { id: true, name: true, phase: true, releasedAt: true },
      })
      .catch(conflictOnDuplicate(duplicate))
    await audit(tx, actor, now, 'product-version.created', 'ProductVersion', version.id, {
      product: product.name,
      name: data.name,
      phase: data.phase,
      releasedAt: data.releasedAt ?? null,
    })
    return version
  })
}

/** Rename a version, move it to another lifecycle phase, or set its release date. Open cases keep
 * the phase they were opened with in their history; the case form shows the current one. */
export async function updateVersion({ actor, versionId, input, now }: Write & { versionId: string }) {
  requireVendor(actor, 'ADMIN')
  safeId(versionId, 'That version')
  const data = parseInput(ZUpdateVersionInput, input)
  return prisma.$transaction(async (tx) => {
    const version = await tx.productVersion.findUnique({
      where: { id: versionId },
      select: { id: true, name: true, phase: true, releasedAt: true, productId: true, product: { select: { name: true } } },
    })
    if (!version) throw notFound('That version')
    const duplicate = `${version.product.name} already has a version ${data.name}`
    if (data.name && data.name !== version.name && (await tx.productVersion.count({ where: { productId: version.productId, name: data.name } })))
      throw new AppError('CONFLICT', duplicate)
    const updated = await tx.productVersion
      .update({
        where: { id: versionId },
        data: {
          ...(data.name ? { name: data.name } : {}),
          ...(data.phase ? { phase: data.phase } : {}),
          ...(data.releasedAt !== undefined ? { releasedAt: data.releasedAt ? dateOnly(data.releasedAt) : null } : {}),
        },
        select: { id: true, name: true, phase: true, releasedAt: true },
      })
      .catch(conflictOnDuplicate(duplicate))
    await audit(tx, actor, now, 'product-version.updated', 'ProductVersion', versionId, {
      product: version.product.name,
      before: { name: version.name, phase: version.phase, releasedAt: version.releasedAt?.toISOString().slice(0, 10) ?? null },
      after: { name: updated.name, phase: updated.phase, releasedAt: updated.releasedAt?.toISOString().slice(0, 10) ?? null },
    })
    return updated
  })
}

/** Only a version no case is about; otherwise mark it discontinued. */
export async function deleteVersion({ actor, versionId, now }: { actor: Actor; versionId: string; now: Date }) {
  requireVendor(actor, 'ADMIN')
  safeId(versionId, 'That version')
  await prisma.$transaction(async (tx) => {
    const version = await tx.productVersion.findUnique({
      where: { id: versionId },
      select: { id: true, name: true, product: { select: { name: true } }, _count: { select: { cases: true } } },
    })
    if (!version) throw notFound('That version')
    if (version._count.cases)
      throw new AppError(
        'CONFLICT',
        `${version.product.name} ${version.name} cannot be deleted: ${version._count.cases} case(s) are about it. Mark it discontinued instead.`,
      )
    await tx.productVersion.delete({ where: { id: versionId } })
    await audit(tx, actor, now, 'product-version.deleted', 'ProductVersion', versionId, { product: version.product.name, name: version.name })
  })
}
