import { Badge } from '@/components/ui'
import type { ResponseStatus } from '@/lib/response-status'

const STATUS: Record<string, { label: string; tone: 'slate' | 'green' | 'red' | 'amber' | 'blue' | 'violet' }> = {
  NEW: { label: 'New', tone: 'blue' },
  IN_PROGRESS: { label: 'In progress', tone: 'violet' },
  WAITING_ON_CUSTOMER: { label: 'Waiting on customer', tone: 'amber' },
  RESOLVED: { label: 'Resolved', tone: 'green' },
  CLOSED: { label: 'Closed', tone: 'slate' },
}
export const STATUS_LABELS = Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [k, v.label]))

export function StatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: 'slate' as const }
  return <Badge tone={s.tone}>{s.label}</Badge>
}

const SEVERITY_TONES = { 1: 'red', 2: 'amber', 3: 'blue', 4: 'slate' } as const
export function SeverityBadge({ severity }: { severity: number }) {
  return <Badge tone={SEVERITY_TONES[severity as 1 | 2 | 3 | 4] ?? 'slate'}>Sev {severity}</Badge>
}

export function ResponseBadge({ status }: { status: ResponseStatus }) {
  if (status === 'met') return <Badge tone="green">Met</Badge>
  if (status === 'breached') return <Badge tone="red">Breached</Badge>
  if (status === 'pending') return <Badge tone="blue">Pending</Badge>
  return <Badge>Best effort</Badge>
}
