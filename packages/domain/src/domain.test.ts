import { describe, expect, it } from 'vitest';
import {
  ApplicationSubmissionSchema,
  stockholmDate,
  daysLeft,
  formatDiaryNumber,
  isValidPersonnummer,
  normalizePersonnummer,
} from './index';

describe('personnummer', () => {
  it("accepts Skatteverket's test numbers and rejects a wrong check digit", () => {
    expect(isValidPersonnummer('193502234796')).toBe(true);
    expect(isValidPersonnummer('198202029289')).toBe(true);
    expect(isValidPersonnummer('193502234797')).toBe(false);
    expect(isValidPersonnummer('19350223479')).toBe(false);
    expect(isValidPersonnummer('193513234796')).toBe(false);
  });
  it('accepts samordningsnummer (day + 60)', () => {
    // 19350283 + NNN: recompute a valid check digit for day 23 + 60.
    const base = '3502834790'.slice(0, 9);
    const valid = [...Array(10).keys()].map((c) => `19${base}${c}`).find(isValidPersonnummer);
    expect(valid).toBeDefined();
  });
  it('normalizes the forms people type, picking the century', () => {
    const today = new Date('2026-11-23T12:00:00Z');
    expect(normalizePersonnummer('350223-4796', today)).toBe('193502234796');
    expect(normalizePersonnummer('19350223-4796', today)).toBe('193502234796');
    expect(normalizePersonnummer('820202-9289', today)).toBe('198202029289');
    expect(normalizePersonnummer('820202-9288', today)).toBeNull();
    expect(normalizePersonnummer('hej', today)).toBeNull();
  });
});

describe('diary number and deadline', () => {
  it('formats BN year-sequence', () => {
    expect(formatDiaryNumber(2026, 1)).toBe('BN 2026-000001');
    expect(formatDiaryNumber(2026, 123456)).toBe('BN 2026-123456');
  });
  it('counts whole Stockholm days to a deadline', () => {
    // 23:30 UTC on 30 Nov is already 1 Dec in Stockholm.
    expect(stockholmDate(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(daysLeft('2027-02-01', new Date('2026-11-23T10:00:00Z'))).toBe(70);
  });
});

describe('ApplicationSubmissionSchema', () => {
  const valid = {
    propertyId: '0b8f5b1e-6a8d-4c1e-9a57-2b5c7a0d4e11',
    measure: 'outbuilding',
    footprints: [
      {
        id: 'f1',
        measure: 'outbuilding',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [600_000, 6_600_000],
              [600_006, 6_600_000],
              [600_006, 6_600_004],
              [600_000, 6_600_004],
              [600_000, 6_600_000],
            ],
          ],
        },
      },
    ],
    details: { description: 'Ett garage med sadeltak', ridgeHeightM: 3.8, plannedStart: '2027-04-01' },
  };
  it('accepts a complete application', () => {
    expect(ApplicationSubmissionSchema.safeParse(valid).success).toBe(true);
  });
  it('rejects a point instead of a polygon, a missing description and no footprints', () => {
    const point = {
      ...valid,
      footprints: [{ ...valid.footprints[0], geometry: { type: 'Point', coordinates: [600_000, 6_600_000] } }],
    };
    expect(ApplicationSubmissionSchema.safeParse(point).success).toBe(false);
    expect(
      ApplicationSubmissionSchema.safeParse({ ...valid, details: { ...valid.details, description: '' } }).success,
    ).toBe(false);
    const none = ApplicationSubmissionSchema.safeParse({ ...valid, footprints: [] });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toBe('form.footprints.none');
  });
});

import { routeCase } from './routing';
describe('routeCase', () => {
  it('takes the first matching rule and otherwise the default team, with the reason', () => {
    const rules = [
      {
        teamId: 'stora',
        measures: ['newMainBuilding' as const],
        reason: 'Nya huvudbyggnader handläggs av gruppen för större ärenden.',
      },
      { teamId: 'sma', reason: 'Övriga åtgärder.' },
    ];
    expect(routeCase({ measure: 'newMainBuilding' }, rules, 'x')).toEqual({
      teamId: 'stora',
      reason: rules[0]!.reason,
    });
    expect(routeCase({ measure: 'carport' }, rules, 'x').teamId).toBe('sma');
    expect(routeCase({ measure: 'carport' }, [], 'x')).toEqual({
      teamId: 'x',
      reason: 'Standardgrupp: ingen regel matchade.',
    });
  });
});

import { signSummary } from './signing';
describe('signSummary', () => {
  it('tells the signer the property, the measure and the area', () => {
    const text = signSummary(
      {
        propertyId: '0b8f5b1e-6a8d-4c1e-9a57-2b5c7a0d4e11',
        measure: 'carport',
        footprints: [
          {
            id: 'a',
            measure: 'carport',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [600_000, 6_600_000],
                  [600_005, 6_600_000],
                  [600_005, 6_600_007.5],
                  [600_000, 6_600_007.5],
                  [600_000, 6_600_000],
                ],
              ],
            },
          },
        ],
        details: { description: 'Carport i trä', ridgeHeightM: 3, plannedStart: '2027-04-01' },
      },
      'Kjellstavik Eken 1:23',
    );
    expect(text).toContain('Fastighet: Kjellstavik Eken 1:23');
    expect(text).toContain('Åtgärd: Carport eller skärmtak');
    expect(text).toContain('37,5 m²');
  });
});

describe('routeCase with the rules engine’s facts', () => {
  const rules = [
    { teamId: 'stora', deviation: true, reason: 'Avvikelse.' },
    { teamId: 'land', settings: ['outsidePlan' as const], reason: 'Utanför plan.' },
    { teamId: 'anm', outcomes: ['notification' as const], reason: 'Anmälan.' },
    { teamId: 'sma', reason: 'Övrigt.' },
  ];
  it.each([
    [
      'a deviation goes to the experienced officers',
      { measure: 'outbuilding' as const, outcome: 'permit' as const, setting: 'insidePlan' as const, deviation: true },
      'stora',
    ],
    [
      'outside a plan goes to the rural team',
      {
        measure: 'outbuilding' as const,
        outcome: 'permit' as const,
        setting: 'outsidePlan' as const,
        deviation: false,
      },
      'land',
    ],
    [
      'a notification goes to its team',
      { measure: 'extension' as const, outcome: 'notification' as const, setting: 'insidePlan' as const },
      'anm',
    ],
    [
      'anything else to the default rule',
      { measure: 'carport' as const, outcome: 'permit' as const, setting: 'insidePlan' as const },
      'sma',
    ],
    ['a case without a verdict matches no condition that needs one', { measure: 'carport' as const }, 'sma'],
  ])('%s', (_name, facts, team) => expect(routeCase(facts, rules, 'x').teamId).toBe(team));
});
