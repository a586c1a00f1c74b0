import { stockholmClock, stockholmDate } from '@lovisa/domain';
import type { Lang } from './i18n/i18n';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
/** Numbers' formatters made on first use, per language, not when the module loads. */
function once<T>(make: (locale: string) => T): (lang: Lang) => T {
  const made: Partial<Record<Lang, T>> = {};
  return (lang) => (made[lang] ??= make(locales[lang]));
}
const areaFmt = once((loc) => new Intl.NumberFormat(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

// Dates and times by Stockholm's offset rule (stockholmClock), spelt as `Intl.DateTimeFormat` with
// `timeZone: 'Europe/Stockholm'` spells them (format.test.ts compares the two): the first formatter with a time
// zone loads ICU's zone data, ≈ 45 ms of the map step's first render (≈ 180 ms on a phone at 4× CPU).
const months: Record<Lang, string[]> = {
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
};

/** "23 november 2026" from an ISO date or instant (Swedish dates: Stockholm time). */
export function formatDate(iso: string, lang: Lang = 'sv'): string {
  const day = iso.length === 10 ? iso : stockholmDate(new Date(iso));
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${months[lang][m - 1]} ${y}`;
}

/** "14:02": the time a clock in Kjellstavik shows at an instant (24-hour in both languages). */
export function formatTime(iso: string): string {
  return stockholmClock(new Date(iso)).slice(11, 16);
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
