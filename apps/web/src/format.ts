import { stockholmClock, stockholmDate } from '@lovisa/domain';
import type { Lang } from './i18n/i18n';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
/**
 * A number spelt as `Intl.NumberFormat` spells it for sv-SE ("1 234,5", "−2,1") and en-GB ("1,234.5", "-2.1"),
 * without making one: the page's first number formatter loads ICU's locale data, ≈ 30 ms of the map step's
 * first render (≈ 130 ms on a phone at 4× CPU; docs/performance.md, session 9). Like ICU it rounds the number's
 * shortest decimal spelling half away from zero (127.85 → 127,9, where `toFixed` gives 127.8); format.test.ts
 * compares the two.
 */
export function formatDecimal(v: number, lang: Lang, minFraction = 0, maxFraction = 3): string {
  const plain = String(Math.abs(v));
  // Infinities, NaN and exponent spellings (below 1e-6, from 1e21) are left to Intl: never a measurement here.
  if (!/^\d+(\.\d+)?$/.test(plain))
    return v.toLocaleString(locales[lang], { minimumFractionDigits: minFraction, maximumFractionDigits: maxFraction });
  const [whole = '', fraction = ''] = plain.split('.');
  let digits = whole + fraction.slice(0, maxFraction).padEnd(maxFraction, '0');
  if ((fraction[maxFraction] ?? '0') >= '5') {
    // One up in the last kept place, carried leftwards.
    const d = digits.split('');
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') d[i--] = '0';
    if (i >= 0) d[i] = String(Number(d[i]) + 1);
    else d.unshift('1');
    digits = d.join('');
  }
  const int = digits.slice(0, digits.length - maxFraction) || '0';
  const frac = digits
    .slice(digits.length - maxFraction)
    .replace(/0+$/, '')
    .padEnd(minFraction, '0');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? '\u00a0' : ',');
  const sign = v < 0 || Object.is(v, -0) ? (lang === 'sv' ? '\u2212' : '-') : '';
  return sign + grouped + (frac ? (lang === 'sv' ? ',' : '.') + frac : '');
}

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
  return `${formatDecimal(m2, lang, 1, 1)} m²`;
}

export function formatNumber(n: number, lang: Lang = 'sv'): string {
  return formatDecimal(n, lang);
}

/** "11 856 kr" (sv) or "11,856 kr" (en): whole kronor. */
export function formatSek(sek: number, lang: Lang = 'sv'): string {
  return `${formatNumber(Math.round(sek), lang)} kr`;
}
