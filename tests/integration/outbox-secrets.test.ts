import { afterEach, describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { deliverDue, purgeSentMail } from '@/server/notifications/deliver'
import { listInbox } from '@/server/notifications/list-inbox'
import { smtpTransport, type MailTransport } from '@/server/notifications/transport'
import { getInvitation, inviteCaseAdmin } from '@/server/organisation/invitations'
import { startSmtpServer, type TestSmtpServer } from '../support/smtp'
import { createWorld } from '../support/world'

// Pen test issue 10, finding 1: an Administrator's /inbox showed every invitation's secret link,
// and the token sat in OutboxMessage in plain text for ever (decision 0007).

const servers: TestSmtpServer[] = []
const transports: MailTransport[] = []
afterEach(async () => {
  for (const t of transports.splice(0)) t.close()
  for (const s of servers.splice(0)) await s.stop()
})

const LINK = /https?:\/\/\S+\/invite\/([A-Za-z0-9_-]{20,})/

async function invited() {
  const world = await createWorld()
  // An existing account (so it has an inbox) that holds no role on the Support ID yet.
  const invitee = world.users.user
  await inviteCaseAdmin({ actor: world.actors.licadmin, input: { supportIdCode: world.supportIds.basic.code, email: invitee.email }, now: world.now })
  const row = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'case-admin-invitation', to: invitee.email } })
  return { world, invitee, row }
}

describe('secret parts of mail', () => {
  it('the outbox row holds no token; an Administrator sees the mail without the link, the recipient with it', async () => {
    const { world, row } = await invited()
    expect(row.text).not.toMatch(LINK)
    expect(row.text).toContain('⟦secret:link⟧')
    expect(row.secrets).toMatch(/^v1\./)

    const asAdmin = await listInbox({ actor: world.actors.admin, input: { q: world.users.user.email } })
    const adminView = asAdmin.messages.find((m) => m.id === row.id)!
    expect(adminView.text).not.toMatch(LINK)
    expect(adminView.text).toContain('[secret link: shown only to the recipient]')
    expect(JSON.stringify(asAdmin)).not.toContain(row.secrets)

    const asRecipient = await listInbox({ actor: world.actors.user })
    const mine = asRecipient.messages.find((m) => m.id === row.id)!
    const token = LINK.exec(mine.text)![1]!
    expect(await getInvitation({ token, now: world.now })).toMatchObject({ email: world.users.user.email, state: 'pending' })
    // Nobody else's inbox has it, not even the inviting License Administrator's.
    expect(JSON.stringify(await listInbox({ actor: world.actors.licadmin }))).not.toContain(token)
    expect(row.secrets).not.toContain(token)
  })

  it('delivery by SMTP fills the link in on the way out, then erases the sealed copy', async () => {
    const { world, invitee, row } = await invited()
    const server = await startSmtpServer()
    servers.push(server)
    const transport = smtpTransport(server.url, 'Support Portal <support@vendor.example>')
    transports.push(transport)
    expect(await deliverDue({ now: world.now, transport, ids: [row.id] })).toMatchObject({ sent: 1 })
    const received = server.received.find((m) => m.outboxId === row.id)!
    expect(received.to).toEqual([invitee.email])
    const token = LINK.exec(received.text)![1]!
    expect(await getInvitation({ token, now: world.now })).toMatchObject({ state: 'pending' })
    const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })
    expect(after).toMatchObject({ status: 'SENT', secrets: null })
    expect(JSON.stringify(after)).not.toContain(token)
  })

  it('after the retention period a sent message keeps only its delivery record', async () => {
    const { world, row } = await invited()
    await deliverDue({ now: world.now, ids: [row.id] })
    const ids = [row.id]
    const DAY = 86_400_000
    expect(await purgeSentMail({ now: new Date(world.now.getTime() + 29 * DAY), retentionDays: 30, ids })).toEqual({ bodies: 0, secrets: 1 })
    const kept = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })
    expect(kept).toMatchObject({ secrets: null, bodyPurgedAt: null })
    expect(kept.text).toBe(row.text)
    const later = new Date(world.now.getTime() + 31 * DAY)
    expect(await purgeSentMail({ now: later, retentionDays: 30, ids })).toEqual({ bodies: 1, secrets: 0 })
    const record = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })
    expect(record).toMatchObject({
      to: row.to,
      subject: row.subject,
      kind: 'case-admin-invitation',
      status: 'SENT',
      text: '',
      secrets: null,
      bodyPurgedAt: later,
    })
  })
})
