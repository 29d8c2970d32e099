import { afterEach, describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { notify } from '@/server/notifications/notify'
import { backoffMs, deliverDue, LEASE_MS, MAX_ATTEMPTS } from '@/server/notifications/deliver'
import { devInboxTransport, smtpTransport, type MailTransport } from '@/server/notifications/transport'
import { makeCaseWithDeadline } from '../support/make-case'
import { freePort, startSmtpServer, type TestSmtpServer } from '../support/smtp'
import { createWorld } from '../support/world'
import { requestPartnerAccess } from '@/server/partners/request-access'
import { announcePartnerRequests } from '@/server/partners/announce-requests'
import { approvePartnerGrant } from '@/server/partners/decide-grant'
import { inviteCaseAdmin } from '@/server/organisation/invitations'

const servers: TestSmtpServer[] = []
const transports: MailTransport[] = []
afterEach(async () => {
  for (const t of transports.splice(0)) t.close()
  for (const s of servers.splice(0)) await s.stop()
})

async function smtp(port?: number, received?: TestSmtpServer['received']) {
  const server = await startSmtpServer(port, received)
  servers.push(server)
  return server
}
function transportTo(url: string) {
  const t = smtpTransport(url, 'Support Portal <support@vendor.example>')
  transports.push(t)
  return t
}

/** A world with `cases` opened cases, each announced to its three recipients: 3 × cases messages. */
async function queueMessages(cases: number) {
  const world = await createWorld()
  const caseIds: string[] = []
  for (let i = 0; i < cases; i++) {
    const c = await makeCaseWithDeadline(world, { openedBy: 'partner' })
    await prisma.$transaction((tx) => notify(tx, { kind: 'case-opened', caseId: c.id }, world.now))
    caseIds.push(c.id)
  }
  const rows = await prisma.outboxMessage.findMany({ where: { kind: 'case-opened', text: { contains: world.tag } }, orderBy: { id: 'asc' } })
  return { world, ids: rows.map((r) => r.id), rows }
}

describe('outbox delivery through a real SMTP server', () => {
  it('delivers every due message once, marks it sent, and sends nothing twice', async () => {
    const { world, ids, rows } = await queueMessages(2)
    expect(ids).toHaveLength(6)
    const server = await smtp()
    const report = await deliverDue({ now: world.now, transport: transportTo(server.url), ids })
    expect(report).toEqual({ claimed: 6, sent: 6, retried: 0, failed: 0 })
    expect(server.received).toHaveLength(6)
    expect(server.received.map((m) => m.outboxId).sort()).toEqual([...ids].sort())
    for (const row of rows) {
      const mail = server.received.find((m) => m.outboxId === row.id)!
      expect(mail.to).toEqual([row.to])
      expect(mail.from).toBe('support@vendor.example')
      expect(mail.subject).toBe(row.subject)
      expect(mail.messageId).toBe(`<${row.id}@support-portal.outbox>`)
      expect(mail.text.trim()).toBe(row.text.trim())
    }
    const after = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } })
    expect(after.every((m) => m.status === 'SENT' && m.sentAt?.getTime() === world.now.getTime() && m.attempts === 1 && m.lastError === null)).toBe(true)
    expect(await deliverDue({ now: new Date(world.now.getTime() + 3_600_000), transport: transportTo(server.url), ids })).toEqual({
      claimed: 0,
      sent: 0,
      retried: 0,
      failed: 0,
    })
    expect(server.received).toHaveLength(6)
  })

  it('loses nothing while the mail server is down: retries with backoff, delivers everything once it is up', async () => {
    const { world, ids } = await queueMessages(3)
    expect(ids).toHaveLength(9)
    const port = await freePort()
    const url = `smtp://127.0.0.1:${port}`

    // Down: every attempt fails, every message stays PENDING with a later next attempt.
    const down = await deliverDue({ now: world.now, transport: transportTo(url), ids })
    expect(down).toEqual({ claimed: 9, sent: 0, retried: 9, failed: 0 })
    let rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } })
    for (const r of rows) {
      expect(r.status).toBe('PENDING')
      expect(r.attempts).toBe(1)
      expect(r.nextAttemptAt.getTime() - world.now.getTime()).toBe(backoffMs(1))
      expect(r.lastError).toMatch(/ECONNREFUSED/)
    }
    // Still down 30 s later: the second attempt fails too, and waits twice as long.
    const t1 = new Date(world.now.getTime() + backoffMs(1))
    expect(await deliverDue({ now: new Date(t1.getTime() - 1), transport: transportTo(url), ids })).toMatchObject({ claimed: 0 })
    expect(await deliverDue({ now: t1, transport: transportTo(url), ids })).toEqual({ claimed: 9, sent: 0, retried: 9, failed: 0 })
    rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } })
    expect(rows.every((r) => r.attempts === 2 && r.nextAttemptAt.getTime() - t1.getTime() === backoffMs(2))).toBe(true)

    // Up again: the next run delivers all nine, each exactly once.
    const server = await smtp(port)
    const t2 = new Date(t1.getTime() + backoffMs(2))
    expect(await deliverDue({ now: t2, transport: transportTo(url), ids })).toEqual({ claimed: 9, sent: 9, retried: 0, failed: 0 })
    expect(server.received).toHaveLength(9)
    expect(new Set(server.received.map((m) => m.outboxId))).toEqual(new Set(ids))
    rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } })
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 3 && r.sentAt?.getTime() === t2.getTime())).toBe(true)
    expect(await deliverDue({ now: new Date(t2.getTime() + 86_400_000), transport: transportTo(url), ids })).toMatchObject({ claimed: 0 })
    expect(server.received).toHaveLength(9)
  })

  it("backs off exponentially and gives up after MAX_ATTEMPTS with the server's reason kept", async () => {
    const { world, ids } = await queueMessages(1)
    const server = await smtp()
    const refused = (await prisma.outboxMessage.findFirstOrThrow({ where: { id: { in: ids }, to: { startsWith: 'licadmin' } } })).id
    server.rejecting.add((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: refused } })).to)
    let now = world.now
    const waits: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverDue({ now, transport: transportTo(server.url), ids: [refused] })
      expect(report.claimed).toBe(1)
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: refused } })
      if (attempt < MAX_ATTEMPTS) {
        expect(row).toMatchObject({ status: 'PENDING', attempts: attempt })
        waits.push((row.nextAttemptAt.getTime() - now.getTime()) / 1000)
        now = row.nextAttemptAt
      } else {
        expect(row).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS })
        expect(row.lastError).toMatch(/550/)
      }
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600])
    expect(await deliverDue({ now: new Date(now.getTime() + 86_400_000), transport: transportTo(server.url), ids: [refused] })).toMatchObject({ claimed: 0 })
    // The other recipients of the same change were not held back by the refused one.
    expect(await deliverDue({ now: world.now, transport: transportTo(server.url), ids: ids.filter((id) => id !== refused) })).toMatchObject({ sent: 2 })
  })

  it('two workers running at once deliver each message exactly once', async () => {
    const { world, ids } = await queueMessages(4)
    const server = await smtp()
    const [a, b] = await Promise.all([
      deliverDue({ now: world.now, transport: transportTo(server.url), ids, batchSize: 7 }),
      deliverDue({ now: world.now, transport: transportTo(server.url), ids, batchSize: 7 }),
    ])
    const rest = await deliverDue({ now: world.now, transport: transportTo(server.url), ids })
    expect(a.sent + b.sent + rest.sent).toBe(12)
    expect(server.received).toHaveLength(12)
    expect(new Set(server.received.map((m) => m.outboxId)).size).toBe(12)
  })

  it('a claim is a lease: a message whose worker died is tried again after LEASE_MS, not before', async () => {
    const { world, ids } = await queueMessages(1)
    const [id] = ids
    // A worker claimed the message (this is the state its claim leaves) and died before settling it.
    await prisma.outboxMessage.update({ where: { id: id! }, data: { attempts: 1, nextAttemptAt: new Date(world.now.getTime() + LEASE_MS) } })
    const server = await smtp()
    expect(await deliverDue({ now: new Date(world.now.getTime() + LEASE_MS - 1), transport: transportTo(server.url), ids: [id!] })).toMatchObject({
      claimed: 0,
    })
    expect(await deliverDue({ now: new Date(world.now.getTime() + LEASE_MS), transport: transportTo(server.url), ids: [id!] })).toMatchObject({ sent: 1 })
    expect(server.received).toHaveLength(1)
  })

  it('without SMTP_URL messages go to the dev inbox: marked sent, nothing on the network', async () => {
    const { world, ids } = await queueMessages(1)
    expect(await deliverDue({ now: world.now, transport: devInboxTransport, ids })).toEqual({ claimed: 3, sent: 3, retried: 0, failed: 0 })
    expect((await prisma.outboxMessage.findMany({ where: { id: { in: ids } } })).every((m) => m.status === 'SENT')).toBe(true)
  })

  it('a partner request, its decision and an invitation, from the services to the mailbox', async () => {
    const world = await createWorld()
    const { actors, users, supportIds, now } = world
    const server = await smtp()
    const grant = await requestPartnerAccess({ actor: actors.partner, input: { supportIdCode: supportIds.basic.code }, now })
    // The worker's step that tells the administrators (decision 0018).
    await announcePartnerRequests({ now, ids: [grant.id] })
    await approvePartnerGrant({ actor: actors.licadmin, input: { grantId: grant.id }, now })
    await inviteCaseAdmin({ actor: actors.licadmin, input: { supportIdCode: supportIds.basic.code, email: `new.${world.tag}@test.example` }, now })
    const ids = (
      await prisma.outboxMessage.findMany({ where: { OR: [{ to: { contains: world.tag } }, { subject: { contains: world.tag } }] }, select: { id: true } })
    ).map((m) => m.id)
    expect(await deliverDue({ now, transport: transportTo(server.url), ids })).toEqual({ claimed: 4, sent: 4, retried: 0, failed: 0 })
    const inbox = (email: string) => server.received.filter((m) => m.to.includes(email)).map((m) => m.subject)
    expect(inbox(users.licadmin.email)).toEqual([`partner ${world.tag} requests access to Support ID ${supportIds.basic.code}`])
    expect(inbox(users.caseadmin.email)).toEqual([`partner ${world.tag} requests access to Support ID ${supportIds.basic.code}`])
    expect(inbox(users.partner.email)).toEqual([`Access to Support ID ${supportIds.basic.code} approved`])
    const invitation = server.received.find((m) => m.to.includes(`new.${world.tag}@test.example`))!
    expect(invitation.subject).toBe(`You are invited to be a Case Administrator for customer ${world.tag}`)
    expect(invitation.text).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/)
  })
})
