import { Badge } from '@/components/ui'
import type { ResponseStatus } from '@/lib/response-status'
import { STATUS_LABELS } from '@/lib/cases/labels'

const STATUS_TONES: Record<string, 'slate' | 'green' | 'red' | 'amber' | 'blue' | 'violet'> = {
  NEW: 'blue',
  IN_PROGRESS: 'violet',
  WAITING_ON_CUSTOMER: 'amber',
  RESOLVED: 'green',
  CLOSED: 'slate',
}

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? 'slate'}>{STATUS_LABELS[status] ?? status}</Badge>
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
