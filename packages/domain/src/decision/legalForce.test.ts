import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../rules/ruleSets';
import { appealLastDay, legalForce } from './legalForce';

const reform = ruleSetFor('2026-12-01')!;
const before = ruleSetFor('2025-06-01')!;

describe('legal force of a permit', () => {
  it('comes the day after the last party’s three weeks, a week after the announcement counting as delivery', () => {
    const f = legalForce(
      {
        announcedOn: '2027-02-01',
        deliveries: [
          { party: 'sökande', receivedOn: '2027-01-28' },
          { party: 'Eken 1:24', receivedOn: '2027-02-03' },
        ],
      },
      before,
    );
    expect(f.appealEnds).toEqual([
      { party: 'sökande', lastDay: '2027-02-18' },
      { party: 'Eken 1:24', lastDay: '2027-02-24' },
      // PBL 13 kap. 16 §: 1 Feb + 7 days = 8 Feb (deemed received), + 3 weeks = 1 March.
      { party: 'announcement', lastDay: '2027-03-01' },
    ]);
    expect(f.legalForceOn).toBe('2027-03-02');
    expect(f.earliestStart).toBe('2027-03-01');
    expect(f.lapses).toEqual({ startBy: '2029-03-02', finishBy: '2032-03-02' });
    expect(f.uncertain).toBe(false);
  });

  it('moves a last day that falls on a weekend or holiday to the next working day', () => {
    // Received 4 December 2026: three weeks end on 25 December, so the time runs to Monday 28 December.
    expect(appealLastDay('2026-12-04', reform)).toBe('2026-12-28');
    // Midsommarafton 2027 (25 June) is a closed day for deadlines.
    expect(appealLastDay('2027-06-04', reform)).toBe('2027-06-28');
    expect(appealLastDay('2027-01-07', reform)).toBe('2027-01-28');
  });

  it('waits for the announcement and for every party still to be reached', () => {
    const delivered = [{ party: 'sökande', receivedOn: '2027-01-28' }];
    expect(legalForce({ announcedOn: null, deliveries: delivered }, reform)).toMatchObject({
      legalForceOn: null,
      earliestStart: null,
      lapses: null,
    });
    expect(
      legalForce({ announcedOn: '2027-02-01', deliveries: delivered, undelivered: ['Eken 1:24'] }, reform).legalForceOn,
    ).toBeNull();
  });

  it('says when it rests on the reform’s unsettled announcement rules', () => {
    expect(legalForce({ announcedOn: '2027-02-01', deliveries: [] }, reform).uncertain).toBe(true);
  });

  it('keeps a lapse date within its month across a leap day', () => {
    const f = legalForce(
      { announcedOn: '2028-01-19', deliveries: [{ party: 'sökande', receivedOn: '2028-02-07' }] },
      before,
    );
    // Announced 19 Jan: deemed received 26 Jan, time to 16 Feb. Received 7 Feb: time to Monday 28 Feb. Legal
    // force on the leap day; two and five years on, February has 28 days.
    expect(f.legalForceOn).toBe('2028-02-29');
    expect(f.lapses).toEqual({ startBy: '2030-02-28', finishBy: '2033-02-28' });
    const newYear = legalForce({ announcedOn: '2027-12-30', deliveries: [] }, before);
    // 30 Dec + 7 = 6 Jan 2028 (trettondedag jul: the deemed day may be a holiday); + 21 = 27 Jan; legal force 28 Jan.
    expect(newYear.legalForceOn).toBe('2028-01-28');
    expect(newYear.lapses).toEqual({ startBy: '2030-01-28', finishBy: '2033-01-28' });
  });
});
