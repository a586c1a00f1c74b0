/**
 * Statutory clock (PBL 9 kap. 27 §): a decision within 10 weeks of the day a complete application
 * arrived. The full clock (completion orders, extensions, fee reduction) grows in the rules engine.
 */
export const PERMIT_DECISION_WEEKS = 10;

/** The date (YYYY-MM-DD, Stockholm) by which a decision is due, for an application received at `receivedAt`. */
export function decisionDeadline(receivedAt: Date, weeks: number = PERMIT_DECISION_WEEKS): string {
  const day = stockholmDate(receivedAt);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(y, m - 1, d + weeks * 7));
  return due.toISOString().slice(0, 10);
}

/** Calendar date in Stockholm of an instant, YYYY-MM-DD. */
export function stockholmDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Whole days from `today` to the deadline (negative when overdue). */
export function daysLeft(deadline: string, today: Date): number {
  const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = stockholmDate(today).split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(ty, tm - 1, td)) / 86_400_000);
}
