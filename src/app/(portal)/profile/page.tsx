import type { Metadata } from 'next'
import { Card, PageHeader, SectionTitle } from '@/components/ui'
import { requirePageActor } from '@/server/auth/actor'
import { getMe } from '@/server/me/get-me'
import { listApiTokens } from '@/server/tokens/api-tokens'
import { formatInstant } from '@/lib/format'
import { ROLE_LABELS } from '@/lib/cases/labels'
import { ApiTokens } from './api-tokens'
import { getNotificationSettings } from '@/server/notifications/settings'
import { NotificationSettingsForm } from './notification-settings'

export const metadata: Metadata = { title: 'Profile' }

export default async function ProfilePage() {
  const actor = await requirePageActor()
  const now = new Date()
  const [me, tokens, notifications] = await Promise.all([getMe({ actor }), listApiTokens({ actor, now }), getNotificationSettings({ actor })])
  return (
    <>
      <PageHeader title="Profile" description="Your account, your roles and your personal API tokens." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-6 lg:col-span-1">
          <SectionTitle>Account</SectionTitle>
          <dl className="mt-4 space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium">{me.user.name}</dd>
            </div>
            <div>
              <dt className="text-slate-500">E-mail</dt>
              <dd className="font-medium">{me.user.email}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Organisation</dt>
              <dd className="font-medium">{me.organisation.name}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Time zone</dt>
              <dd className="font-medium">{me.user.timeZone}</dd>
            </div>
          </dl>
          <h3 className="mt-6 text-sm font-semibold">Roles</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {me.roles.vendor.map((r) => (
              <li key={r}>{ROLE_LABELS[r]}</li>
            ))}
            {me.roles.supportIds.map((r) => (
              <li key={`${r.supportId}-${r.role}`}>
                {ROLE_LABELS[r.role]} · <code>{r.supportId}</code>
              </li>
            ))}
            {me.roles.partnerSupportIds.map((code) => (
              <li key={code}>
                Support Partner · <code>{code}</code>
              </li>
            ))}
            {me.roles.vendor.length + me.roles.supportIds.length + me.roles.partnerSupportIds.length === 0 && (
              <li className="text-slate-500">
                No case rights: you can read the knowledge base. Ask a License Administrator of your organisation to make you a Case Administrator.
              </li>
            )}
          </ul>
        </Card>
        <Card className="p-6 lg:col-span-2">
          <SectionTitle>Personal API tokens</SectionTitle>
          <p className="mt-1 text-sm text-slate-600">
            Use a token as <code>Authorization: Bearer …</code> with the{' '}
            <a className="text-brand-600 hover:underline" href="/api/v1/openapi.json">
              JSON API
            </a>
            . It acts as you, with your roles. The secret is shown once.
          </p>
          <ApiTokens
            tokens={tokens.map((t) => ({
              id: t.id,
              name: t.name,
              prefix: t.prefix,
              createdAt: formatInstant(t.createdAt, actor.timeZone),
              lastUsedAt: t.lastUsedAt ? formatInstant(t.lastUsedAt, actor.timeZone) : null,
              expiresAt: formatInstant(t.expiresAt, actor.timeZone),
              expired: t.expired,
            }))}
          />
        </Card>
        <Card className="p-6 lg:col-span-3" id="notifications">
          <SectionTitle>Notifications</SectionTitle>
          <NotificationSettingsForm kinds={notifications.kinds} othersCases={notifications.othersCases} administrator={me.roles.supportIds.length > 0} />
        </Card>
      </div>
    </>
  )
}
