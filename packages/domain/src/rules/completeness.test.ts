import { describe, expect, it } from 'vitest';
import type { Polygon } from '@lovisa/geo';
import { completenessInputFrom, evaluateApplication, SUBMISSION_CHANNEL } from './evaluate';
import type { CompletenessInput } from './completeness';
import { ruleSetFor } from './ruleSets';
import { box, E0, N0, site } from './testSupport';

const rules = ruleSetFor('2026-01-15')!;
const full = { attachmentsCollected: true };
const base = (over: Partial<CompletenessInput> = {}): CompletenessInput => ({
  propertyId: 'p-1',
  measure: 'outbuilding',
  footprints: [box(5, 8, 6, 6)], // 36 m²: a permit
  details: { description: 'Garage i trä med sadeltak.', ridgeHeightM: 3.8, plannedStart: '2027-04-01' },
  contact: { email: 'anna@example.se' },
  attachments: [{ type: 'SITU' }, { type: 'PLA' }, { type: 'FAS' }],
  ...over,
});
const codes = (app: CompletenessInput, options = full, s = site()) =>
  evaluateApplication(app, s, rules, options).missing.map((m) => m.code);

describe('checkCompleteness (through evaluateApplication)', () => {
  it('a complete permit application lacks nothing and may leave', () => {
    const e = evaluateApplication(base(), site(), rules, full);
    expect(e.missing).toEqual([]);
    expect(e.ready).toBe(true);
    expect(e.assessment!.outcome).toBe('permit');
    expect(e.ruleSetId).toBe('pbl-2025-12-01');
  });

  it('an empty draft lists what is missing, each with the step that fixes it', () => {
    const e = evaluateApplication({}, null, rules, full);
    expect(e.missing.map((m) => [m.code, m.step])).toEqual([
      ['MISSING_PROPERTY', 'chooseProperty'],
      ['MISSING_MEASURE', 'measure'],
      ['MISSING_FOOTPRINT', 'map'],
      ['MISSING_DESCRIPTION', 'details'],
      ['MISSING_RIDGE_HEIGHT', 'details'],
      ['MISSING_START_DATE', 'details'],
      ['MISSING_CONTACT', 'contact'],
    ]);
    expect(e.assessment).toBeNull();
    expect(e.ready).toBe(false);
  });

  it('each required drawing for a permit outbuilding', () => {
    expect(codes(base({ attachments: [{ type: 'SITU' }] }))).toEqual(['MISSING_ATTACHMENT', 'MISSING_ATTACHMENT']);
    const texts = evaluateApplication(base({ attachments: [] }), site(), rules, full).missing.map((m) => m.text.sv);
    expect(texts).toEqual(['Bifoga situationsplan.', 'Bifoga planritning.', 'Bifoga fasadritning.']);
  });

  it('a new house needs a section drawing and a kontrollansvarig', () => {
    const house: Partial<CompletenessInput> = {
      measure: 'newMainBuilding',
      footprints: [box(8, 8, 12, 10)],
      details: { ...base().details, ridgeHeightM: 7 },
    };
    expect(codes(base({ ...house }), full, site({ buildings: [] }))).toEqual([
      'MISSING_ATTACHMENT',
      'MISSING_KONTROLLANSVARIG',
    ]);
    const ka = { name: 'Kim Kontroll', certificationId: 'SC1234-56', contact: 'kim@example.se' };
    expect(
      codes(
        base({
          ...house,
          kontrollansvarig: ka,
          attachments: ['SITU', 'PLA', 'FAS', 'SEK'].map((type) => ({ type: type as 'SITU' })),
        }),
        full,
        site({ buildings: [] }),
      ),
    ).toEqual([]);
  });

  it('an extension needs its gross floor area, and a kontrollansvarig from 50 m²', () => {
    const ext = (gfa: number | undefined): CompletenessInput =>
      base({
        measure: 'extension',
        footprints: [box(20, 20, 5, 10)],
        details: { ...base().details, ridgeHeightM: 5, ...(gfa === undefined ? {} : { grossFloorAreaM2: gfa }) },
        attachments: ['SITU', 'PLA', 'FAS', 'SEK'].map((type) => ({ type: type as 'SITU' })),
      });
    expect(codes(ext(undefined))).toContain('MISSING_GROSS_FLOOR_AREA');
    expect(codes(ext(49.99))).toEqual([]);
    expect(codes(ext(50))).toEqual(['MISSING_KONTROLLANSVARIG']);
  });

  it('a notification within 4.5 m of the boundary needs the neighbours’ consent', () => {
    const app = base({
      measure: 'smallDwelling',
      footprints: [box(22, 8, 5, 6)],
      details: { ...base().details, ridgeHeightM: 4 },
      attachments: ['SITU', 'PLA', 'FAS', 'SEK'].map((type) => ({ type: type as 'SITU' })),
    });
    const e = evaluateApplication(app, site(), rules, full);
    expect(e.assessment!.outcome).toBe('notification');
    expect(e.missing.map((m) => [m.code, m.text.sv])).toEqual([
      ['MISSING_NEIGHBOUR_CONSENT', 'Skriftligt medgivande saknas från ägarna till Kjellstavik Eken 1:24.'],
    ]);
    expect(codes({ ...app, neighbourConsents: [{ propertyId: 'n-east' }] })).toEqual([]);
  });

  it('nothing to apply for when no permit or notification is needed', () => {
    const e = evaluateApplication(base({ footprints: [box(5, 8, 4, 4)] }), site(), rules, full);
    expect(e.missing.map((m) => m.code)).toEqual(['NOTHING_TO_APPLY_FOR']);
    expect(e.ready).toBe(false);
  });

  it('a self-intersecting drawing is named, and no verdict is given on it', () => {
    const bowtie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [E0 + 5, N0 + 8],
          [E0 + 10, N0 + 13],
          [E0 + 10, N0 + 8],
          [E0 + 5, N0 + 13],
          [E0 + 5, N0 + 8],
        ],
      ],
    };
    const e = evaluateApplication(base({ footprints: [bowtie] }), site(), rules, full);
    expect(e.missing.map((m) => m.code)).toEqual(['INVALID_FOOTPRINT']);
    expect(e.missing[0]!.text.sv).toBe('Byggnadens form går inte att använda: kanterna korsar varandra.');
    expect(e.assessment).toBeNull();
  });

  it('answers early, on the map, before the ridge height is given, and says the answer waits on it', () => {
    const early = evaluateApplication(base({ footprints: [box(5, 8, 4, 4)], details: {} }), site(), rules, full);
    expect(early.ridgeHeightPending).toBe(true);
    expect(early.assessment!.outcome).toBe('none');
    expect(early.missing.map((m) => m.code)).toContain('MISSING_RIDGE_HEIGHT');
    const given = evaluateApplication(
      base({ footprints: [box(5, 8, 4, 4)], details: { ...base().details, ridgeHeightM: 4.2 } }),
      site(),
      rules,
      full,
    );
    expect(given.ridgeHeightPending).toBe(false);
    expect(given.assessment!.outcome).toBe('permit');
  });

  it('a building outside the property is refused', () => {
    expect(codes(base({ footprints: [box(27, 8, 6, 6)] }))).toContain('OUTSIDE_PROPERTY');
  });

  it('a deviation is advice, not a stop: the office hears the neighbours', () => {
    const e = evaluateApplication(base({ footprints: [box(5, 4.5, 6, 6)] }), site(), rules, full);
    expect(e.compliance!.deviation).toBe(true);
    expect(e.missing.map((m) => [m.code, m.blocking])).toEqual([['DEVIATION_HEARING', false]]);
    expect(e.ready).toBe(true);
  });

  it('a channel without uploads lists missing drawings as advice; Lovisa’s form takes uploads, so they block', () => {
    expect(evaluateApplication(base({ attachments: [] }), site(), rules, SUBMISSION_CHANNEL).ready).toBe(false);
    const e = evaluateApplication(base({ attachments: [] }), site(), rules, { attachmentsCollected: false });
    expect(e.missing.map((m) => [m.code, m.blocking])).toEqual([
      ['MISSING_ATTACHMENT', false],
      ['MISSING_ATTACHMENT', false],
      ['MISSING_ATTACHMENT', false],
    ]);
    expect(e.ready).toBe(true);
  });
});

describe('completenessInputFrom', () => {
  it('reads the wizard’s details, blank fields as not given', () => {
    const input = completenessInputFrom({
      propertyId: 'p',
      measure: 'extension',
      footprints: [{ geometry: box(0, 0, 2, 2) }],
      details: {
        description: 'x',
        ridgeHeightM: 4,
        plannedStart: '2027-01-01',
        grossFloorAreaM2: 30,
        email: '  ',
        phone: '070-1234567',
        kaName: '',
      },
    });
    expect(input.contact).toEqual({ phone: '070-1234567' });
    expect(input.kontrollansvarig).toEqual({});
    expect(input.details).toEqual({
      description: 'x',
      ridgeHeightM: 4,
      plannedStart: '2027-01-01',
      grossFloorAreaM2: 30,
    });
    expect(input.footprints).toHaveLength(1);
  });
});
