// Public holidays of each region's calendar, computed from their rules so the demo covers any year.
type Holiday = { date: string; name: string }

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const shift = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000)
const isoOf = (d: Date) => d.toISOString().slice(0, 10)

/** The n-th (1-based; -1 = last) given weekday (0 = Sunday) of a month. */
function nthWeekday(y: number, m: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = utc(y, m, 1).getUTCDay()
    return iso(y, m, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7)
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const last = utc(y, m, lastDay).getUTCDay()
  return iso(y, m, lastDay - ((last - weekday + 7) % 7))
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
function easter(y: number): Date {
  const a = y % 19
  const b = Math.floor(y / 100)
  const c = y % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return utc(y, month, day)
}

/** US federal holidays, moved to Friday/Monday when they fall on a weekend (observed). */
function observed(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  const day = d.getUTCDay()
  return day === 6 ? isoOf(shift(d, -1)) : day === 0 ? isoOf(shift(d, 1)) : date
}

const RULES: Record<string, (y: number) => Holiday[]> = {
  US: (y) => [
    { date: observed(iso(y, 1, 1)), name: "New Year's Day" },
    { date: nthWeekday(y, 1, 1, 3), name: 'Martin Luther King Jr. Day' },
    { date: nthWeekday(y, 2, 1, 3), name: "Washington's Birthday" },
    { date: nthWeekday(y, 5, 1, -1), name: 'Memorial Day' },
    { date: observed(iso(y, 6, 19)), name: 'Juneteenth' },
    { date: observed(iso(y, 7, 4)), name: 'Independence Day' },
    { date: nthWeekday(y, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(y, 10, 1, 2), name: 'Columbus Day' },
    { date: observed(iso(y, 11, 11)), name: 'Veterans Day' },
    { date: nthWeekday(y, 11, 4, 4), name: 'Thanksgiving Day' },
    { date: observed(iso(y, 12, 25)), name: 'Christmas Day' },
  ],
  CA: (y) => [
    { date: iso(y, 1, 1), name: "New Year's Day" },
    { date: isoOf(shift(easter(y), -2)), name: 'Good Friday' },
    // Victoria Day: the Monday before 25 May.
    { date: isoOf(shift(utc(y, 5, 25), -((utc(y, 5, 25).getUTCDay() + 6) % 7 || 7))), name: 'Victoria Day' },
    { date: iso(y, 7, 1), name: 'Canada Day' },
    { date: nthWeekday(y, 9, 1, 1), name: 'Labour Day' },
    { date: iso(y, 9, 30), name: 'National Day for Truth and Reconciliation' },
    { date: nthWeekday(y, 10, 1, 2), name: 'Thanksgiving' },
    { date: iso(y, 12, 25), name: 'Christmas Day' },
    { date: iso(y, 12, 26), name: 'Boxing Day' },
  ],
  // EMEA's calendar follows the German national holidays (the region's support centre).
  EMEA: (y) => [
    { date: iso(y, 1, 1), name: 'Neujahr' },
    { date: isoOf(shift(easter(y), -2)), name: 'Karfreitag' },
    { date: isoOf(shift(easter(y), 1)), name: 'Ostermontag' },
    { date: iso(y, 5, 1), name: 'Tag der Arbeit' },
    { date: isoOf(shift(easter(y), 39)), name: 'Christi Himmelfahrt' },
    { date: isoOf(shift(easter(y), 50)), name: 'Pfingstmontag' },
    { date: iso(y, 10, 3), name: 'Tag der Deutschen Einheit' },
    { date: iso(y, 12, 25), name: '1. Weihnachtstag' },
    { date: iso(y, 12, 26), name: '2. Weihnachtstag' },
  ],
  APAC: (y) => [
    { date: iso(y, 1, 1), name: "New Year's Day" },
    { date: isoOf(shift(easter(y), -2)), name: 'Good Friday' },
    { date: iso(y, 5, 1), name: 'Labour Day' },
    { date: iso(y, 8, 9), name: 'National Day' },
    { date: iso(y, 12, 25), name: 'Christmas Day' },
  ],
  LATAM: (y) => [
    { date: iso(y, 1, 1), name: 'Confraternização Universal' },
    { date: isoOf(shift(easter(y), -48)), name: 'Carnaval (segunda-feira)' },
    { date: isoOf(shift(easter(y), -47)), name: 'Carnaval (terça-feira)' },
    { date: isoOf(shift(easter(y), -2)), name: 'Sexta-feira Santa' },
    { date: iso(y, 4, 21), name: 'Tiradentes' },
    { date: iso(y, 5, 1), name: 'Dia do Trabalho' },
    { date: isoOf(shift(easter(y), 60)), name: 'Corpus Christi' },
    { date: iso(y, 9, 7), name: 'Independência do Brasil' },
    { date: iso(y, 10, 12), name: 'Nossa Senhora Aparecida' },
    { date: iso(y, 11, 2), name: 'Finados' },
    { date: iso(y, 11, 15), name: 'Proclamação da República' },
    { date: iso(y, 11, 20), name: 'Dia da Consciência Negra' },
    { date: iso(y, 12, 25), name: 'Natal' },
  ],
}

export function holidaysFor(regionCode: string, years: number[]): Holiday[] {
  const rule = RULES[regionCode]
  if (!rule) throw new Error(`No holiday rules for region ${regionCode}`)
  return years.flatMap(rule)
}
