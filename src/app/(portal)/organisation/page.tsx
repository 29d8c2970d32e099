import type { Metadata } from 'next'
import { Alert, Badge, Card, EmptyState, PageHeader, Table } from '@/components/ui'
import { InviteCaseAdminForm, PartnerActions, RemoveCaseAdminButton, RevokeInvitationButton } from './_components/organisation-forms'
import { GrantStatusBadge } from '@/components/partners/grant-status-badge'
import { requirePageActor } from '@/server/auth/actor'
import { requirePage } from '@/server/access/page-access'
import { getOrganisation } from '@/server/organisation/get-organisation'
import { formatInstant } from '@/lib/format'
import { ROLE_LABELS, TIER_LABELS } from '@/lib/cases/labels'

export const metadata: Metadata = { title: 'Organisation' }

const day = (d: Date) => formatInstant(d, 'UTC', 'd MMM yyyy')

export default async function OrganisationPage() {
  const actor = await requirePageActor()
  await requirePage(actor, '/organisation')
  const now = new Date()
  const org = await getOrganisation({ actor, now })
  const when = (d: Date) => formatInstant(d, actor.timeZone, 'd MMM yyyy, HH:mm')
  const pending = org.supportIds.flatMap((s) => s.partners.filter((p) => p.status === 'PENDING').map((p) => ({ ...p, code: s.code })))

  return (
    <>
      <PageHeader
        title="Organisation"
        description={`${org.organisation.name}: the Support IDs you administer, who holds which role, and the support partners who act for you.`}
      />
      {org.supportIds.length === 0 ? (
        <EmptyState title="You administer no Support ID">
          License Administrators and Case Administrators manage their Support IDs here. Ask a License Administrator of {org.organisation.name} to invite you as
          a Case Administrator.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {pending.length > 0 && (
            <Alert tone="amber" title={`${pending.length} partner request${pending.length === 1 ? '' : 's'} waiting for a decision`}>
              <ul className="list-inside list-disc">
                {pending.map((p) => (
                  <li key={p.id}>
                    <a className="underline" href={`#support-id-${p.code}`}>
                      {p.partner} on {p.code}
                    </a>
                    , asked by {p.requestedBy.name} on {when(p.requestedAt)}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {org.supportIds.map((s) => (
            <Card key={s.code} className="p-5 sm:p-6" aria-labelledby={`support-id-${s.code}-title`}>
              <div id={`support-id-${s.code}`} className="flex flex-wrap items-start justify-between gap-3 scroll-mt-6">
                <div>
                  <h2 id={`support-id-${s.code}-title`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                    <span className="font-mono">{s.code}</span>
                    <Badge tone="blue">{TIER_LABELS[s.tier]}</Badge>
                    {s.status === 'EXPIRED' ? <Badge tone="red">Maintenance expired</Badge> : <Badge tone="green">Active</Badge>}
                  </h2>
                  <p className="mt-1 text-sm text-slate-600">
                    {s.region.name} · site time zone {s.siteTimeZone} · maintenance {day(s.maintenanceStart)} – {day(s.maintenanceEnd)}
                  </p>
                </div>
                <p className="text-sm text-slate-600">You: {s.myRoles.map((r) => ROLE_LABELS[r]).join(', ')}</p>
              </div>

              <div className="mt-5 grid gap-6 xl:grid-cols-2">
                <section aria-label={`People of ${s.code}`}>
                  <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">People</h3>
                  {!s.canManageCaseAdmins && (
                    <p className="mt-1 text-xs text-slate-500">
                      As a Case Administrator you see the License Administrators; other Case Administrators are not shown.
                    </p>
                  )}
                  <div className="mt-2 overflow-x-auto">
                    <Table columns={['Name', 'Role', { label: 'Actions', srOnly: true }]} variant="inset">
                      {s.roles.map((r) => (
                        <tr key={`${r.userId}-${r.role}`}>
                          <td>
                            <span className="font-medium">{r.name}</span>
                            {r.isMe && <span className="text-slate-500"> (you)</span>}
                            <span className="block text-xs text-slate-500">
                              {r.email}
                              {r.disabled ? ' · disabled' : ''}
                            </span>
                          </td>
                          <td>{ROLE_LABELS[r.role]}</td>
                          <td className="text-right">
                            {s.canManageCaseAdmins && r.role === 'CASE_ADMIN' && (
                              <RemoveCaseAdminButton supportIdCode={s.code} userId={r.userId} name={r.name} />
                            )}
                          </td>
                        </tr>
                      ))}
                    </Table>
                  </div>
                  {s.canManageCaseAdmins && (
                    <div className="mt-4 space-y-3">
                      {s.invitations.length > 0 && (
                        <div>
                          <h4 className="text-xs font-semibold text-slate-600">Invitations waiting for an answer</h4>
                          <ul className="mt-1 divide-y divide-slate-100 text-sm">
                            {s.invitations.map((i) => (
                              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                                <span>
                                  <span className="font-medium">{i.email}</span>
                                  <span className="block text-xs text-slate-500">
                                    sent {when(i.sentAt)} by {i.invitedBy} · expires {when(i.expiresAt)}
                                  </span>
                                </span>
                                <RevokeInvitationButton invitationId={i.id} email={i.email} />
                              </li>
                            ))}
                          </ul>
                        </div>
                      )}
                      <InviteCaseAdminForm supportIdCode={s.code} />
                    </div>
                  )}
                </section>

                <section aria-label={`Support partners of ${s.code}`}>
                  <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Support partners</h3>
                  {s.partners.length === 0 ? (
                    <p className="mt-2 text-sm text-slate-600">
                      No partner has asked for access. A partner asks from its own portal with this Support ID&apos;s code; you approve or decline it here.
                    </p>
                  ) : (
                    <ul className="mt-2 divide-y divide-slate-100 text-sm">
                      {s.partners.map((p) => (
                        <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 py-2.5">
                          <div>
                            <p className="flex flex-wrap items-center gap-2 font-medium">
                              {p.partner} <GrantStatusBadge status={p.status} />
                            </p>
                            <p className="text-xs text-slate-500">
                              asked by {p.requestedBy.name} ({p.requestedBy.email}) on {when(p.requestedAt)}
                              {p.decidedAt && (
                                <>
                                  {' '}
                                  · {p.status.toLowerCase()} by {p.decidedBy ?? 'an administrator'} on {when(p.decidedAt)}
                                </>
                              )}
                            </p>
                            {p.note && <p className="mt-1 text-xs italic text-slate-600">“{p.note}”</p>}
                          </div>
                          {s.canDecidePartners && <PartnerActions grantId={p.id} status={p.status} partner={p.partner} supportIdCode={s.code} />}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  )
}
