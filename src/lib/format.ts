// Display helpers for instants and durations; the zone is always passed in, never guessed.
import { formatInTimeZone } from 'date-fns-tz'

export function formatInstant(at: Date, timeZone: string, pattern = 'EEE d MMM yyyy, HH:mm') {
  return formatInTimeZone(at, timeZone, pattern)
}

/** "2 h 10 min", "3 d 4 h", "45 min" — for SLA time left or overrun. */
export function formatMinutes(totalMinutes: number): string {
  const m = Math.round(Math.abs(totalMinutes))
  if (m < 60) return `${m} min`
  const days = Math.floor(m / 1440)
  const hours = Math.floor((m % 1440) / 60)
  const mins = m % 60
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`
  return mins ? `${hours} h ${mins} min` : `${hours} h`
}
