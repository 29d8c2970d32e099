// The policy's contact-attempt rule, pure (no clock, no database): "after three unanswered
// attempts on three separate business days of the customer's calendar the case may be closed
// without the customer's consent". See docs/decisions/0003-contact-attempt-business-days.md.
import { isOpenAt, localDateTime, tierCalendar, type Tier } from '@/lib/sla'
import type { CustomerCalendar } from '@/lib/sla-state'

export const REQUIRED_BUSINESS_DAYS = 3

export type ContactOutcome = 'NO_ANSWER' | 'VOICEMAIL' | 'REACHED'
export type ContactCalendar = CustomerCalendar & { tier: Tier }
export type ContactAttemptLike = { id?: string; at: Date; outcome: ContactOutcome }

/** Why an attempt does or does not count towards the three business days. */
export type AttemptVerdict =
  | 'counted' // the first unanswered attempt on a new business day
  | 'same-day' // another attempt on a business day already counted
  | 'not-a-business-day' // a weekend or holiday in the customer's calendar
  | 'outside-business-hours' // a business day, but outside the tier's support hours
  | 'reached' // the customer was reached: the count starts again after it
  | 'before-reset' // before the customer's last reply (or a later successful contact)

export type ContactStanding = {
  /** The customer's local dates ('YYYY-MM-DD') counted, oldest first. */
  businessDays: string[]
  required: number
  closeWithoutConsentAllowed: boolean
  /** The count runs from this instant (the customer's last reply or successful contact), if any. */
  countingSince: Date | null
  attempts: { id?: string; at: Date; outcome: ContactOutcome; businessDay: string; verdict: AttemptVerdict }[]
}

/**
 * Where an instant falls in the customer's calendar. Business-hours tiers (Basic, Evaluation):
 * a business day is a local date with support hours that is not a holiday, and an attempt counts
 * only inside those hours. 24/7 tiers and Free / NFR have no business days of their own: a
 * business day is a local Monday–Friday that is not a holiday (decision 0003).
 */
export function classifyInstant(at: Date, calendar: ContactCalendar): { businessDay: string; verdict: 'ok' | 'not-a-business-day' | 'outside-business-hours' } {
  // The SLA engine's zone code decides the local day and the open hours, as it does for every target.
  const { date, weekday } = localDateTime(calendar.timeZone, at) // weekday: 0 = Sunday
  if (calendar.holidays.includes(date)) return { businessDay: date, verdict: 'not-a-business-day' }
  const hours = tierCalendar(calendar.tier, calendar.timeZone, calendar.holidays)
  if (!hours) return { businessDay: date, verdict: weekday >= 1 && weekday <= 5 ? 'ok' : 'not-a-business-day' }
  if (!hours.weekly.some((h) => h.day === weekday)) return { businessDay: date, verdict: 'not-a-business-day' }
  return { businessDay: date, verdict: isOpenAt(hours, at) ? 'ok' : 'outside-business-hours' }
}

/**
 * The standing of a case's contact attempts: which business days count, and whether "close
 * without consent" is allowed. A reply from the customer (`customerRepliedAt`) or an attempt that
 * reached them starts the count again; only unanswered attempts after that instant count, each
 * business day of the customer's calendar once.
 */
export function contactAttemptStanding({
  attempts,
  calendar,
  customerRepliedAt,
}: {
  attempts: readonly ContactAttemptLike[]
  calendar: ContactCalendar
  customerRepliedAt?: Date | null
}): ContactStanding {
  const sorted = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime())
  let reset = customerRepliedAt ?? null
  for (const a of sorted) if (a.outcome === 'REACHED' && (!reset || a.at > reset)) reset = a.at
  const days: string[] = []
  const out: ContactStanding['attempts'] = []
  for (const a of sorted) {
    const { businessDay, verdict: where } = classifyInstant(a.at, calendar)
    let verdict: AttemptVerdict
    if (a.outcome === 'REACHED') verdict = 'reached'
    else if (reset && a.at <= reset) verdict = 'before-reset'
    else if (where !== 'ok') verdict = where
    else if (days.includes(businessDay)) verdict = 'same-day'
    else {
      days.push(businessDay)
      verdict = 'counted'
    }
    out.push({ ...(a.id ? { id: a.id } : {}), at: a.at, outcome: a.outcome, businessDay, verdict })
  }
  return {
    businessDays: days,
    required: REQUIRED_BUSINESS_DAYS,
    closeWithoutConsentAllowed: days.length >= REQUIRED_BUSINESS_DAYS,
    countingSince: reset,
    attempts: out,
  }
}

/** "2 of 3 business days" */
export const describeStanding = (s: Pick<ContactStanding, 'businessDays' | 'required'>) =>
  `${Math.min(s.businessDays.length, s.required)} of ${s.required} business days`

export const VERDICT_LABELS: Record<AttemptVerdict, string> = {
  counted: 'Counted',
  'same-day': 'Same business day: counted once',
  'not-a-business-day': 'Not a business day for the customer',
  'outside-business-hours': "Outside the customer's support hours",
  reached: 'Customer reached: the count starts again',
  'before-reset': 'Before the customer last replied',
}
