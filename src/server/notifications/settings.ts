import 'server-only'
import { prisma } from '@/server/db/client'
import type { Actor } from '@/server/auth/actor'
import { parseInput } from '@/server/errors'
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_NAMES, ZNotificationSettingsInput, type NotificationKind } from '@/lib/notifications/kinds'

/** The kinds that can reach this person, for the profile page: customer kinds or vendor kinds. */
export function kindsFor(actor: Actor): NotificationKind[] {
  const vendor = actor.orgKind === 'VENDOR'
  return NOTIFICATION_KIND_NAMES.filter((k) => {
    const side = NOTIFICATION_KINDS[k].side
    if (k === 'escalation-opened') return vendor && actor.vendorRoles.includes('MANAGER')
    if (k === 'partner-decision') return actor.orgKind === 'PARTNER'
    if (k === 'partner-request') return actor.orgKind === 'CUSTOMER'
    return vendor ? side === 'vendor' : side === 'customer'
  })
}

/** The actor's preferences: which kinds by mail, and (administrators) whether others' cases reach them. */
export async function getNotificationSettings({ actor }: { actor: Actor }) {
  const row = await prisma.notificationSettings.findUnique({ where: { userId: actor.id }, select: { mailOff: true, othersCases: true } })
  const off = new Set(row?.mailOff ?? [])
  return {
    kinds: kindsFor(actor).map((kind) => ({ kind, label: NOTIFICATION_KINDS[kind].label, mail: !off.has(kind) })),
    othersCases: row?.othersCases ?? true,
  }
}

/** Saves the preferences (with an audit entry). Kinds not offered to this person are left as they were. */
export async function updateNotificationSettings({ actor, input, now }: { actor: Actor; input: unknown; now: Date }) {
  const data = parseInput(ZNotificationSettingsInput, input)
  const offered = kindsFor(actor)
  const wanted = new Set<string>(data.mail)
  return prisma.$transaction(async (tx) => {
    const before = await tx.notificationSettings.findUnique({ where: { userId: actor.id }, select: { mailOff: true, othersCases: true } })
    const kept = (before?.mailOff ?? []).filter((k) => !offered.includes(k as NotificationKind))
    const mailOff = [...kept, ...offered.filter((k) => !wanted.has(k))]
    await tx.notificationSettings.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, mailOff, othersCases: data.othersCases, updatedAt: now },
      update: { mailOff, othersCases: data.othersCases, updatedAt: now },
    })
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        at: now,
        action: 'notification-settings.updated',
        entityType: 'User',
        entityId: actor.id,
        data: { before: before ?? { mailOff: [], othersCases: true }, after: { mailOff, othersCases: data.othersCases } },
      },
    })
    return { mailOff, othersCases: data.othersCases }
  })
}
