'use server'

import { revalidatePath } from 'next/cache'
import { fromZonedTime } from 'date-fns-tz'
import { runAction, type ActionResult } from '@/server/api/action'
import { AppError } from '@/server/errors'
import { isRealDate } from '@/lib/text'
import { assignCase } from '@/server/engineer/assign-case'
import { replyToCase, requestInformation } from '@/server/engineer/reply-to-case'
import { logContactAttempt } from '@/server/engineer/contact-attempts'
import { closeResolvedCase, resolveCase } from '@/server/engineer/resolve-case'

// Server Actions of the vendor tools on the case page (assignment also from the queue's Take button):
// each one is a thin wrapper over one service (the actor is re-checked by runAction, the rules live in
// the service). The escalation steps are in ../../escalations/actions.ts.

const field = (form: FormData, name: string) => {
  const v = form.get(name)
  return typeof v === 'string' ? v : undefined
}
function numberOf(form: FormData): number {
  const n = Number(field(form, 'caseNumber'))
  if (!Number.isInteger(n) || n <= 0) throw new AppError('BAD_REQUEST', 'The form did not say which case it is for: reload the page')
  return n
}

/** A datetime-local value (YYYY-MM-DDTHH:mm[:ss]) as an instant; anything else is passed on as it
 * came, for the service's schema to refuse with a clear message (never an Invalid Date). */
function localToInstant(local: string, timeZone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local) || !isRealDate(local.slice(0, 10))) return local
  const instant = fromZonedTime(local, timeZone)
  return Number.isNaN(instant.getTime()) ? local : instant.toISOString()
}

function refresh(caseNumber: number) {
  revalidatePath(`/cases/${caseNumber}`)
  revalidatePath('/queue')
  revalidatePath('/escalations')
}

export async function assignCaseAction(_prev: unknown, form: FormData): Promise<ActionResult<{ assignee: string }>> {
  return runAction(
    async (actor) => {
      const number = numberOf(form)
      const result = await assignCase({ actor, number, input: { engineer: field(form, 'engineer'), version: field(form, 'version') }, now: new Date() })
      refresh(number)
      return { assignee: result.assignee.name }
    },
    { form },
  )
}

export async function replyAction(_prev: unknown, form: FormData): Promise<ActionResult<{ public: boolean; firstResponse: string | null }>> {
  return runAction(
    async (actor) => {
      const number = numberOf(form)
      const result = await replyToCase({
        actor,
        number,
        input: { body: field(form, 'body'), public: field(form, 'visibility') === 'public', version: field(form, 'version') },
        now: new Date(),
      })
      refresh(number)
      return { public: result.public, firstResponse: result.firstResponse?.responseStatus ?? null }
    },
    { form },
  )
}

export async function requestInformationAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      const number = numberOf(form)
      await requestInformation({ actor, number, input: { body: field(form, 'body'), version: field(form, 'version') }, now: new Date() })
      refresh(number)
      return null
    },
    { form },
  )
}

export async function logContactAttemptAction(_prev: unknown, form: FormData): Promise<ActionResult<{ verdict: string; businessDays: number }>> {
  return runAction(
    async (actor) => {
      const number = numberOf(form)
      // A datetime-local field is wall-clock time in the engineer's own zone (never guessed).
      const local = field(form, 'at')
      const at = local ? localToInstant(local, actor.timeZone) : undefined
      const result = await logContactAttempt({
        actor,
        number,
        input: { at, channel: field(form, 'channel'), outcome: field(form, 'outcome') },
        now: new Date(),
      })
      refresh(number)
      return { verdict: result.verdict, businessDays: result.contactAttempts.businessDays }
    },
    { form },
  )
}

export async function resolveCaseAction(_prev: unknown, form: FormData): Promise<ActionResult<{ status: string }>> {
  return runAction(
    async (actor) => {
      const number = numberOf(form)
      const result = await resolveCase({
        actor,
        number,
        input: { code: field(form, 'code'), summary: field(form, 'summary'), duplicateOf: field(form, 'duplicateOf'), version: field(form, 'version') },
        now: new Date(),
      })
      refresh(number)
      return { status: result.status }
    },
    { form },
  )
}

export async function closeResolvedCaseAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    async (actor) => {
      const number = numberOf(form)
      await closeResolvedCase({ actor, number, input: { version: field(form, 'version') }, now: new Date() })
      refresh(number)
      return null
    },
    { form },
  )
}
