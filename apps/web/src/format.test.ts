import { describe, expect, it } from 'vitest';
import { formatArea, formatDate, formatDecimal, formatNumber, formatTime } from './format';

// formatDate and formatTime spell dates and times as Intl does with Stockholm's time zone, without making
// such a formatter (format.ts says why): the same output for the same instants.
const intlDate = (lang: 'sv' | 'en') =>
  new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
const intlTime = (lang: 'sv' | 'en') =>
  new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Stockholm',
  });

describe('dates and times as Kjellstavik reads them', () => {
  it('matches Intl with Stockholm time for instants and plain dates, in both languages', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (const lang of ['sv', 'en'] as const) {
      const [date, time] = [intlDate(lang), intlTime(lang)];
      for (let i = 0; i < 5_000; i++) {
        const at = new Date(Date.UTC(2000, 0, 1) + random() * (Date.UTC(2050, 0, 1) - Date.UTC(2000, 0, 1)));
        const iso = at.toISOString();
        expect(formatDate(iso, lang), iso).toBe(date.format(at));
        expect(formatTime(iso), iso).toBe(time.format(at));
        const plain = iso.slice(0, 10);
        expect(formatDate(plain, lang), plain).toBe(date.format(new Date(`${plain}T12:00:00Z`)));
      }
    }
    expect(formatDate('2026-12-05', 'sv')).toBe('5 december 2026');
    expect(formatDate('2026-03-29T00:30:00Z', 'en')).toBe('29 March 2026');
    expect(formatTime('2026-07-01T12:02:00Z')).toBe('14:02');
  });
});

describe('numbers as Kjellstavik reads them', () => {
  it('matches Intl.NumberFormat in both languages, roundings on the half included', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const shapes = [
      [1, 1],
      [1, 2],
      [0, 3],
    ] as const;
    for (const lang of ['sv', 'en'] as const) {
      const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
      for (const [min, max] of shapes) {
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
        const values = [0, -0, 0.05, 0.125, 2.5, 1.005, 999.95, 999_999.5, -0.04, -1234.5678, 1e21, NaN];
        for (let i = 0; i < 4_000; i++) {
          const magnitude = 10 ** Math.floor(random() * 9 - 3);
          const v = (random() - 0.2) * magnitude;
          // Halves at every place a rounding looks at, where toFixed and Intl could part ways.
          values.push(v, Math.round(v * 2000) / 2000, Math.round(v * 200) / 200, Math.round(v * 20) / 20);
        }
        for (const v of values)
          expect(formatDecimal(v, lang, min, max), `${v} ${lang} ${min}-${max}`).toBe(intl.format(v));
      }
    }
    expect(formatArea(1234.56, 'sv')).toBe('1\u00a0234,6 m²');
    expect(formatNumber(11856, 'en')).toBe('11,856');
  });
});
