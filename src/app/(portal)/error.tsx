'use client'

import { Alert, Button } from '@/components/ui'

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12">
      <Alert title="This page could not be loaded">Nothing you entered was lost on our side. Try again in a moment.</Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  )
}
