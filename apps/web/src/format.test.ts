import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from './format';

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
