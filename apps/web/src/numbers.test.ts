import { describe, expect, it } from 'vitest';
import { formatArea } from './format';
import { formatAreaPlain, formatDecimal } from './numbers';

describe('numbers as Kjellstavik reads them, without Intl', () => {
  it('match Intl.NumberFormat in both languages, roundings on the half included', () => {
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
        const values = [0, -0, 0.05, 0.125, 2.5, 1.005, 127.85, 999.95, 999_999.5, -0.04, -1234.5678, 1e21, NaN];
        for (let i = 0; i < 4_000; i++) {
          const magnitude = 10 ** Math.floor(random() * 9 - 3);
          const v = (random() - 0.2) * magnitude;
          // Halves at every place a rounding looks at, where toFixed and Intl part ways (127.85).
          values.push(v, Math.round(v * 2000) / 2000, Math.round(v * 200) / 200, Math.round(v * 20) / 20);
        }
        for (const v of values)
          expect(formatDecimal(v, lang, min, max), `${v} ${lang} ${min}-${max}`).toBe(intl.format(v));
      }
      for (const m2 of [0, 12, 1234.56, 30.05]) expect(formatAreaPlain(m2, lang)).toBe(formatArea(m2, lang));
    }
    expect(formatAreaPlain(1234.56, 'sv')).toBe('1\u00a0234,6 m²');
  });
});
