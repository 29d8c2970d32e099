import 'server-only'
import { prisma } from '@/server/db/client'
import { isVendor, type Actor } from '@/server/auth/actor'
import { slaState } from '@/lib/sla-state'
import { calendarForSupportId } from '@/server/support-ids/calendar'
import { findVisibleCase } from './case-write'
import { mayWorkCase } from '@/server/access/case-work'
import { toResponseTarget } from '@/lib/sla-state'
import { contactStandingFor } from '@/server/engineer/contact-attempts'
import { withoutEmails } from './public-event-data'
import { contactMatters } from '@/lib/cases/severity-1-contact'
import { reopenDeadline } from '@/lib/cases/schemas'
import { isOpenStatus } from '@/lib/cases/status'
import { hasPhoneSupport } from '@/lib/cases/phone-support'

export type TimelineItem =
  | { kind: 'comment'; id: string; at: Date; author: { name: string; side: 'customer' | 'vendor' }; body: string; internal: boolean }
  | {
      kind: 'event'
      id: string
      at: Date
      type: string
      actor: { name: string; side: 'customer' | 'vendor' } | null
      before: unknown
      after: unknown
      internal: boolean
    }

/** One case as the actor may see it: customers never see internal notes or internal events. */
export async function getCase({ actor, number, now }: { actor: Actor; number: number; now: Date }) {
  const vendor = isVendor(actor)
  const { id } = await findVisibleCase(prisma, actor, number, { id: true })
  const c = await prisma.case.findUniqueOrThrow({
    where: { id },
    include: {
      supportId: {
        select: {
          id: true,
          code: true,
          tier: true,
          organisation: { select: { name: true } },
          accountManager: { select: { name: true, email: true } },
          region: { select: { name: true, phoneLines: { select: { country: true, number: true, hours: true }, orderBy: { country: 'asc' } } } },
        },
      },
      productVersion: { select: { name: true, phase: true, product: { select: { name: true } } } },
      openedBy: { select: { name: true, organisation: { select: { kind: true } } } },
      assignee: { select: { name: true, email: true } },
      ratedBy: { select: { name: true } },
      relatedCase: { select: { number: true, title: true } },
      referencedBy: { select: { number: true, title: true }, orderBy: { number: 'asc' } },
      comments: {
        where: vendor ? {} : { internal: false },
        orderBy: { createdAt: 'asc' },
        include: { author: { select: { name: true, organisation: { select: { kind: true } } } } },
      },
      events: {
        where: vendor ? {} : { internal: false },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        include: { actor: { select: { name: true, organisation: { select: { kind: true } } } } },
      },
      attachments: { orderBy: { createdAt: 'asc' }, include: { uploadedBy: { select: { name: true } } } },
      escalations: {
        orderBy: { openedAt: 'asc' },
        select: { id: true, status: true, openedAt: true, reason: true, preferredContactTime: true, resolvedAt: true, resolution: true },
      },
    },
  })
  const calendar = await calendarForSupportId(prisma, c.supportId.id)
  const side = (kind: string) => (kind === 'VENDOR' ? ('vendor' as const) : ('customer' as const))
  const timeline: TimelineItem[] = [
    ...c.comments.map((m) => ({
      kind: 'comment' as const,
      id: m.id,
      at: m.createdAt,
      author: { name: m.author.name, side: side(m.author.organisation.kind) },
      body: m.body,
      internal: m.internal,
    })),
    // Comments speak for themselves; their events would only repeat them.
    ...c.events
      .filter((e) => e.type !== 'comment.added' && e.type !== 'reply.added')
      .map((e) => ({
        kind: 'event' as const,
        id: String(e.id),
        at: e.at,
        type: e.type,
        actor: e.actor ? { name: e.actor.name, side: side(e.actor.organisation.kind) } : null,
        before: vendor ? e.before : withoutEmails(e.before),
        after: vendor ? e.after : withoutEmails(e.after),
        internal: e.internal,
      })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime())

  const open = isOpenStatus(c.status)
  // A resolved case: the customer's reply reopens it until 14 days after the resolution; then a follow-up case (decision 0015).
  const reopenUntil = c.status === 'RESOLVED' && c.resolvedAt ? reopenDeadline(c.resolvedAt) : null
  const reopenable = !!reopenUntil && now.getTime() < reopenUntil.getTime()
  // Vendor staff see every case but change only those their role may work (access/case-work.ts).
  const works = open && (await mayWorkCase(prisma, actor, c.number))
  const sla = slaState({ ...c, calendar }, now)
  // Vendor staff only: where the policy's contact-attempt rule stands (issue 4).
  const contact = vendor ? await contactStandingFor(prisma, c) : null
  const phoneLines = open && hasPhoneSupport(c) ? c.supportId.region.phoneLines : []
  return {
    number: c.number,
    version: c.version,
    title: c.title,
    description: c.description,
    environment: c.environment,
    category: c.category,
    severity: c.severity,
    status: c.status,
    tier: c.tier,
    supportId: {
      code: c.supportId.code,
      organisation: c.supportId.organisation.name,
      region: c.supportId.region.name,
      accountManager: c.tier === 'PREMIER' ? c.supportId.accountManager : null,
    },
    product: c.productVersion ? { name: c.productVersion.product.name, version: c.productVersion.name, phase: c.productVersion.phase } : null,
    preferredLanguage: c.preferredLanguage,
    technicalContact: c.technicalContactName ? { name: c.technicalContactName, phone: c.technicalContactPhone } : null,
    businessHoursOnly: c.businessHoursOnly,
    openedAt: c.openedAt,
    openedBy: { name: c.openedBy.name },
    assignee: c.assignee ? { name: c.assignee.name, ...(vendor ? { email: c.assignee.email } : {}) } : null,
    responseTarget: toResponseTarget(c),
    responseStatus: sla.status,
    sla,
    firstResponseAt: c.firstResponseAt,
    resolution: c.resolutionCode ? { code: c.resolutionCode, summary: c.resolutionSummary, resolvedAt: c.resolvedAt } : null,
    closedAt: c.closedAt,
    reopenUntil: reopenable ? reopenUntil : null,
    // The customer's rating is for vendor staff (decision 0015); the customer side sees that the resolution was confirmed.
    rating: vendor && c.rating && c.ratedAt ? { rating: c.rating, comment: c.ratingComment, ratedAt: c.ratedAt, by: c.ratedBy?.name ?? null } : null,
    confirmedAt: c.ratedAt,
    relatedCase: c.relatedCase,
    referencedBy: c.referencedBy,
    timeline,
    attachments: c.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      size: a.size,
      contentType: a.contentType,
      sha256: a.sha256,
      uploadedAt: a.createdAt,
      uploadedBy: a.uploadedBy.name,
    })),
    escalations: c.escalations,
    phoneLines,
    // The customer's own calendar (site zone and holidays): the SLA engine's input for time left.
    calendar,
    contactAttempts: contact
      ? { businessDays: contact.businessDays.length, required: contact.required, closeWithoutConsentAllowed: contact.closeWithoutConsentAllowed }
      : undefined,
    can: {
      comment: (open || reopenable) && !vendor,
      confirmResolution: c.status === 'RESOLVED' && !vendor,
      upload: works,
      changeSeverity: works,
      escalate: open && !vendor && !c.escalations.some((e) => e.status !== 'RESOLVED'),
      close: open && !vendor,
      // Severity 1 on Production / Premier: the customer names (or changes) the round-the-clock contact (decision 0016).
      setTechnicalContact: open && !vendor && contactMatters(c.tier, c.severity),
      openFollowUp: !open && !reopenable && !vendor,
    },
  }
}

export type CaseDetail = Awaited<ReturnType<typeof getCase>>
