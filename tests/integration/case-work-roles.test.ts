// Which vendor role may change which cases (issue 10, decision 0009): engineers and managers every
// case, a Support Account Manager only the cases of the Premier Support IDs naming them, an
// Administrator without another role none (administration only). Seeing a case is not working it.
import { describe, expect, it } from 'vitest'
import { prisma } from '@/server/db/client'
import { loadActor } from '@/server/auth/actor'
import { replyToCase, requestInformation } from '@/server/engineer/reply-to-case'
import { logContactAttempt } from '@/server/engineer/contact-attempts'
import { closeResolvedCase, resolveCase } from '@/server/engineer/resolve-case'
import { getVendorCaseTools } from '@/server/engineer/get-vendor-case'
import { changeSeverity } from '@/server/cases/change-severity'
import { uploadAttachment } from '@/server/cases/attachments'
import { getCase } from '@/server/cases/get-case'
import { hashDemoPassword, upsertUser } from '../../prisma/seed/factories'
import type { PrismaClient } from '@/generated/prisma/client'
import { createWorld } from '../support/world'
import { at, makeCase } from '../support/make-case'

const opened = at('2026-11-20T14:00:00Z')
const now = at('2026-11-20T15:00:00Z')
const bytes = new TextEncoder().encode('job log\n')

async function worldWithAccountManager() {
  const world = await createWorld()
  const sam = await upsertUser(prisma as unknown as PrismaClient, {
    email: `sam.${world.tag}@test.example`,
    name: `sam ${world.tag}`,
    organisationId: world.orgs.vendor.id,
    passwordHash: await hashDemoPassword('test-password-1'),
    timeZone: 'America/Chicago',
    vendorRoles: ['SUPPORT_ACCOUNT_MANAGER'],
  })
  await prisma.supportId.update({ where: { id: world.supportIds.premier.id }, data: { accountManagerId: sam.id } })
  return { world, sam: (await loadActor(sam.id))! }
}

/** Every case change a vendor actor may try, on one case. */
const writes = (number: number) => ({
  reply: (actor: Parameters<typeof replyToCase>[0]['actor']) => replyToCase({ actor, number, input: { body: 'We are on it', public: true }, now }),
  requestInformation: (actor: Parameters<typeof replyToCase>[0]['actor']) =>
    requestInformation({ actor, number, input: { body: 'Please send the job log' }, now }),
  contactAttempt: (actor: Parameters<typeof replyToCase>[0]['actor']) =>
    logContactAttempt({ actor, number, input: { channel: 'phone', outcome: 'no-answer' }, now }),
  changeSeverity: (actor: Parameters<typeof replyToCase>[0]['actor']) =>
    changeSeverity({ actor, number, input: { severity: 2, reason: 'Agreed with the customer' }, now }),
  upload: (actor: Parameters<typeof replyToCase>[0]['actor']) => uploadAttachment({ actor, number, file: { name: 'job.log', bytes }, now }),
  resolve: (actor: Parameters<typeof replyToCase>[0]['actor']) =>
    resolveCase({ actor, number, input: { code: 'SOLUTION_OR_WORKAROUND', summary: 'Fixed by the patch' }, now }),
})

describe('case work per vendor role', () => {
  it('an account manager works the Premier cases they manage, and no other customer’s (403, nothing written)', async () => {
    const { world, sam } = await worldWithAccountManager()
    const foreign = await makeCase(world, { supportId: 'other', openedAt: opened }) // another company's case
    const unmanaged = await makeCase(world, { supportId: 'production', openedAt: opened }) // same customer, not theirs
    for (const c of [foreign, unmanaged]) {
      for (const [what, write] of Object.entries(writes(c.number))) {
        await expect(write(sam), what).rejects.toMatchObject({
          code: 'FORBIDDEN',
          message: expect.stringMatching(/not on a Premier Support ID you are the account manager of/),
        })
      }
      expect(await prisma.caseEvent.count({ where: { caseId: c.id, type: { not: 'case.opened' } } })).toBe(0)
      expect(await prisma.contactAttempt.count({ where: { caseId: c.id } })).toBe(0)
      expect(await prisma.attachment.count({ where: { caseId: c.id } })).toBe(0)
      // They still see the case (the queue is shared), without the forms to change it.
      const tools = await getVendorCaseTools({ actor: sam, number: c.number, now })
      expect(tools.can).toMatchObject({ reply: false, logContactAttempt: false, resolve: false })
      expect(tools.workNote).toMatch(/Premier Support IDs you are the account manager of/)
      expect((await getCase({ actor: sam, number: c.number, now })).can).toMatchObject({ upload: false, changeSeverity: false })
    }

    const mine = await makeCase(world, { supportId: 'premier', severity: 3, openedAt: opened })
    expect(await getVendorCaseTools({ actor: sam, number: mine.number, now })).toMatchObject({
      workNote: null,
      can: { reply: true, logContactAttempt: true, resolve: true },
    })
    expect((await getCase({ actor: sam, number: mine.number, now })).can).toMatchObject({ upload: true, changeSeverity: true })
    const w = writes(mine.number)
    await w.reply(sam)
    await w.contactAttempt(sam)
    await w.changeSeverity(sam)
    await w.upload(sam)
    await expect(w.resolve(sam)).resolves.toMatchObject({ status: 'RESOLVED' })
    await expect(closeResolvedCase({ actor: sam, number: mine.number, input: {}, now })).resolves.toMatchObject({ status: 'CLOSED' })
  })

  it('a Support ID that is no longer Premier no longer gives its old account manager the cases', async () => {
    const { world, sam } = await worldWithAccountManager()
    const c = await makeCase(world, { supportId: 'premier', openedAt: opened })
    await prisma.supportId.update({ where: { id: world.supportIds.premier.id }, data: { tier: 'PRODUCTION' } })
    await expect(writes(c.number).reply(sam)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('an administrator without another role does no case work: severity, uploads, replies all 403', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { supportId: 'other', openedAt: opened })
    for (const [what, write] of Object.entries(writes(c.number))) {
      await expect(write(world.actors.admin), what).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(writes(c.number).changeSeverity(world.actors.admin)).rejects.toThrow(/case work is for support engineers, managers and account managers/)
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { severity: true, version: true } })).toEqual({ severity: 3, version: 0 })
    expect(await prisma.attachment.count({ where: { caseId: c.id } })).toBe(0)
    expect((await getCase({ actor: world.actors.admin, number: c.number, now })).can).toMatchObject({ upload: false, changeSeverity: false })
  })

  it('engineers and managers work every customer’s cases; customers still get 404 on cases they do not see', async () => {
    const world = await createWorld()
    const c = await makeCase(world, { supportId: 'other', openedAt: opened })
    await writes(c.number).changeSeverity(world.actors.engineer)
    await writes(c.number).upload(world.actors.manager)
    await writes(c.number).reply(world.actors.manager)
    await expect(writes(c.number).changeSeverity(world.actors.caseadmin)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(writes(c.number).upload(world.actors.partner)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      changeSeverity({ actor: world.actors.otherAdmin, number: c.number, input: { severity: 3, reason: 'Back to normal' }, now }),
    ).resolves.toMatchObject({ severity: 3 })
  })
})
