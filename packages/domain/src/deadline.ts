// The full statutory clock (completion orders, extensions, fee reduction) is rules/clock.ts.

/** Calendar date in Stockholm of an instant, YYYY-MM-DD. */
// Built once: a formatter costs milliseconds to make, and the queue asks for many dates per request.
const stockholmDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

export function stockholmDate(at: Date): string {
  return stockholmDay.format(at);
}

/** Whole days from `today` to the deadline (negative when overdue). */
export function daysLeft(deadline: string, today: Date): number {
  const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = stockholmDate(today).split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(ty, tm - 1, td)) / 86_400_000);
}
