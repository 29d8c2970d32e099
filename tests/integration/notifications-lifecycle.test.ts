// Issue 11: the case lifecycle is told to the people it concerns, by mail (OutboxMessage) and in
// the in-app list (Notification), through the real services, with per-user preferences.
import { afterEach, describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { notify } from '@/server/notifications/notify'
import { deliverDue } from '@/server/notifications/deliver'
import { smtpTransport, type MailTransport } from '@/server/notifications/transport'
import { listNotifications, markNotificationsRead, unreadNotificationCount } from '@/server/notifications/in-app'
import { getNotificationSettings, updateNotificationSettings } from '@/server/notifications/settings'
import { changeSeverity } from '@/server/cases/change-severity'
import { addComment, escalateCase } from '@/server/cases/customer-actions'
import { uploadAttachment } from '@/server/cases/attachments'
import { assignCase } from '@/server/engineer/assign-case'
import { replyToCase, requestInformation } from '@/server/engineer/reply-to-case'
import { resolveCase } from '@/server/engineer/resolve-case'
import { acknowledgeEscalation, assignEscalationEngineer, resolveEscalation } from '@/server/escalations/handle-escalation'
import { makeCaseWithDeadline } from '../support/make-case'
import { startSmtpServer, type TestSmtpServer } from '../support/smtp'
import { createWorld, type World } from '../support/world'

type Who = keyof World['users']

/** Who got mail and who got an in-app notification of `kind` about case `number`. */
async function told(world: World, kind: string, number: number) {
  const mail = await prisma.outboxMessage.findMany({
    where: { kind, OR: [{ subject: { contains: `#${number}` } }, { text: { contains: `#${number}` } }] },
    orderBy: { to: 'asc' },
  })
  const inApp = await prisma.notification.findMany({ where: { kind, url: `/cases/${number}` }, include: { user: { select: { email: true } } } })
  return {
    mail,
    mailTo: mail.map((m) => m.to).sort(),
    inApp,
    inAppTo: inApp.map((n) => n.user.email).sort(),
  }
}
const emails = (world: World, ...who: Who[]) => who.map((w) => world.users[w].email).sort()

const servers: TestSmtpServer[] = []
const transports: MailTransport[] = []
afterEach(async () => {
  for (const t of transports.splice(0)) t.close()
  for (const s of servers.splice(0)) await s.stop()
})

describe('customer side', () => {
  it('case opened: opener and administrators, by mail and in the list; an opted-out administrator hears nothing, a mail-off kind stays in the list', async () => {
    const world = await createWorld()
    await updateNotificationSettings({ actor: world.actors.licadmin, input: { mail: [], othersCases: false }, now: world.now })
    await updateNotificationSettings({ actor: world.actors.caseadmin, input: { mail: ['engineer-reply'], othersCases: true }, now: world.now })
    const c = await makeCaseWithDeadline(world, { openedBy: 'partner' })
    await prisma.$transaction((tx) => notify(tx, { kind: 'case-opened', caseId: c.id }, world.now))
    const t = await told(world, 'case-opened', c.number)
    expect(t.mailTo).toEqual(emails(world, 'partner'))
    expect(t.inAppTo).toEqual(emails(world, 'partner', 'caseadmin'))
    expect(t.inApp[0]).toMatchObject({ title: `Case #${c.number} opened: Backups fail ${world.tag}`, readAt: null, caseId: c.id, createdAt: world.now })
    // An administrator who opted out of others' cases still hears about their own.
    const own = await makeCaseWithDeadline(world, { openedBy: 'licadmin' })
    await prisma.$transaction((tx) => notify(tx, { kind: 'case-opened', caseId: own.id }, world.now))
    expect((await told(world, 'case-opened', own.number)).inAppTo).toEqual(emails(world, 'licadmin', 'caseadmin'))
  })

  it('engineer reply: the customer side gets it; an internal note reaches nobody, by mail or in the list', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', assignee: 'engineer' })
    await replyToCase({ actor: world.actors.engineer, number: c.number, input: { body: `Try the patch ${world.tag}`, public: true }, now: world.now })
    const t = await told(world, 'engineer-reply', c.number)
    expect(t.mailTo).toEqual(emails(world, 'caseadmin', 'licadmin'))
    expect(t.inAppTo).toEqual(emails(world, 'caseadmin', 'licadmin'))
    expect(t.mail[0]!.text).toContain(`Try the patch ${world.tag}`)

    const before = { mail: await prisma.outboxMessage.count(), inApp: await prisma.notification.count({ where: { caseId: c.id } }) }
    await replyToCase({ actor: world.actors.engineer, number: c.number, input: { body: `SECRET note ${world.tag}`, public: false }, now: world.now })
    expect(await prisma.outboxMessage.count({ where: { text: { contains: `SECRET note ${world.tag}` } } })).toBe(0)
    expect(await prisma.notification.count({ where: { caseId: c.id } })).toBe(before.inApp)
    expect(await prisma.notification.count({ where: { OR: [{ body: { contains: 'SECRET' } }, { title: { contains: 'SECRET' } }], caseId: c.id } })).toBe(0)
  })

  it('information requested: the customer side, with the request', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', assignee: 'engineer', status: 'IN_PROGRESS' })
    await requestInformation({ actor: world.actors.engineer, number: c.number, input: { body: `Send the job log ${world.tag}` }, now: world.now })
    const t = await told(world, 'information-requested', c.number)
    expect(t.mailTo).toEqual(emails(world, 'caseadmin', 'licadmin'))
    expect(t.inAppTo).toEqual(t.mailTo)
    expect(t.mail[0]!.text).toContain(`Send the job log ${world.tag}`)
  })

  it('severity changed: by whom, why and the new target; not to the person who changed it, nor to vendor staff', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'partner', assignee: 'engineer' })
    await changeSeverity({ actor: world.actors.caseadmin, number: c.number, input: { severity: 1, reason: `Production is down ${world.tag}` }, now: world.now })
    const t = await told(world, 'severity-changed', c.number)
    expect(t.mailTo).toEqual(emails(world, 'partner', 'licadmin'))
    expect(t.inAppTo).toEqual(emails(world, 'partner', 'licadmin'))
    const mail = t.mail.find((m) => m.to === world.users.licadmin.email)!
    expect(mail.subject).toBe(`Case #${c.number}: severity changed from 2 to 1`)
    expect(mail.text).toContain(`caseadmin ${world.tag} changed the severity`)
    expect(mail.text).toContain(`Production is down ${world.tag}`)
    expect(mail.text).toMatch(/New initial response target \(counted from the opening of the case\): 1 hour, due by .*\(America\/Chicago\)/)
  })

  it('resolved: the resolution, the summary and how to reopen; delivered through a real SMTP server', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', assignee: 'engineer', status: 'IN_PROGRESS' })
    await resolveCase({
      actor: world.actors.engineer,
      number: c.number,
      input: { code: 'SOLUTION_OR_WORKAROUND', summary: `Raise the timeout ${world.tag}` },
      now: world.now,
    })
    const t = await told(world, 'case-resolved', c.number)
    expect(t.mailTo).toEqual(emails(world, 'caseadmin', 'licadmin'))
    expect(t.inAppTo).toEqual(t.mailTo)
    expect(t.inApp[0]!.body).toContain('Solution or workaround')

    const server = await startSmtpServer()
    servers.push(server)
    const transport = smtpTransport(server.url, 'Support Portal <support@vendor.example>')
    transports.push(transport)
    expect(await deliverDue({ now: world.now, transport, ids: t.mail.map((m) => m.id) })).toMatchObject({ sent: 2 })
    const received = server.received.find((m) => m.to.includes(world.users.caseadmin.email))!
    expect(received.subject).toBe(`Case #${c.number} resolved: Solution or workaround`)
    expect(received.text).toContain(`Raise the timeout ${world.tag}`)
    expect(received.text).toContain('reopen the case from its page by replying to it until')
    expect(received.text).toContain(`/cases/${c.number}`)
  })

  it('closed without consent: the customer side, in the list too', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', status: 'CLOSED' })
    await prisma.$transaction((tx) => notify(tx, { kind: 'closed-without-consent', caseId: c.id }, world.now))
    expect((await told(world, 'closed-without-consent', c.number)).inAppTo).toEqual(emails(world, 'caseadmin', 'licadmin'))
  })

  it("escalation acknowledged and resolved: the person who asked and the customer side; never the managers' internal notes", async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'partner', assignee: 'engineer', status: 'IN_PROGRESS' })
    const e = await escalateCase({ actor: world.actors.caseadmin, number: c.number, input: { reason: `Nobody answers us ${world.tag}` }, now: world.now })
    await acknowledgeEscalation({ actor: world.actors.manager, escalationId: e.id, now: world.now })
    const ack = await told(world, 'escalation-acknowledged', c.number)
    expect(ack.mailTo).toEqual(emails(world, 'caseadmin', 'licadmin', 'partner'))
    expect(ack.mail[0]!.text).toContain(`manager ${world.tag}, Support Manager, took up`)
    await resolveEscalation({ actor: world.actors.manager, escalationId: e.id, input: { resolution: `Agreed a daily call ${world.tag}` }, now: world.now })
    const res = await told(world, 'escalation-resolved', c.number)
    expect(res.inAppTo).toEqual(emails(world, 'caseadmin', 'licadmin', 'partner'))
    expect(res.mail[0]!.text).toContain(`Agreed a daily call ${world.tag}`)
    expect([...ack.mailTo, ...res.mailTo]).not.toContain(world.users.manager.email)
  })

  it('nobody who can no longer see the case is told: a revoked partner, another organisation', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'partner', assignee: 'engineer', status: 'IN_PROGRESS' })
    await prisma.partnerGrant.updateMany({ where: { partnerOrgId: world.orgs.partnerOrg.id }, data: { status: 'REVOKED' } })
    await resolveCase({ actor: world.actors.engineer, number: c.number, input: { code: 'UPGRADE', summary: `Upgrade to 9 ${world.tag}` }, now: world.now })
    const t = await told(world, 'case-resolved', c.number)
    expect(t.mailTo).toEqual(emails(world, 'caseadmin', 'licadmin'))
    expect(t.inAppTo).toEqual(t.mailTo)
    expect(await prisma.notification.count({ where: { userId: { in: [world.users.partner.id, world.users.otherAdmin.id] } } })).toBe(0)
  })

  it('a partner who asked for a manager and was revoked since hears nothing of the escalation (the check is in notify, for every kind)', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', status: 'IN_PROGRESS' })
    const e = await escalateCase({ actor: world.actors.partner, number: c.number, input: { reason: `Partner escalates ${world.tag}` }, now: world.now })
    await prisma.partnerGrant.updateMany({ where: { partnerOrgId: world.orgs.partnerOrg.id }, data: { status: 'REVOKED' } })
    await acknowledgeEscalation({ actor: world.actors.manager, escalationId: e.id, now: world.now })
    const t = await told(world, 'escalation-acknowledged', c.number)
    expect(t.mailTo).toEqual(emails(world, 'caseadmin', 'licadmin'))
    expect(t.inAppTo).toEqual(t.mailTo)
  })
})

