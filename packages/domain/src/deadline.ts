// The full statutory clock (completion orders, extensions, fee reduction) is rules/clock.ts.

/**
 * The UTC instant summer time (CEST, +02) starts or ends in a year: 01:00 UTC on the last Sunday of March or
 * October (the EU's rule, which Sweden has followed since 1996).
 */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
}

/**
 * Calendar date in Stockholm of an instant, YYYY-MM-DD. By the offset's rule rather than `Intl.DateTimeFormat`
 * with a time zone: the first such formatter loads ICU's zone data, ≈ 35 ms of the page's main thread when the
 * wizard first renders (≈ 145 ms on a phone at 4× CPU). deadline.test.ts checks it against Intl, hour by hour
 * across every switch and on random instants.
 */
export function stockholmDate(at: Date): string {
  return stockholmClock(at).slice(0, 10);
}

/** The hours Stockholm's clock is ahead of UTC at an instant: 2 in summer time, 1 otherwise. */
export function stockholmOffsetHours(at: Date): 1 | 2 {
  const t = at.getTime();
  const year = at.getUTCFullYear();
  return t >= lastSundayAt1Utc(year, 2) && t < lastSundayAt1Utc(year, 9) ? 2 : 1;
}

/** What a Stockholm clock shows at an instant, as `YYYY-MM-DDTHH:MM`. */
export function stockholmClock(at: Date): string {
  return new Date(at.getTime() + stockholmOffsetHours(at) * 3_600_000).toISOString().slice(0, 16);
}

const monthNames = {
  sv: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** "1 februari 2027" (sv) or "1 February 2027" (en) from "2027-02-01", as letters and the web spell a date. */
export function spelledDate(day: string, lang: 'sv' | 'en' = 'sv'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${monthNames[lang][m - 1]} ${y}`;
}

/** Whole days from `today` to the deadline (negative when overdue). */
export function daysLeft(deadline: string, today: Date): number {
  const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = stockholmDate(today).split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(ty, tm - 1, td)) / 86_400_000);
}
