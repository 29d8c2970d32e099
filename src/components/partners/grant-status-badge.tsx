import { Badge } from '@/components/ui'

const STATUS = {
  PENDING: { label: 'Pending', tone: 'amber' },
  APPROVED: { label: 'Approved', tone: 'green' },
  DECLINED: { label: 'Declined', tone: 'slate' },
  REVOKED: { label: 'Revoked', tone: 'red' },
} as const

export function GrantStatusBadge({ status }: { status: keyof typeof STATUS }) {
  const s = STATUS[status]
  return <Badge tone={s.tone}>{s.label}</Badge>
}
