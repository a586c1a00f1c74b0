import { describe, expect, it } from 'vitest';
import { estimateFee, FeeScheduleSchema, reducedFee, type FeeInput } from './fees';

const schedule = FeeScheduleSchema.parse({
  name: { sv: 'Testtaxa', en: 'Test schedule' },
  example: true,
  year: 2026,
  priceBaseAmountSEK: 60_000,
  items: [
    {
      code: 'LOV',
      label: { sv: 'Bygglov', en: 'Permit' },
      procedures: ['permit'],
      measures: ['outbuilding'],
      amount: {
        kind: 'permilleByArea',
        bands: [
          { upToM2: 50, value: 100 },
          { upToM2: null, value: 200 },
        ],
      },
    },
    {
      code: 'ANM',
      label: { sv: 'Anmälan', en: 'Notification' },
      procedures: ['notification'],
      amount: { kind: 'permille', value: 50 },
    },
    {
      code: 'AVV',
      label: { sv: 'Avvikelse', en: 'Deviation' },
      procedures: ['permit'],
      onlyWithDeviation: true,
      amount: { kind: 'permille', value: 10 },
    },
    {
      code: 'GRANN',
      label: { sv: 'Grannhörande', en: 'Hearing' },
      procedures: ['permit'],
      onlyWithDeviation: true,
      amount: { kind: 'permillePerNeighbour', value: 5 },
    },
    {
      code: 'KUNG',
      label: { sv: 'Kungörelse', en: 'Publication' },
      procedures: ['permit'],
      amount: { kind: 'fixed', sek: 1200 },
    },
  ],
});
const input = (over: Partial<FeeInput> = {}): FeeInput => ({
  procedure: 'permit',
  measure: 'outbuilding',
  areaM2: 36,
  deviation: false,
  neighbours: 0,
  ...over,
});

describe('estimateFee', () => {
  it('prices a permit from the price base amount and the area band', () => {
    const fee = estimateFee(schedule, input());
    expect(fee.lines.map((l) => [l.code, l.sek])).toEqual([
      ['LOV', 6000],
      ['KUNG', 1200],
    ]);
    expect(fee.totalSEK).toBe(7200);
    expect(fee.example).toBe(true);
  });

  it('exactly 50 m² is in the lower band, 50.01 m² in the next', () => {
    expect(estimateFee(schedule, input({ areaM2: 50 })).lines[0]!.sek).toBe(6000);
    expect(estimateFee(schedule, input({ areaM2: 50.01 })).lines[0]!.sek).toBe(12_000);
  });

  it('a deviation adds the review and a hearing priced per neighbour', () => {
    const fee = estimateFee(schedule, input({ deviation: true, neighbours: 3 }));
    expect(fee.lines.map((l) => [l.code, l.sek])).toEqual([
      ['LOV', 6000],
      ['AVV', 600],
      ['GRANN', 900],
      ['KUNG', 1200],
    ]);
    expect(fee.totalSEK).toBe(8700);
  });

  it('a notification is priced by its own items', () => {
    expect(estimateFee(schedule, input({ procedure: 'notification' })).lines.map((l) => [l.code, l.sek])).toEqual([
      ['ANM', 3000],
    ]);
  });

  it('nothing to apply for costs nothing', () => {
    expect(estimateFee(schedule, input({ procedure: 'none' }))).toMatchObject({ lines: [], totalSEK: 0 });
  });

  it('a measure the schedule has no permit item for gets only the common items', () => {
    expect(estimateFee(schedule, input({ measure: 'carport' })).lines.map((l) => l.code)).toEqual(['KUNG']);
  });
});

describe('reducedFee', () => {
  it.each([
    [0, 10_000],
    [0.2, 8000],
    [0.4, 6000],
    [1, 0],
    [1.4, 0],
  ])('a reduction of %s leaves %s kr of 10 000 kr', (reduction, left) =>
    expect(reducedFee(10_000, reduction)).toBe(left),
  );
});
