import 'server-only'
import type { Tx } from '@/server/db/client'
import { appUrl } from './app-url'
import { USER, type Recipient } from './audiences'
import type { Outgoing } from './kinds'
import type { CaseSummary, Mail } from './templates'

// What the messages are about: the case, escalation or partner grant, read in the caller's transaction.

/** One message per person, linking to the case. */
export const toCase = (c: LoadedCase, people: Recipient[], mail: (r: Recipient) => Mail): Outgoing[] =>
  people.map((r) => ({ to: r.email, mail: mail(r), user: r, url: `/cases/${c.number}`, caseId: c.id }))

export async function loadCase(tx: Tx, caseId: string) {
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      number: true,
      title: true,
      severity: true,
      tier: true,
      category: true,
      businessHoursOnly: true,
      regionCode: true,
      openedAt: true,
      closedAt: true,
      targetKind: true,
      targetDueAt: true,
      targetMinutes: true,
      targetClock: true,
      responseDueAt: true,
      firstResponseAt: true,
      status: true,
      resolutionCode: true,
      resolutionSummary: true,
      resolvedAt: true,
      supportIdId: true,
      organisationId: true,
      organisation: { select: { name: true } },
      supportId: { select: { code: true } },
      openedBy: { select: { ...USER, organisation: { select: { kind: true, name: true } } } },
      assignee: { select: USER },
    },
  })
  if (!c) throw new Error(`notify: case ${caseId} not found`)
  return c
}
export type LoadedCase = Awaited<ReturnType<typeof loadCase>>

export async function loadEscalation(tx: Tx, escalationId: string) {
  const e = await tx.escalation.findUnique({
    where: { id: escalationId },
    select: {
      caseId: true,
      reason: true,
      resolution: true,
      openedAt: true,
      acknowledgedAt: true,
      resolvedAt: true,
      requestedBy: { select: USER },
      handledBy: { select: { name: true } },
      assignedEngineer: { select: USER },
    },
  })
  if (!e) throw new Error(`notify: escalation ${escalationId} not found`)
  return e
}

export const summary = (c: LoadedCase): CaseSummary => ({
  number: c.number,
  title: c.title,
  severity: c.severity,
  tier: c.tier,
  supportIdCode: c.supportId.code,
  url: appUrl(`/cases/${c.number}`),
})

export async function loadGrant(tx: Tx, grantId: string) {
  const g = await tx.partnerGrant.findUnique({
    where: { id: grantId },
    select: {
      status: true,
      requestedAt: true,
      decidedAt: true,
      partnerOrgId: true,
      requestedCode: true,
      partnerOrg: { select: { name: true } },
      requestedBy: { select: USER },
      supportId: { select: { id: true, code: true, organisationId: true } },
    },
  })
  if (!g) throw new Error(`notify: partner grant ${grantId} not found`)
  return g
}
