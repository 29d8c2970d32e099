'use server'

import { revalidatePath } from 'next/cache'
import { runAction, type ActionResult } from '@/server/api/action'
import { AppError } from '@/server/errors'
import { acknowledgeEscalation, addEscalationNote, assignEscalationEngineer, resolveEscalation } from '@/server/escalations/handle-escalation'

// The escalation steps, from this queue and from the case page's vendor tools: one Server Action,
// one service per step (the actor is re-checked by runAction, the rules live in the service).

const field = (form: FormData, name: string) => {
  const v = form.get(name)
  return typeof v === 'string' ? v : undefined
}

function refresh(caseNumber?: number) {
  if (caseNumber) revalidatePath(`/cases/${caseNumber}`)
  revalidatePath('/queue')
  revalidatePath('/escalations')
}

export async function escalationAction(_prev: unknown, form: FormData): Promise<ActionResult<{ step: string }>> {
  return runAction(
    async (actor) => {
      const escalationId = field(form, 'escalationId') ?? ''
      const step = field(form, 'step')
      const now = new Date()
      if (step === 'acknowledge') await acknowledgeEscalation({ actor, escalationId, now })
      else if (step === 'assign') await assignEscalationEngineer({ actor, escalationId, input: { engineer: field(form, 'engineer') }, now })
      else if (step === 'note') await addEscalationNote({ actor, escalationId, input: { note: field(form, 'note') }, now })
      else if (step === 'resolve') await resolveEscalation({ actor, escalationId, input: { resolution: field(form, 'resolution') }, now })
      else throw new AppError('BAD_REQUEST', 'Unknown escalation step: reload the page')
      const caseNumber = Number(field(form, 'caseNumber'))
      refresh(Number.isFinite(caseNumber) ? caseNumber : undefined)
      return { step }
    },
    { form },
  )
}
