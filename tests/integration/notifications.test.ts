import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { revealMailText } from '@/server/notifications/secret-parts'
import { notify, type Notification } from '@/server/notifications/notify'
import { listInbox, retryOutboxMessage } from '@/server/notifications/list-inbox'
import { makeCaseWithDeadline } from '../support/make-case'
import { createWorld } from '../support/world'

async function send(n: Notification, now: Date) {
  return prisma.$transaction((tx) => notify(tx, n, now))
}

async function outboxFor(kind: string, tag: string) {
  const rows = await prisma.outboxMessage.findMany({
    where: { kind, OR: [{ text: { contains: tag } }, { subject: { contains: tag } }, { to: { contains: tag } }] },
    orderBy: { to: 'asc' },
  })
  return rows
}

describe('notify: recipients', () => {
  it("case opened: the Support ID administrators and the opener; phone lines and target in each recipient's zone", async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'partner' })
    expect(await send({ kind: 'case-opened', caseId: c.id }, world.now)).toBe(3)
    const rows = await prisma.outboxMessage.findMany({ where: { kind: 'case-opened', text: { contains: `#${c.number}` } } })
    expect(rows.map((r) => r.to).sort()).toEqual([world.users.caseadmin.email, world.users.licadmin.email, world.users.partner.email].sort())
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'PENDING', attempts: 0, nextAttemptAt: world.now, createdAt: world.now })
      expect(r.subject).toBe(`Case #${c.number} opened: Backups fail ${world.tag}`)
      expect(r.text).toContain(`Support ID ${world.supportIds.production.code} (Production) · Severity 2`)
      expect(r.text).toContain('3 hours, due by Fri 20 Nov 2026, 12:00 (America/Chicago)')
      expect(r.text).toContain('+1 800 555 0142')
      expect(r.text).toContain(`${world.users.partner.name} (partner ${world.tag})`)
      expect(r.text).not.toContain(world.orgs.other.name)
    }
  })

  it('case updates go to the opener and the administrators; internal notes to nobody', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'caseadmin', assignee: 'engineer' })
    const reply = await prisma.comment.create({
      data: { caseId: c.id, authorId: world.users.engineer.id, body: `Please send logs ${world.tag}`, createdAt: world.now },
    })
    const note = await prisma.comment.create({
      data: { caseId: c.id, authorId: world.users.engineer.id, body: 'internal only', internal: true, createdAt: world.now },
    })
    expect(await send({ kind: 'engineer-reply', caseId: c.id, commentId: reply.id }, world.now)).toBe(2)
    expect(await send({ kind: 'engineer-reply', caseId: c.id, commentId: note.id }, world.now)).toBe(0)
    const replies = await outboxFor('engineer-reply', world.tag)
    expect(replies.map((r) => r.to)).toEqual([world.users.caseadmin.email, world.users.licadmin.email].sort())
    expect(replies[0]!.text).toContain(`Please send logs ${world.tag}`)
    expect(replies.some((r) => r.text.includes('internal only'))).toBe(false)

    expect(await send({ kind: 'information-requested', caseId: c.id }, world.now)).toBe(2)
    expect((await outboxFor('information-requested', world.tag))[0]!.text).toContain('needs information from you')

    const attempt = await prisma.contactAttempt.create({
      data: { caseId: c.id, engineerId: world.users.engineer.id, at: world.now, channel: 'PHONE', outcome: 'NO_ANSWER', createdAt: world.now },
    })
    expect(await send({ kind: 'contact-attempt', caseId: c.id, attemptId: attempt.id }, world.now)).toBe(2)
    const attemptMail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'contact-attempt', to: world.users.licadmin.email } })
    expect(attemptMail.text).toContain('by phone on Fri 20 Nov 2026, 09:00 (America/Chicago); there was no answer')
    expect(attemptMail.text).toContain('Unanswered attempts on this case so far: 1')

    expect(await send({ kind: 'closed-without-consent', caseId: c.id }, world.now)).toBe(2)
    const closed = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'closed-without-consent', to: world.users.caseadmin.email } })
    expect(closed.text).toContain(`open a new case and reference case #${c.number}`)
  })

  it('a revoked partner who opened the case, or a removed Case Administrator, hears nothing more', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'partner' })
    await prisma.partnerGrant.updateMany({ where: { partnerOrgId: world.orgs.partnerOrg.id }, data: { status: 'REVOKED' } })
    expect(await send({ kind: 'information-requested', caseId: c.id }, world.now)).toBe(2)
    expect((await outboxFor('information-requested', world.tag)).map((r) => r.to)).not.toContain(world.users.partner.email)

    const c2 = await makeCaseWithDeadline(world, { openedBy: 'caseadmin' })
    await prisma.supportIdRole.deleteMany({ where: { userId: world.users.caseadmin.id, supportIdId: world.supportIds.production.id } })
    expect(await send({ kind: 'closed-without-consent', caseId: c2.id }, world.now)).toBe(1)
    const rows = await prisma.outboxMessage.findMany({ where: { kind: 'closed-without-consent', text: { contains: `#${c2.number}` } } })
    expect(rows.map((r) => r.to)).toEqual([world.users.licadmin.email])
  })

  it('escalation opened: vendor managers only', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world)
    const e = await prisma.escalation.create({
      data: { caseId: c.id, requestedById: world.users.caseadmin.id, reason: `Stuck ${world.tag}`, openedAt: world.now },
    })
    await send({ kind: 'escalation-opened', escalationId: e.id }, world.now)
    const rows = await prisma.outboxMessage.findMany({ where: { kind: 'escalation-opened', text: { contains: `Stuck ${world.tag}` } } })
    const to = rows.map((r) => r.to)
    expect(to).toContain(world.users.manager.email)
    for (const email of [world.users.engineer.email, world.users.admin.email, world.users.caseadmin.email, world.users.licadmin.email])
      expect(to).not.toContain(email)
    const managers = await prisma.user.findMany({ where: { vendorRoles: { has: 'MANAGER' }, disabledAt: null, organisation: { kind: 'VENDOR' } } })
    expect(new Set(to)).toEqual(new Set(managers.map((m) => m.email)))
  })

  it('partner request to the Support ID administrators; the decision to the requesting partner user', async () => {
    const world = await createWorld()
    const grant = await prisma.partnerGrant.findFirstOrThrow({ where: { partnerOrgId: world.users.pendingPartner.organisationId } })
    expect(await send({ kind: 'partner-request', grantId: grant.id }, world.now)).toBe(2)
    const req = await outboxFor('partner-request', world.tag)
    expect(req.map((r) => r.to)).toEqual([world.users.caseadmin.email, world.users.licadmin.email].sort())
    expect(req[0]!.subject).toBe(`pending ${world.tag} requests access to Support ID ${world.supportIds.production.code}`)

    await prisma.partnerGrant.update({ where: { id: grant.id }, data: { status: 'APPROVED', decidedAt: world.now, decidedById: world.users.caseadmin.id } })
    expect(await send({ kind: 'partner-decision', grantId: grant.id }, world.now)).toBe(1)
    const decision = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'partner-decision', to: world.users.pendingPartner.email } })
    expect(decision.subject).toBe(`Access to Support ID ${world.supportIds.production.code} approved`)
    expect(decision.text).not.toContain(world.users.caseadmin.email)
  })

  it('invitation to the invitee, with the link', async () => {
    const world = await createWorld()
    const inv = await prisma.invitation.create({
      data: {
        email: `new.${world.tag}@test.example`,
        supportIdId: world.supportIds.basic.id,
        role: 'CASE_ADMIN',
        tokenHash: `hash-${world.tag}`,
        invitedById: world.users.licadmin.id,
        createdAt: world.now,
        expiresAt: new Date(world.now.getTime() + 7 * 86_400_000),
      },
    })
    expect(await send({ kind: 'case-admin-invitation', invitationId: inv.id, link: `http://portal.test/invite/tok-${world.tag}` }, world.now)).toBe(1)
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'case-admin-invitation', to: `new.${world.tag}@test.example` } })
    // The link itself is sealed, never in the stored text (decision 0007).
    expect(mail.text).not.toContain(`tok-${world.tag}`)
    expect(revealMailText(mail)).toContain(`http://portal.test/invite/tok-${world.tag}`)
    expect(mail.text).toContain(world.supportIds.basic.code)
    expect(mail.subject).toBe(`You are invited to be a Case Administrator for customer ${world.tag}`)
  })

  it('breach warning: the assignee, else every engineer (the queue)', async () => {
    const world = await createWorld()
    const assigned = await makeCaseWithDeadline(world, { assignee: 'engineer2', dueInMinutes: 20 })
    expect(await send({ kind: 'breach-warning', caseId: assigned.id }, world.now)).toBe(1)
    expect((await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'breach-warning', to: world.users.engineer2.email } })).text).toContain(
      'assigned to you',
    )

    const queued = await makeCaseWithDeadline(world, { dueInMinutes: 20 })
    await send({ kind: 'breach-warning', caseId: queued.id }, world.now)
    const rows = await prisma.outboxMessage.findMany({ where: { kind: 'breach-warning', text: { contains: `#${queued.number}` } } })
    const to = rows.map((r) => r.to)
    expect(to).toEqual(expect.arrayContaining([world.users.engineer.email, world.users.engineer2.email]))
    expect(to).not.toContain(world.users.manager.email)
    expect(rows[0]!.text).toContain('unassigned and waiting in the queue')
    expect(rows[0]!.text).toContain('20 min left')
  })

  it('writes nothing when the surrounding transaction fails', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world)
    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, { kind: 'case-opened', caseId: c.id }, world.now)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await prisma.outboxMessage.count({ where: { text: { contains: `#${c.number}` } } })).toBe(0)
  })
})

