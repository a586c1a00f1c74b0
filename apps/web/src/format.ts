const dateFmt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: 'long', day: 'numeric' });
const areaFmt = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "23 november 2026" from an ISO date or instant. */
export function formatDate(iso: string): string {
  return dateFmt.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

export function formatArea(m2: number): string {
  return `${areaFmt.format(m2)} m²`;
}
