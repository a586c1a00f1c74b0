import type { Lang } from './i18n/i18n';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
/**
 * Each formatter made on first use, per language, not when the module loads: the first `Intl.DateTimeFormat`
 * with a time zone loads ICU's zone data (≈ 30 ms unthrottled, ≈ 135 ms of a phone's main thread at 4× in the
 * map step's profile), and most pages that import this format no date at all.
 */
function once<T>(make: (locale: string) => T): (lang: Lang) => T {
  const made: Partial<Record<Lang, T>> = {};
  return (lang) => (made[lang] ??= make(locales[lang]));
}
const dateFmt = once(
  (loc) =>
    new Intl.DateTimeFormat(loc, { timeZone: 'Europe/Stockholm', year: 'numeric', month: 'long', day: 'numeric' }),
);
const areaFmt = once((loc) => new Intl.NumberFormat(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/** "23 november 2026" from an ISO date or instant (Swedish dates: Stockholm time). */
export function formatDate(iso: string, lang: Lang = 'sv'): string {
  return dateFmt(lang).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

/** "24,0 m²" (sv) or "24.0 m²" (en). */
export function formatArea(m2: number, lang: Lang = 'sv'): string {
  return `${areaFmt(lang).format(m2)} m²`;
}

export function formatNumber(n: number, lang: Lang = 'sv'): string {
  return n.toLocaleString(locales[lang]);
}

/** "11 856 kr" (sv) or "11,856 kr" (en): whole kronor. */
export function formatSek(sek: number, lang: Lang = 'sv'): string {
  return `${formatNumber(Math.round(sek), lang)} kr`;
}
