import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from '@lovisa/geo';
import {
  CONSENT_MOVE_TOLERANCE_M,
  canonicalJson,
  consentCanonical,
  consentSignText,
  consentStatus,
  consentSubject,
  propertyConsented,
} from './consent';

const E = 620_000;
const N = 6_650_000;
// The neighbour's plot starts at e = 10; a 3 × 4 m shed at e = 5..8 stands 2 m from the boundary.
const neighbour: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [E + 10, N],
        [E + 30, N],
        [E + 30, N + 30],
        [E + 10, N + 30],
        [E + 10, N],
      ],
    ],
  ],
};
const shed = (de = 0, dn = 0, w = 3, d = 4): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [E + 5 + de, N + 10 + dn],
      [E + 5 + de + w, N + 10 + dn],
      [E + 5 + de + w, N + 10 + dn + d],
      [E + 5 + de, N + 10 + dn + d],
      [E + 5 + de, N + 10 + dn],
    ],
  ],
});
const subject = (p: Polygon, ridgeHeightM = 3) =>
  consentSubject({ measure: 'outbuilding', footprints: [p], ridgeHeightM, neighbourBoundary: neighbour });
const signed = subject(shed());

describe('what a neighbour consents to', () => {
  it('is the drawing in cm, its area, ridge and distance to this neighbour', () => {
    expect(signed).toEqual({
      measure: 'outbuilding',
      footprints: [
        [
          [E + 5, N + 10],
          [E + 8, N + 10],
          [E + 8, N + 14],
          [E + 5, N + 14],
          [E + 5, N + 10],
        ],
      ],
      areaM2: 12,
      ridgeHeightM: 3,
      distanceM: 2,
    });
  });

  it('serialises the same whatever the key order, and differently when anything changes', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
    const reordered = {
      distanceM: signed.distanceM,
      ridgeHeightM: signed.ridgeHeightM,
      areaM2: signed.areaM2,
      footprints: signed.footprints,
      measure: signed.measure,
    };
    const id = '00000000-0000-4000-8000-000000000001';
    expect(consentCanonical(reordered, id, 'consented')).toBe(consentCanonical(signed, id, 'consented'));
    expect(consentCanonical(subject(shed(0.01)), id, 'consented')).not.toBe(consentCanonical(signed, id, 'consented'));
  });

  it('names the measure, area, site, distance and neighbour in the text signed', () => {
    expect(
      consentSignText({
        siteDesignation: 'Kjellstavik Björken 2:6',
        neighbourDesignation: 'Kjellstavik Björken 2:7',
        subject: signed,
      }),
    ).toBe(
      'Jag medger att komplementbyggnad om 12 m² på Kjellstavik Björken 2:6 byggs 2 m från gränsen mot min fastighet Kjellstavik Björken 2:7, så som den visas på kartan och i situationsplanen.',
    );
  });
});

describe('consentStatus', () => {
  it('still covers a drawing moved 0.2 m along the boundary', () => {
    expect(consentStatus(signed, subject(shed(0, 0.2)))).toEqual({ status: 'valid' });
    expect(CONSENT_MOVE_TOLERANCE_M).toBeGreaterThan(0.2);
  });

  it('lapses when the building moves 1 m, even away from the neighbour', () => {
    expect(consentStatus(signed, subject(shed(-1)))).toEqual({ status: 'lapsed', reasons: ['moved'] });
  });

  it('lapses when it comes closer to the neighbour, naming both', () => {
    expect(consentStatus(signed, subject(shed(1)))).toEqual({ status: 'lapsed', reasons: ['moved', 'closer'] });
    expect(consentStatus(signed, subject(shed(0.2)))).toEqual({ status: 'lapsed', reasons: ['closer'] });
  });

  it('lapses when it grows 2 % but not 0.5 %', () => {
    // 3 × 4.08 = 12.24 m² (+2 %); the far corners move 8 cm, within the move tolerance.
    expect(consentStatus(signed, subject(shed(0, 0, 3, 4.08)))).toEqual({ status: 'lapsed', reasons: ['enlarged'] });
    expect(consentStatus(signed, subject(shed(0, 0, 3, 4.02)))).toEqual({ status: 'valid' });
  });

  it('lapses with a higher ridge, another measure or another shape', () => {
    expect(consentStatus(signed, subject(shed(), 3.5))).toEqual({ status: 'lapsed', reasons: ['higher'] });
    expect(consentStatus(signed, { ...signed, measure: 'carport' })).toEqual({
      status: 'lapsed',
      reasons: ['otherMeasure'],
    });
    expect(consentStatus(signed, { ...signed, footprints: [...signed.footprints, ...signed.footprints] }).status).toBe(
      'lapsed',
    );
  });
});

describe('propertyConsented', () => {
  const maria = '196411193086';
  const per = '194509123412';
  it('needs every co-owner', () => {
    expect(propertyConsented([maria, per], [{ personnummer: maria, subject: signed }], signed)).toBe(false);
    expect(
      propertyConsented(
        [maria, per],
        [
          { personnummer: maria, subject: signed },
          { personnummer: per, subject: signed },
        ],
        signed,
      ),
    ).toBe(true);
  });

  it('counts no consent that has lapsed, and none without known owners', () => {
    const both = [
      { personnummer: maria, subject: signed },
      { personnummer: per, subject: signed },
    ];
    expect(propertyConsented([maria, per], both, subject(shed(-1)))).toBe(false);
    expect(propertyConsented([], both, signed)).toBe(false);
  });
});
