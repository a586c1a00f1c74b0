import { describe, expect, it } from 'vitest';
import { CSV_BOM, toCsv } from './csv';
import { boverketRows, type BoverketCounts } from './boverket';
import { StatisticsPeriodSchema, defaultStatisticsPeriod, percentile, statisticsFileName } from './statistics';
import { domainEn } from '../messages/en';
import { domainSv } from '../messages/sv';
import { BoverketRowIdSchema, boverketRowText } from './boverket';

describe('percentile (as PostgreSQL percentile_cont)', () => {
  it('interpolates between neighbours', () => {
    expect(percentile([28, 30, 30, 36, 90], 0.5)).toBe(30);
    expect(percentile([90, 28, 36, 30, 30], 0.9)).toBeCloseTo(68.4, 10);
    expect(percentile([14, 35], 0.5)).toBe(24.5);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('the statistics period', () => {
  it('takes a period in order and refuses one backwards, too long or not a date', () => {
    expect(StatisticsPeriodSchema.safeParse({ from: '2026-01-01', to: '2026-01-01' }).success).toBe(true);
    const backwards = StatisticsPeriodSchema.safeParse({ from: '2026-02-01', to: '2026-01-01' });
    expect(backwards.error?.issues.map((i) => i.message)).toEqual(['form.statistics.order']);
    const long = StatisticsPeriodSchema.safeParse({ from: '2010-01-01', to: '2026-01-01' });
    expect(long.error?.issues.map((i) => i.message)).toEqual(['form.statistics.tooLong']);
    expect(StatisticsPeriodSchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
  });

  it('defaults to the calendar year so far, and names its files by table and period', () => {
    const p = defaultStatisticsPeriod('2026-12-04');
    expect(p).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    expect(statisticsFileName('boverket', p)).toBe('lovisa-boverket-plan-och-byggenkat-2026-01-01-2026-12-04.csv');
  });
});

describe('CSV for Excel', () => {
  it('starts with a BOM, separates by semicolons, ends lines with CRLF and writes decimal commas', () => {
    expect(
      toCsv(
        ['Grupp', 'Median'],
        [
          ['Alla grupper', 36.25],
          ['Tom', null],
        ],
      ),
    ).toBe(`${CSV_BOM}Grupp;Median\r\nAlla grupper;36,25\r\nTom;\r\n`);
  });

  it('quotes separators, quotes and line breaks, and defuses what a spreadsheet would run', () => {
    const csv = toCsv(['a'], [['Bygg; lov'], ['Säg "hej"'], ['rad1\nrad2'], ['=HYPERLINK("x")'], ['-1+1']]);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'a',
      '"Bygg; lov"',
      '"Säg ""hej"""',
      '"rad1\nrad2"',
      `"'=HYPERLINK(""x"")"`,
      "'-1+1",
      '',
    ]);
  });
});

describe("Boverket's survey rows", () => {
  const counts: BoverketCounts = {
    received: { permit: 10, notification: 2 },
    withdrawn: { permit: 1, notification: 0 },
    decided: [
      { procedure: 'permit', outcome: 'approved', measure: 'extension', n: 2 },
      { procedure: 'permit', outcome: 'approved', measure: 'carport', n: 1 },
      { procedure: 'permit', outcome: 'refused', measure: 'extension', n: 3 },
      { procedure: 'notification', outcome: 'startApproval', measure: 'smallDwelling', n: 4 },
    ],
    handling: [
      { procedure: 'permit', teamId: 'bygglov', medianDays: 10, withinLimitShare: 0.1, feeReductions: 9 },
      { procedure: 'permit', teamId: null, medianDays: 36, withinLimitShare: 0.75, feeReductions: 2 },
    ],
  };
  const rows = boverketRows(counts);
  const value = (id: string) => rows.find((r) => r.id === id);

  it('sums decisions by outcome and measure and takes handling figures from the all-teams row', () => {
    expect(value('permit.approved')?.value).toBe(3);
    expect(value('permit.approved.extension')?.value).toBe(2);
    expect(value('permit.approved.newMainBuilding')?.value).toBe(0);
    expect(value('permit.refused')?.value).toBe(3);
    expect(value('permit.medianDays')).toEqual({
      id: 'permit.medianDays',
      unit: 'days',
      value: 36,
      status: 'recorded',
    });
    expect(value('permit.withinLimitShare')?.unit).toBe('share');
    expect(value('permit.feeReductions')?.value).toBe(2);
    expect(value('notification.medianDays')?.value).toBeNull();
  });

  it('marks start approvals not yet recorded, with no value, even when notifications were decided', () => {
    for (const id of ['startApproval.notification', 'startApproval.permit'])
      expect(value(id)).toEqual({ id, unit: 'count', value: null, status: 'notYetRecorded' });
  });

  it('has a Swedish and an English text for every row', () => {
    for (const id of BoverketRowIdSchema.options) {
      expect(domainSv[boverketRowText(id)]).toBeTruthy();
      expect(domainEn[boverketRowText(id)]).toBeTruthy();
    }
  });
});
