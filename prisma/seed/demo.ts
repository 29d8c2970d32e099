// The demo data set: idempotent (reference data is upserted; cases are generated once, from a
// fixed random seed, relative to the time of the first seeding).
import type { PrismaClient } from '../../src/generated/prisma/client'
import type { CaseStatus, ResolutionCode, Tier, VendorRole } from '../../src/generated/prisma/enums'
import { type Severity } from '../../src/lib/sla'
import { computeCaseTarget } from '../../src/server/cases/case-target'
import { DEMO_PASSWORD } from '../../src/lib/demo-accounts'
import { KB_ARTICLES, PRODUCTS, REGIONS } from './catalogue'
import { grantRole, hashDemoPassword, upsertOrganisation, upsertPartnerGrant, upsertSupportId, upsertUser } from './factories'
import { holidaysFor } from './holidays'
import { rng } from './random'

const HOLIDAY_YEARS = [2026, 2027, 2028]
const DAY = 86_400_000
const HOUR = 3_600_000

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`)

export async function seedReferenceData(db: PrismaClient) {
  for (const r of REGIONS) {
    const calendar = await db.holidayCalendar.upsert({ where: { name: `${r.name} holidays` }, update: {}, create: { name: `${r.name} holidays` } })
    await db.region.upsert({
      where: { code: r.code },
      update: { name: r.name, languages: [...r.languages], defaultTimeZone: r.defaultTimeZone },
      create: { code: r.code, name: r.name, languages: [...r.languages], defaultTimeZone: r.defaultTimeZone, holidayCalendarId: calendar.id },
    })
    if ((await db.phoneLine.count({ where: { regionCode: r.code } })) === 0) {
      await db.phoneLine.createMany({ data: r.phones.map((p) => ({ regionCode: r.code, country: p.country, number: p.number, hours: p.hours })) })
    }
    await db.holiday.createMany({
      data: holidaysFor(r.code, HOLIDAY_YEARS).map((h) => ({ calendarId: calendar.id, date: dateOnly(h.date), name: h.name })),
      skipDuplicates: true,
    })
  }
  const products = []
  for (const p of PRODUCTS) {
    const product = await db.product.upsert({ where: { name: p.name }, update: {}, create: { name: p.name } })
    for (const v of p.versions) {
      await db.productVersion.upsert({
        where: { productId_name: { productId: product.id, name: v.name } },
        update: { phase: v.phase },
        create: { productId: product.id, name: v.name, phase: v.phase, releasedAt: dateOnly(v.releasedAt) },
      })
    }
    products.push(product)
  }
  for (const a of KB_ARTICLES) {
    const productId = a.productIndex === null ? null : products[a.productIndex]!.id
    await db.kbArticle.upsert({
      where: { slug: a.slug },
      update: { title: a.title, summary: a.summary, body: a.body, tags: a.tags, productId },
      create: { slug: a.slug, title: a.title, summary: a.summary, body: a.body, tags: a.tags, productId, publishedAt: new Date('2026-01-15T09:00:00Z') },
    })
  }
  return products
}

const PROBLEMS = [
  [
    'Backup job fails with insufficient space on repository',
    'The nightly backup job fails with "Insufficient free space on repository" although the volume shows 2 TB free.',
  ],
  ['Replication stuck waiting for infrastructure resources', 'Replication jobs stay at "Waiting for infrastructure resources" for hours and then time out.'],
  ['Instant recovery fails to publish disk', 'Instant recovery of the SQL VM fails with "Failed to publish disk" on the ESXi host.'],
  ['Console cannot connect after upgrade', 'After upgrading the backup server the console reports a version mismatch and cannot connect.'],
  ['Slow backup performance, bottleneck source', 'Full backups take twice as long since last week; the statistics show the bottleneck at Source.'],
  ['Linux agent cannot load kernel module', 'After a kernel update the agent reports that the snapshot module cannot be loaded.'],
  ['Monitor data collection failed for vCenter', 'Monitor shows "Data collection failed" for our vCenter since the password change.'],
  ['Cloud Connect gateway unavailable', 'Tenants cannot connect: the gateway is reported unavailable although the service runs.'],
  ['Licence shows support expired after renewal', 'We renewed our maintenance last month but the console still says support expired.'],
  ['Exchange application-aware processing fails', 'Application-aware processing fails on the Exchange server with a VSS writer error.'],
  ['Backup server crashes during merge', 'The backup service crashes with out-of-memory during the synthetic full merge.'],
  ['Tape job fails: drive not ready', 'The weekly tape job fails with "Drive is not ready" on library slot 3.'],
  ['Question about retention settings', 'How do GFS retention settings interact with the short-term retention on a backup copy job?'],
  ['Documentation typo in restore guide', 'The restore guide lists the wrong port for the mount server (it says 2500, the product uses 6160).'],
] as const

const RESOLUTIONS: [ResolutionCode, string][] = [
  ['SOLUTION_OR_WORKAROUND', 'Applied the workaround from the engineer; jobs run again.'],
  ['HOTFIX_OR_PATCH', 'Installed the hotfix provided for this build.'],
  ['UPGRADE', 'Upgraded to the current version, which fixes the issue.'],
  ['KNOWLEDGE_BASE', 'Resolved by the knowledge-base article linked in the case.'],
  ['THIRD_PARTY', "Caused by the storage vendor's firmware; referred through TSANet."],
  ['FEATURE_REQUEST', 'Recorded as a feature request for a future release.'],
  ['DUPLICATE', 'Duplicate of another open case for the same environment.'],
]

export async function seedDemo(db: PrismaClient, now: Date) {
  const products = await seedReferenceData(db)
  const passwordHash = await hashDemoPassword(DEMO_PASSWORD)

  const vendor = await upsertOrganisation(db, { id: 'org_vendor', name: 'Vault Software', kind: 'VENDOR' })
  const acme = await upsertOrganisation(db, { id: 'org_acme', name: 'Acme', kind: 'CUSTOMER', regionCode: 'US' })
  const globex = await upsertOrganisation(db, { id: 'org_globex', name: 'Globex', kind: 'CUSTOMER', regionCode: 'EMEA' })
  const northwind = await upsertOrganisation(db, { id: 'org_northwind', name: 'Northwind', kind: 'PARTNER', regionCode: 'US' })

  const user = (email: string, name: string, organisationId: string, timeZone: string, vendorRoles: VendorRole[] = []) =>
    upsertUser(db, { email, name, organisationId, passwordHash, timeZone, vendorRoles })
  const licadmin = await user('licadmin@acme.example', 'Lena Ortiz', acme.id, 'America/Chicago')
  const caseadmin = await user('caseadmin@acme.example', 'Carl Mendes', acme.id, 'America/Chicago')
  await user('user@acme.example', 'Uma Patel', acme.id, 'America/Chicago')
  const globexAdmin = await user('caseadmin@globex.example', 'Greta Braun', globex.id, 'Europe/Berlin')
  const partner = await user('partner@northwind.example', 'Pavel Novak', northwind.id, 'America/New_York')
  const engineer = await user('engineer@vendor.example', 'Erin Walsh', vendor.id, 'America/New_York', ['ENGINEER'])
  const engineer2 = await user('engineer2@vendor.example', 'Kenji Sato', vendor.id, 'Europe/Dublin', ['ENGINEER'])
  const manager = await user('manager@vendor.example', 'Maya Johnson', vendor.id, 'America/New_York', ['MANAGER'])
  const sam = await user('sam@vendor.example', 'Sam Rivera', vendor.id, 'America/Chicago', ['SUPPORT_ACCOUNT_MANAGER'])
  await user('admin@vendor.example', 'Ada Park', vendor.id, 'UTC', ['ADMIN'])

  const allProducts = products.map((p) => p.id)
  const yearAgo = new Date(now.getTime() - 300 * DAY)
  const inAYear = new Date(now.getTime() + 240 * DAY)
  const sid = (
    code: string,
    organisationId: string,
    tier: Tier,
    regionCode: string,
    siteTimeZone: string,
    extra: Partial<{ start: Date; end: Date; productIds: string[]; accountManagerId: string }> = {},
  ) =>
    upsertSupportId(db, {
      code,
      organisationId,
      tier,
      regionCode,
      siteTimeZone,
      maintenanceStart: extra.start ?? yearAgo,
      maintenanceEnd: extra.end ?? inAYear,
      productIds: extra.productIds ?? allProducts,
      accountManagerId: extra.accountManagerId ?? null,
    })
  const acmeIds = {
    premier: await sid('AC-PREM-1001', acme.id, 'PREMIER', 'US', 'America/Chicago', { accountManagerId: sam.id }),
    production: await sid('AC-PROD-1002', acme.id, 'PRODUCTION', 'US', 'America/Chicago'),
    basic: await sid('AC-BASC-1003', acme.id, 'BASIC', 'US', 'America/Chicago'),
    evaluation: await sid('AC-EVAL-1004', acme.id, 'EVALUATION', 'US', 'America/Chicago', {
      end: new Date(now.getTime() + 25 * DAY),
      productIds: [allProducts[0]!],
    }),
    free: await sid('AC-FREE-1005', acme.id, 'FREE_NFR', 'US', 'America/Chicago', { productIds: [allProducts[1]!] }),
    expired: await sid('AC-BASC-0999', acme.id, 'BASIC', 'US', 'America/Chicago', {
      start: new Date(now.getTime() - 800 * DAY),
      end: new Date(now.getTime() - 70 * DAY),
    }),
  }
  const globexIds = {
    production: await sid('GX-PROD-2001', globex.id, 'PRODUCTION', 'EMEA', 'Europe/Berlin'),
    basic: await sid('GX-BASC-2002', globex.id, 'BASIC', 'EMEA', 'Europe/Berlin'),
  }
  for (const s of Object.values(acmeIds)) await grantRole(db, licadmin.id, s.id, 'LICENSE_ADMIN_PRIMARY')
  for (const s of [acmeIds.premier, acmeIds.production, acmeIds.basic, acmeIds.evaluation, acmeIds.free]) await grantRole(db, caseadmin.id, s.id, 'CASE_ADMIN')
  for (const s of Object.values(globexIds)) await grantRole(db, globexAdmin.id, s.id, 'CASE_ADMIN')
  await upsertPartnerGrant(db, {
    partnerOrgId: northwind.id,
    supportIdId: acmeIds.production.id,
    status: 'APPROVED',
    requestedById: partner.id,
    requestedAt: new Date(now.getTime() - 40 * DAY),
    decidedById: caseadmin.id,
    decidedAt: new Date(now.getTime() - 39 * DAY),
  })
  await upsertPartnerGrant(db, {
    partnerOrgId: northwind.id,
    supportIdId: acmeIds.basic.id,
    status: 'PENDING',
    requestedById: partner.id,
    requestedAt: new Date(now.getTime() - 2 * DAY),
  })

  if ((await db.case.count()) > 0) return { seededCases: 0 }

  // Cases: about 200, in every status, spread over the last four months.
  const r = rng(20261128)
  const calendars = new Map<string, { timeZone: string; holidays: string[] }>()
  const calendarFor = async (s: { id: string; siteTimeZone: string; regionCode: string }) => {
    let cal = calendars.get(s.id)
    if (!cal) {
      const region = await db.region.findUniqueOrThrow({ where: { code: s.regionCode }, include: { holidayCalendar: { include: { holidays: true } } } })
      cal = { timeZone: s.siteTimeZone, holidays: region.holidayCalendar.holidays.map((h) => h.date.toISOString().slice(0, 10)) }
      calendars.set(s.id, cal)
    }
    return cal
  }
  const versions = await db.productVersion.findMany()
  const sources = [
    { s: acmeIds.premier, openers: [caseadmin, licadmin], w: 4 },
    { s: acmeIds.production, openers: [caseadmin, licadmin, partner], w: 6 },
    { s: acmeIds.basic, openers: [caseadmin, licadmin], w: 5 },
    { s: acmeIds.evaluation, openers: [caseadmin], w: 2 },
    { s: acmeIds.free, openers: [caseadmin], w: 1.5 },
    { s: acmeIds.expired, openers: [licadmin], w: 0.5 },
    { s: globexIds.production, openers: [globexAdmin], w: 4 },
    { s: globexIds.basic, openers: [globexAdmin], w: 3 },
  ]
  const engineers = [engineer, engineer2]
  const closed: { id: string; supportIdId: string }[] = []
  let seeded = 0
  for (let i = 0; i < 200; i++) {
    const src = r.weighted(sources.map((x) => [x, x.w] as [typeof x, number]))
    const s = src.s
    const region = REGIONS.find((x) => x.code === s.regionCode)!
    const category =
      s.code === 'AC-BASC-0999'
        ? 'LICENSING'
        : r.weighted([
            ['TECHNICAL', 85],
            ['LICENSING', 10],
            ['FEEDBACK', 5],
          ] as const)
    const minSeverity = s.tier === 'EVALUATION' || s.tier === 'FREE_NFR' ? 2 : 1
    const drawn = Math.max(
      minSeverity,
      r.weighted([
        [1, 10],
        [2, 30],
        [3, 40],
        [4, 20],
      ] as [number, number][]),
    ) as Severity
    // Feedback is Severity 4 by definition ("general feedback").
    const severity: Severity = category === 'FEEDBACK' ? 4 : drawn
    // A sixth of the cases are from the last day and a half, so the queues have live deadlines.
    const ageMs = (r.next() < 0.16 ? r.between(0.01, 1.5) : Math.max(0.03, 120 * Math.pow(r.next(), 1.6))) * DAY
    const openedAt = new Date(now.getTime() - ageMs)
    const target = computeCaseTarget({ tier: s.tier, severity, category, openedAt, calendar: await calendarFor(s) })
    const ageDays = ageMs / DAY
    const status: CaseStatus =
      ageDays < 2
        ? r.weighted([
            ['NEW', 45],
            ['IN_PROGRESS', 35],
            ['WAITING_ON_CUSTOMER', 20],
          ])
        : ageDays < 14
          ? r.weighted([
              ['NEW', 8],
              ['IN_PROGRESS', 40],
              ['WAITING_ON_CUSTOMER', 25],
              ['RESOLVED', 27],
            ])
          : r.weighted([
              ['CLOSED', 70],
              ['RESOLVED', 15],
              ['IN_PROGRESS', 10],
              ['WAITING_ON_CUSTOMER', 5],
            ])
    const capNow = (t: number) => new Date(Math.min(t, now.getTime() - 60_000))
    let firstResponseAt: Date | null = null
    if (status !== 'NEW') {
      const window = target.targetDueAt ? target.targetDueAt.getTime() - openedAt.getTime() : 24 * HOUR
      const factor = r.next() < 0.85 ? r.between(0.15, 0.95) : r.between(1.1, 3)
      firstResponseAt = capNow(openedAt.getTime() + window * factor)
    }
    const assignee = status === 'NEW' ? (r.next() < 0.3 ? r.pick(engineers) : null) : r.pick(engineers)
    const resolvedAt = status === 'RESOLVED' || status === 'CLOSED' ? capNow(firstResponseAt!.getTime() + r.between(0.5, 10) * DAY) : null
    const closedAt = status === 'CLOSED' ? capNow(resolvedAt!.getTime() + r.between(1, 3) * DAY) : null
    const resolution = resolvedAt ? r.pick(RESOLUTIONS) : null
    const [title, description] =
      category === 'FEEDBACK'
        ? ['Feedback: the download page is hard to find', 'The link to the latest build is buried three levels deep on the website.']
        : category === 'LICENSING'
          ? ['Licence renewal and key update', 'We need the renewed licence key for our maintenance renewal.']
          : r.pick(PROBLEMS)
    const productVersions = versions.filter((v) => v.productId === allProducts[Math.floor(r.next() * allProducts.length)])
    const opener = r.pick(src.openers)
    const needsContact = severity === 1 && (s.tier === 'PRODUCTION' || s.tier === 'PREMIER')
    const hasContact = needsContact && r.next() < 0.8
    const related = closed.length > 5 && r.next() < 0.08 ? closed.find((c) => c.supportIdId === s.id) : undefined

    const created = await db.case.create({
      data: {
        supportIdId: s.id,
        organisationId: s.organisationId,
        tier: s.tier,
        regionCode: s.regionCode,
        productVersionId: category === 'FEEDBACK' ? null : productVersions.length ? r.pick(productVersions).id : null,
        category,
        severity,
        status,
        title,
        description,
        environment:
          category === 'TECHNICAL'
            ? r.pick(['VMware vSphere 8.0, Windows Server 2022', 'Hyper-V 2022 cluster', 'Ubuntu 24.04 LTS, kernel 6.8', 'RHEL 9.4 on bare metal'])
            : null,
        preferredLanguage: r.next() < 0.8 ? region.languages[0] : r.pick(region.languages),
        technicalContactName: hasContact ? r.pick(['Jordan Lee', 'Alex Kim', 'Sam Carter']) : null,
        technicalContactPhone: hasContact ? '+1 312 555 0188' : null,
        businessHoursOnly: needsContact && !hasContact,
        openedById: opener.id,
        openedAt,
        ...target,
        firstResponseAt,
        responseDueAt: firstResponseAt ? null : target.targetDueAt,
        assigneeId: assignee?.id ?? null,
        resolutionCode: resolution?.[0] ?? null,
        resolutionSummary: resolution?.[1] ?? null,
        resolvedAt,
        closedAt,
        relatedCaseId: related?.id ?? null,
        lastCustomerActivityAt: openedAt,
      },
    })
    if (closedAt) closed.push({ id: created.id, supportIdId: s.id })
    const events: { type: string; at: Date; actorId: string | null; after?: object; before?: object; internal?: boolean }[] = [
      {
        type: 'case.opened',
        at: openedAt,
        actorId: opener.id,
        after: { severity, category, status: 'NEW', targetKind: target.targetKind, targetDueAt: target.targetDueAt },
      },
    ]
    const comments: { authorId: string; body: string; internal: boolean; createdAt: Date }[] = []
    if (assignee)
      events.push({
        type: 'case.assigned',
        at: new Date(openedAt.getTime() + 60_000),
        actorId: assignee.id,
        after: { assignee: assignee.email, assigneeName: assignee.name },
        internal: false,
      })
    if (firstResponseAt && assignee) {
      comments.push({
        authorId: assignee.id,
        body: `Thank you for contacting support. I am looking into "${title}". Could you confirm when the problem started and whether anything changed in the environment?`,
        internal: false,
        createdAt: firstResponseAt,
      })
      events.push({
        type: 'case.first-response',
        at: firstResponseAt,
        actorId: assignee.id,
        after: { met: !target.targetDueAt || firstResponseAt <= target.targetDueAt },
      })
      events.push({ type: 'case.status-changed', at: firstResponseAt, actorId: assignee.id, before: { status: 'NEW' }, after: { status: 'IN_PROGRESS' } })
    }
    if (status === 'WAITING_ON_CUSTOMER' && firstResponseAt && assignee) {
      const at = capNow(firstResponseAt.getTime() + 2 * HOUR)
      comments.push({
        authorId: assignee.id,
        body: 'Please upload the logs exported with the log collection wizard (last 7 days) so we can analyse them offline.',
        internal: false,
        createdAt: at,
      })
      events.push({ type: 'case.information-requested', at, actorId: assignee.id, before: { status: 'IN_PROGRESS' }, after: { status: 'WAITING_ON_CUSTOMER' } })
    }
    if (resolvedAt && resolution && assignee) {
      events.push({
        type: 'case.resolved',
        at: resolvedAt,
        actorId: assignee.id,
        after: { status: 'RESOLVED', resolutionCode: resolution[0], summary: resolution[1] },
      })
    }
    if (closedAt) events.push({ type: 'case.closed', at: closedAt, actorId: opener.id, before: { status: 'RESOLVED' }, after: { status: 'CLOSED' } })
    await db.caseEvent.createMany({
      data: events.map((e) => ({
        caseId: created.id,
        actorId: e.actorId,
        at: e.at,
        type: e.type,
        before: e.before,
        after: e.after,
        internal: e.internal ?? false,
      })),
    })
    if (comments.length) await db.comment.createMany({ data: comments.map((c) => ({ ...c, caseId: created.id })) })

    if (status === 'WAITING_ON_CUSTOMER' && assignee && r.next() < 0.5) {
      const first = capNow((firstResponseAt?.getTime() ?? openedAt.getTime()) + 3 * HOUR)
      await db.contactAttempt.create({
        data: { caseId: created.id, engineerId: assignee.id, at: first, channel: 'PHONE', outcome: 'NO_ANSWER', createdAt: first },
      })
      await db.caseEvent.create({
        data: { caseId: created.id, actorId: assignee.id, at: first, type: 'case.contact-attempt', after: { channel: 'PHONE', outcome: 'NO_ANSWER' } },
      })
    }
    if (!closedAt && !resolvedAt && r.next() < 0.15) {
      const at = capNow(openedAt.getTime() + ageMs * 0.6)
      const esc = await db.escalation.create({
        data: {
          caseId: created.id,
          requestedById: opener.id,
          reason: 'The case is not progressing and production is affected.',
          preferredContactTime: 'Weekdays 09:00–12:00',
          openedAt: at,
          status: r.next() < 0.3 ? 'ACKNOWLEDGED' : 'OPEN',
          acknowledgedAt: null,
          handledById: null,
        },
      })
      if (esc.status === 'ACKNOWLEDGED') await db.escalation.update({ where: { id: esc.id }, data: { acknowledgedAt: at, handledById: manager.id } })
      await db.caseEvent.create({ data: { caseId: created.id, actorId: opener.id, at, type: 'escalation.opened', after: { reason: esc.reason } } })
    }
    seeded++
  }
  return { seededCases: seeded }
}
