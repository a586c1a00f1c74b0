import type { Lang } from './i18n/i18n';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
const dateFmt = Object.fromEntries(
  Object.entries(locales).map(([l, loc]) => [
    l,
    new Intl.DateTimeFormat(loc, { timeZone: 'Europe/Stockholm', year: 'numeric', month: 'long', day: 'numeric' }),
  ]),
) as Record<Lang, Intl.DateTimeFormat>;
const areaFmt = Object.fromEntries(
  Object.entries(locales).map(([l, loc]) => [
    l,
    new Intl.NumberFormat(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  ]),
) as Record<Lang, Intl.NumberFormat>;

/** "23 november 2026" from an ISO date or instant (Swedish dates: Stockholm time). */
export function formatDate(iso: string, lang: Lang = 'sv'): string {
  return dateFmt[lang].format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

/** "24,0 m²" (sv) or "24.0 m²" (en). */
export function formatArea(m2: number, lang: Lang = 'sv'): string {
  return `${areaFmt[lang].format(m2)} m²`;
}

export function formatNumber(n: number, lang: Lang = 'sv'): string {
  return n.toLocaleString(locales[lang]);
}

/** "11 856 kr" (sv) or "11,856 kr" (en): whole kronor. */
export function formatSek(sek: number, lang: Lang = 'sv'): string {
  return `${formatNumber(Math.round(sek), lang)} kr`;
}
