import type { Lang } from './i18n/i18n';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * A number spelt as `Intl.NumberFormat` spells it for sv-SE ("1 234,5", "−2,1") and en-GB ("1,234.5", "-2.1"),
 * without making one: the page's first number formatter loads ICU's locale data, ≈ 30 ms of the map step's first
 * render (≈ 130 ms on a phone at 4× CPU; docs/performance.md, session 9). For the map step's numbers; format.ts
 * keeps Intl for the other pages. Like ICU it rounds the number's shortest decimal spelling half away from zero
 * (127.85 → 127,9, where `toFixed` gives 127.8); numbers.test.ts compares the two.
 */
export function formatDecimal(v: number, lang: Lang, minFraction = 0, maxFraction = 3): string {
  const abs = Math.abs(v);
  // Infinities, NaN and exponent spellings (below 1e-6, from 1e21) are left to Intl: never a measurement here.
  if (!(abs < 1e21) || String(abs).includes('e'))
    return v.toLocaleString(locales[lang], { minimumFractionDigits: minFraction, maximumFractionDigits: maxFraction });
  // `${abs}e${n}` is the shortest spelling shifted exactly, so Math.round sees its half as a half.
  const rounded = Math.round(Number(`${abs}e${maxFraction}`)) / 10 ** maxFraction;
  const [whole = '', fraction = ''] = rounded.toFixed(maxFraction).split('.');
  const frac = fraction.replace(/0+$/, '').padEnd(minFraction, '0');
  const sv = lang === 'sv';
  const sign = v < 0 || Object.is(v, -0) ? (sv ? '\u2212' : '-') : '';
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, sv ? '\u00a0' : ',') + (frac ? (sv ? ',' : '.') + frac : '');
}

/** "24,0 m²" (sv) or "24.0 m²" (en), as format.ts's formatArea. */
export const formatAreaPlain = (m2: number, lang: Lang): string => `${formatDecimal(m2, lang, 1, 1)} m²`;
