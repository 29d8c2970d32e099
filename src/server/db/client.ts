import 'server-only'
import { PrismaClient } from '@/generated/prisma/client'
import { dbTarget } from '@/env'
import { adapterFactoryFor } from './adapter'

// One client per process, kept across dev-server module reloads.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> }

export function createPrismaClient() {
  return new PrismaClient({
    adapter: adapterFactoryFor(dbTarget()),
    // Password hashes never leave the data layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true } },
  })
}

export const prisma = (globalForPrisma.prisma ??= createPrismaClient())
export type Db = typeof prisma
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
