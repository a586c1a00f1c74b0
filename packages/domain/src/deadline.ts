// The full statutory clock (completion orders, extensions, fee reduction) is rules/clock.ts.

// Built once: a formatter costs milliseconds to make, and the queue asks for many dates per request. Built on
// first use, not when the module loads: the first one with a time zone costs ≈ 30 ms (ICU's zone data), which a
// page loading the domain should not pay in the same task as everything else.
let stockholmDay: Intl.DateTimeFormat | undefined;

/** Calendar date in Stockholm of an instant, YYYY-MM-DD. */
export function stockholmDate(at: Date): string {
  stockholmDay ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return stockholmDay.format(at);
}

/** Whole days from `today` to the deadline (negative when overdue). */
export function daysLeft(deadline: string, today: Date): number {
  const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = stockholmDate(today).split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(ty, tm - 1, td)) / 86_400_000);
}