describe('vendor side', () => {
  it('assigned to you: the engineer, not when they took it themselves', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world)
    await assignCase({ actor: world.actors.manager, number: c.number, input: { engineer: world.users.engineer2.email }, now: world.now })
    const t = await told(world, 'case-assigned', c.number)
    expect(t.mailTo).toEqual(emails(world, 'engineer2'))
    expect(t.inAppTo).toEqual(emails(world, 'engineer2'))
    expect(t.mail[0]!.text).toContain(`manager ${world.tag} (Support) assigned case #${c.number} of customer ${world.tag} to you`)

    await assignCase({ actor: world.actors.engineer, number: c.number, input: {}, now: world.now })
    expect((await told(world, 'case-assigned', c.number)).inAppTo).toEqual(emails(world, 'engineer2'))
  })

  it('the customer replied or uploaded: the assigned engineer only; nobody on an unassigned case; mail off honoured', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', assignee: 'engineer', status: 'WAITING_ON_CUSTOMER' })
    await addComment({ actor: world.actors.licadmin, number: c.number, input: { body: `Here is what we see ${world.tag}` }, now: world.now })
    let t = await told(world, 'customer-activity', c.number)
    expect(t.mailTo).toEqual(emails(world, 'engineer'))
    expect(t.inAppTo).toEqual(emails(world, 'engineer'))
    expect(t.mail[0]!.text).toContain(`Here is what we see ${world.tag}`)
    expect(t.mail[0]!.text).toContain('back in progress')

    await updateNotificationSettings({ actor: world.actors.engineer, input: { mail: ['case-assigned'], othersCases: true }, now: world.now })
    await uploadAttachment({
      actor: world.actors.caseadmin,
      number: c.number,
      file: { name: 'job.log', bytes: new TextEncoder().encode('log') },
      now: world.now,
    })
    t = await told(world, 'customer-activity', c.number)
    expect(t.mail).toHaveLength(1) // the reply's; the upload is in the list only
    expect(t.inApp).toHaveLength(2)
    expect(t.inApp.map((n) => n.body)).toContain(`caseadmin ${world.tag} uploaded job.log (3 B)`)

    const unassigned = await makeCaseWithDeadline(world, { openedBy: 'caseadmin' })
    await addComment({ actor: world.actors.caseadmin, number: unassigned.number, input: { body: 'anyone?' }, now: world.now })
    expect((await told(world, 'customer-activity', unassigned.number)).inApp).toHaveLength(0)
    // The engineer's own upload tells nobody.
    await uploadAttachment({
      actor: world.actors.engineer,
      number: c.number,
      file: { name: 'fix.log', bytes: new TextEncoder().encode('fix') },
      now: world.now,
    })
    expect((await told(world, 'customer-activity', c.number)).inApp).toHaveLength(2)
  })

  it('escalation assigned to you: the engineer the manager named', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', status: 'IN_PROGRESS' })
    const e = await escalateCase({ actor: world.actors.caseadmin, number: c.number, input: { reason: `Urgent for us ${world.tag}` }, now: world.now })
    await assignEscalationEngineer({ actor: world.actors.manager, escalationId: e.id, input: { engineer: world.users.engineer.email }, now: world.now })
    const t = await told(world, 'escalation-assigned', c.number)
    expect(t.mailTo).toEqual(emails(world, 'engineer'))
    expect(t.mail[0]!.text).toContain(`Urgent for us ${world.tag}`)
    // Assigning also acknowledged it: the customer side heard that.
    expect((await told(world, 'escalation-acknowledged', c.number)).mailTo).toEqual(emails(world, 'caseadmin', 'licadmin'))
  })

  it("breach warning: in the assignee's list too", async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { assignee: 'engineer2', dueInMinutes: 20 })
    await prisma.$transaction((tx) => notify(tx, { kind: 'breach-warning', caseId: c.id }, world.now))
    expect((await told(world, 'breach-warning', c.number)).inAppTo).toEqual(emails(world, 'engineer2'))
  })
})