describe('the dev inbox (SMTP_URL unset) and the outbox page', () => {
  it('shows each person only their own mail; administrators see and retry everything', async () => {
    const world = await createWorld()
    const c = await makeCaseWithDeadline(world, { openedBy: 'partner' })
    await send({ kind: 'case-opened', caseId: c.id }, world.now)
    const mine = await listInbox({ actor: world.actors.partner })
    expect(mine).toMatchObject({ scope: 'mine', devInbox: true })
    expect(mine.messages.map((m) => m.to)).toEqual([world.users.partner.email])
    expect((await listInbox({ actor: world.actors.otherAdmin })).messages).toEqual([])
    const all = await listInbox({ actor: world.actors.admin, input: { q: world.tag } })
    expect(all.scope).toBe('all')
    expect(all.messages).toHaveLength(3)

    const failed = all.messages[0]!
    await prisma.outboxMessage.update({ where: { id: failed.id }, data: { status: 'FAILED', attempts: 10, lastError: '550 mailbox unavailable' } })
    await expect(retryOutboxMessage({ actor: world.actors.engineer, messageId: failed.id, now: world.now })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await retryOutboxMessage({ actor: world.actors.admin, messageId: failed.id, now: world.now })
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: world.now,
    })
    await expect(retryOutboxMessage({ actor: world.actors.admin, messageId: failed.id, now: world.now })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await prisma.auditEntry.count({ where: { action: 'outbox-message.retried', entityId: failed.id, actorId: world.users.admin.id } })).toBe(1)
  })
})
