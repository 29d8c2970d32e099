import 'server-only'
import { cache } from 'react'
import { notFound } from 'next/navigation'
import { devInboxEnabled } from '@/server/notifications/transport'
import { prisma } from '@/server/db/client'
import { isVendor, type Actor } from '@/server/auth/actor'
import { AppError, type ErrorCode } from '@/server/errors'
import { canOpenPage, homePathFor, navFor, type NavItem, type PagePath, type PageSubject } from '@/lib/page-access'
import { supportIdWhere } from './scope'

// The page gates, the navigation and the home redirect, all read from the one map in
// src/lib/page-access.ts (decision 0014). The facts are read once per request (the layout's
// navigation and the page share them) and from the database, never from the session.

const requestFacts = cache(() => new Map<string, Promise<PageSubject>>())

export function pageSubject(actor: Actor): Promise<PageSubject> {
  const facts = requestFacts()
  let subject = facts.get(actor.id)
  if (!subject) {
    subject = (async () => ({
      orgKind: actor.orgKind,
      vendorRoles: actor.vendorRoles,
      actsForSupportId: !isVendor(actor) && (await prisma.supportId.findFirst({ where: supportIdWhere(actor), select: { id: true } })) !== null,
      devInbox: devInboxEnabled(),
    }))()
    facts.set(actor.id, subject)
  }
  return subject
}

/** For pages, after `requirePageActor()`: a page this person may not open does not exist for them. */
export async function requirePage(actor: Actor, path: PagePath): Promise<void> {
  if (!canOpenPage(await pageSubject(actor), path)) notFound()
}

export async function navItemsFor(actor: Actor): Promise<NavItem[]> {
  return navFor(await pageSubject(actor))
}

export async function homePath(actor: Actor): Promise<string> {
  return homePathFor(await pageSubject(actor))
}

/** A page's read of its object: the service's "not found" (or another of `codes`) becomes the
 * not-found page; any other error propagates. */
export function orNotFound<T>(read: Promise<T>, codes: ErrorCode[] = ['NOT_FOUND']): Promise<T> {
  return read.catch((error: unknown) => {
    if (error instanceof AppError && codes.includes(error.code)) notFound()
    throw error
  })
}
