import { describe, expect, it } from 'vitest';
import type { Surroundings } from '@lovisa/domain';
import { describeSegment, mapSiteFrom, pointInMulti, propertySides } from './mapSite';
import { box, eken123, multi } from './testSite';

describe('naming the boundaries of Eken 1:23', () => {
  it('names each side by what lies beyond it: a neighbour, a street, or only its direction', () => {
    expect(
      describeSegment(
        [
          [620060, 6650005],
          [620060, 6650040],
        ],
        eken123,
      ),
    ).toEqual({ side: 'west', kind: 'neighbour', name: 'Kjellstavik Eken 1:22' });
    expect(
      describeSegment(
        [
          [620090, 6650040],
          [620090, 6650005],
        ],
        eken123,
      ),
    ).toEqual({ side: 'east', kind: 'neighbour', name: 'Kjellstavik Björken 2:5' });
    // Across the street lies Björken 2:8, but the boundary faces Ekvägen.
    expect(
      describeSegment(
        [
          [620060, 6650005],
          [620090, 6650005],
        ],
        eken123,
      ),
    ).toEqual({ side: 'south', kind: 'street', name: 'Ekvägen' });
    expect(
      describeSegment(
        [
          [620090, 6650040],
          [620060, 6650040],
        ],
        eken123,
      ),
    ).toEqual({ side: 'north', kind: 'none', name: null });
  });

  it('finds the south and west sides and the south-west corner for the placement form', () => {
    const sides = propertySides(eken123);
    expect(sides.corner).toEqual([620060, 6650005]);
    expect(sides.south.name).toBe('Ekvägen');
    expect(sides.west.name).toBe('Kjellstavik Eken 1:22');
  });

  it('works whichever way the boundary ring runs', () => {
    const clockwise = { ...eken123, boundary: multi([...box(620060, 6650005, 620090, 6650040)].reverse()) };
    expect(propertySides(clockwise).west.name).toBe('Kjellstavik Eken 1:22');
  });

  it('takes only this property’s buildings, and streets, from the surroundings', () => {
    const surroundings: Surroundings = {
      neighbours: [],
      features: [
        {
          type: 'Feature',
          properties: { kind: 'street', name: 'Ekvägen' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 0],
            ],
          },
        },
        {
          type: 'Feature',
          properties: {
            kind: 'building',
            propertyId: '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23',
            use: 'bostadshus',
            legalBasis: 'permit',
          },
          geometry: { type: 'Polygon', coordinates: [box(1, 1, 2, 2)] },
        },
        {
          type: 'Feature',
          properties: {
            kind: 'building',
            propertyId: '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e22',
            use: 'bostadshus',
            legalBasis: 'permit',
          },
          geometry: { type: 'Polygon', coordinates: [box(3, 3, 4, 4)] },
        },
      ],
    };
    const site = mapSiteFrom(
      { id: '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23', boundary: eken123.boundary },
      [],
      surroundings,
    );
    expect(site.buildings).toHaveLength(1);
    expect(site.streets.map((s) => s.name)).toEqual(['Ekvägen']);
    expect(site.prickmark).toBeNull();
  });

  it('tells inside from outside, holes included', () => {
    const withHole = { type: 'MultiPolygon' as const, coordinates: [[box(0, 0, 10, 10), box(4, 4, 6, 6)]] };
    expect(pointInMulti([2, 2], withHole)).toBe(true);
    expect(pointInMulti([5, 5], withHole)).toBe(false);
    expect(pointInMulti([11, 5], withHole)).toBe(false);
  });
});
