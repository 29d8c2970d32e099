'use client'

import { ActionButton } from '@/components/ui/action-button'
import { retryMessageAction } from '@/app/(portal)/inbox/actions'

export function RetryMessageButton({ messageId }: { messageId: string }) {
  return (
    <ActionButton run={() => retryMessageAction(messageId)} pendingLabel="Queuing…">
      Retry delivery
    </ActionButton>
  )
}
