import 'server-only'
import { PrismaClient } from '@/generated/prisma/client'
import { dbTarget } from '@/env'
import { adapterFactoryFor } from '@/db/adapter'
import { noteQuery } from '@/server/http/request-log'

// One client per process, kept across dev-server module reloads.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> }

export function createPrismaClient() {
  const client = new PrismaClient({
    adapter: adapterFactoryFor(dbTarget()),
    // Password hashes never leave the data layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true } },
    log: [{ emit: 'event', level: 'query' }],
  })
  // Each request's log line says how many statements it made (COMMIT included, BEGIN not).
  client.$on('query', noteQuery)
  return client
}

export const prisma = (globalForPrisma.prisma ??= createPrismaClient())
export type Db = typeof prisma
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
