import { describe, expect, it } from 'vitest';
import { easterSunday, isWorkingDay, swedishHolidays, workingDayFrom } from './holidays';

// Written from the almanac, not from the code: Easter from the church calendar, midsommar and alla helgons dag
// as the Saturday of their week, the weekdays counted by hand from each 1 January.
const almanac: Record<number, Record<string, string>> = {
  2026: {
    langfredagen: '04-03',
    paskdagen: '04-05',
    annandagPask: '04-06',
    kristiHimmelfardsdag: '05-14',
    pingstdagen: '05-24',
    midsommarafton: '06-19',
    midsommardagen: '06-20',
    allaHelgonsDag: '10-31',
  },
  2027: {
    langfredagen: '03-26',
    paskdagen: '03-28',
    annandagPask: '03-29',
    kristiHimmelfardsdag: '05-06',
    pingstdagen: '05-16',
    midsommarafton: '06-25',
    midsommardagen: '06-26',
    allaHelgonsDag: '11-06',
  },
  2028: {
    langfredagen: '04-14',
    paskdagen: '04-16',
    annandagPask: '04-17',
    kristiHimmelfardsdag: '05-25',
    pingstdagen: '06-04',
    midsommarafton: '06-23',
    midsommardagen: '06-24',
    allaHelgonsDag: '11-04',
  },
  2029: {
    langfredagen: '03-30',
    paskdagen: '04-01',
    annandagPask: '04-02',
    kristiHimmelfardsdag: '05-10',
    pingstdagen: '05-20',
    midsommarafton: '06-22',
    midsommardagen: '06-23',
    allaHelgonsDag: '11-03',
  },
  2030: {
    langfredagen: '04-19',
    paskdagen: '04-21',
    annandagPask: '04-22',
    kristiHimmelfardsdag: '05-30',
    pingstdagen: '06-09',
    midsommarafton: '06-21',
    midsommardagen: '06-22',
    allaHelgonsDag: '11-02',
  },
};
const fixed = {
  nyarsdagen: '01-01',
  trettondedagJul: '01-06',
  forstaMaj: '05-01',
  nationaldagen: '06-06',
  julafton: '12-24',
  juldagen: '12-25',
  annandagJul: '12-26',
  nyarsafton: '12-31',
};

describe('Swedish holidays', () => {
  for (const [year, moving] of Object.entries(almanac)) {
    it(`are those of the almanac in ${year}`, () => {
      const expected = Object.entries({ ...fixed, ...moving })
        .map(([id, day]) => `${year}-${day} ${id}`)
        .sort();
      expect(swedishHolidays(Number(year)).map((h) => `${h.day} ${h.id}`)).toEqual(expected);
    });
  }

  it('counts the eves for deadlines without making them public holidays', () => {
    const eves = swedishHolidays(2026).filter((h) => !h.publicHoliday);
    expect(eves.map((h) => h.id)).toEqual(['midsommarafton', 'julafton', 'nyarsafton']);
  });

  it('finds Easter across centuries (the earliest and latest possible dates included)', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
});

describe('the day a deadline ends on', () => {
  it('moves past weekends, holidays and the eves to the next working day', () => {
    expect(workingDayFrom('2026-12-25')).toBe('2026-12-28');
    expect(workingDayFrom('2026-12-24')).toBe('2026-12-28');
    expect(workingDayFrom('2026-12-31')).toBe('2027-01-04');
    expect(workingDayFrom('2027-01-06')).toBe('2027-01-07');
    expect(workingDayFrom('2026-06-19')).toBe('2026-06-22');
    expect(workingDayFrom('2027-05-06')).toBe('2027-05-07');
    expect(workingDayFrom('2026-04-03')).toBe('2026-04-07');
  });

  it('stays on a working day', () => {
    expect(workingDayFrom('2026-12-04')).toBe('2026-12-04');
    expect(isWorkingDay('2026-12-23')).toBe(true);
    expect(isWorkingDay('2026-12-05')).toBe(false);
    expect(isWorkingDay('snart')).toBe(false);
    expect(isWorkingDay('2026-13-45')).toBe(false);
  });

  it('never lands on a closed day, 2026–2030', () => {
    for (let y = 2026; y <= 2030; y++) {
      const closed = new Set(swedishHolidays(y).map((h) => h.day));
      for (let d = new Date(Date.UTC(y, 0, 1)); d.getUTCFullYear() === y; d.setUTCDate(d.getUTCDate() + 1)) {
        const day = workingDayFrom(d.toISOString().slice(0, 10));
        const w = new Date(`${day}T00:00:00Z`).getUTCDay();
        expect(closed.has(day) || w === 0 || w === 6, day).toBe(false);
      }
    }
  });
});