describe('the in-app list and the preferences', () => {
  it("lists one's own notifications newest first, marks one and all read; another person's id is not found", async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', assignee: 'engineer', status: 'IN_PROGRESS' })
    for (const [i, body] of ['first', 'second', 'third'].entries()) {
      await addComment({ actor: world.actors.caseadmin, number: c.number, input: { body }, now: new Date(world.now.getTime() + i * 60_000) })
    }
    expect(await unreadNotificationCount({ actor: world.actors.engineer })).toBe(3)
    const page1 = await listNotifications({ actor: world.actors.engineer, input: { limit: '2' } })
    expect(page1.notifications.map((n) => n.body)).toEqual([`caseadmin ${world.tag} replied`, `caseadmin ${world.tag} replied`])
    expect(page1.notifications[0]!.createdAt.getTime()).toBeGreaterThan(page1.notifications[1]!.createdAt.getTime())
    const page2 = await listNotifications({ actor: world.actors.engineer, input: { limit: '2', cursor: page1.nextCursor! } })
    expect(page2).toMatchObject({ unread: 3, nextCursor: null })
    expect(page2.notifications).toHaveLength(1)
    expect(page1.notifications[0]!.url).toBe(`/cases/${c.number}`)

    await expect(markNotificationsRead({ actor: world.actors.caseadmin, input: { ids: [page1.notifications[0]!.id] }, now: world.now })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(listNotifications({ actor: world.actors.caseadmin, input: { cursor: page1.notifications[0]!.id } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    expect(await markNotificationsRead({ actor: world.actors.engineer, input: { ids: [page1.notifications[0]!.id] }, now: world.now })).toEqual({
      marked: 1,
      unread: 2,
    })
    expect(await markNotificationsRead({ actor: world.actors.engineer, input: { ids: [page1.notifications[0]!.id] }, now: world.now })).toEqual({
      marked: 0,
      unread: 2,
    })
    expect((await listNotifications({ actor: world.actors.engineer, input: { unread: 'true' } })).notifications).toHaveLength(2)
    expect(await markNotificationsRead({ actor: world.actors.engineer, input: { all: true }, now: world.now })).toEqual({ marked: 2, unread: 0 })
    await expect(markNotificationsRead({ actor: world.actors.engineer, input: {}, now: world.now })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(markNotificationsRead({ actor: world.actors.engineer, input: { ids: [], all: true }, now: world.now })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(listNotifications({ actor: world.actors.engineer, input: { limit: '0' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('preferences: each person sees the kinds that can reach them; unknown kinds are refused; the change is audited', async () => {
    const world = await createWorld()
    const customer = await getNotificationSettings({ actor: world.actors.caseadmin })
    expect(customer.othersCases).toBe(true)
    expect(customer.kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['case-opened', 'case-resolved', 'severity-changed', 'escalation-resolved']))
    expect(customer.kinds.map((k) => k.kind)).not.toContain('case-assigned')
    expect(customer.kinds.every((k) => k.mail)).toBe(true)
    const engineer = await getNotificationSettings({ actor: world.actors.engineer })
    expect(engineer.kinds.map((k) => k.kind)).toEqual(['case-assigned', 'customer-activity', 'case-reopened', 'escalation-assigned', 'breach-warning'])

    await expect(
      updateNotificationSettings({ actor: world.actors.caseadmin, input: { mail: ['nonsense'], othersCases: true }, now: world.now }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await updateNotificationSettings({ actor: world.actors.caseadmin, input: { mail: ['case-resolved'], othersCases: false }, now: world.now })
    const after = await getNotificationSettings({ actor: world.actors.caseadmin })
    expect(after.othersCases).toBe(false)
    expect(after.kinds.filter((k) => k.mail).map((k) => k.kind)).toEqual(['case-resolved'])
    expect(
      await prisma.auditEntry.count({
        where: { action: 'notification-settings.updated', entityId: world.users.caseadmin.id, actorId: world.users.caseadmin.id },
      }),
    ).toBe(1)
  })
})
