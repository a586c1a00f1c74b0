import { describe, expect, it } from 'vitest';
import { daysLeft, stockholmDate } from './deadline';

const intl = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('stockholmDate', () => {
  it('gives the date a Stockholm clock shows, hour by hour around every summer-time switch 1996–2060', () => {
    let checked = 0;
    for (let year = 1996; year <= 2060; year++)
      for (const month of [2, 9]) {
        // From the 24th to the month's end, every 15 minutes: both switches and the midnights around them.
        for (let t = Date.UTC(year, month, 24); t < Date.UTC(year, month + 1, 1, 2); t += 15 * 60_000) {
          const at = new Date(t);
          expect(stockholmDate(at), at.toISOString()).toBe(intl.format(at));
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(100_000);
  });

  it('agrees with Intl on random instants', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 20_000; i++) {
      const at = new Date(Date.UTC(1996, 0, 1) + random() * (Date.UTC(2060, 0, 1) - Date.UTC(1996, 0, 1)));
      expect(stockholmDate(at), at.toISOString()).toBe(intl.format(at));
    }
  });

  it('turns at Stockholm midnight, in winter and in summer', () => {
    expect(stockholmDate(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(stockholmDate(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(stockholmDate(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(stockholmDate(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
    expect(daysLeft('2026-07-20', new Date('2026-07-15T22:30:00Z'))).toBe(4);
  });
});
