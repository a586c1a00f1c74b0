// Test-only: a small plot with known distances, so each rule's edge can be placed to the centimetre.
import type { MultiPolygon, Polygon } from '@lovisa/geo';
import type { DetailedPlan } from '../plan';
import type { ExistingBuilding, PlannedMeasure, Site } from './site';

/** Origin in SWEREF 99 TM, inside Sweden; every test coordinate below is metres from here. */
export const E0 = 540_000;
export const N0 = 6_600_000;

export function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [E0 + x0, N0 + y0],
        [E0 + x1, N0 + y0],
        [E0 + x1, N0 + y1],
        [E0 + x0, N0 + y1],
        [E0 + x0, N0 + y0],
      ],
    ],
  };
}
export const multi = (...ps: Polygon[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: ps.map((p) => p.coordinates),
});

/** A w × d building with its south-west corner at (x, y). */
export const box = (x: number, y: number, w: number, d: number) => rect(x, y, x + w, y + d);

export const house: ExistingBuilding = {
  footprint: rect(10, 20, 20, 30),
  use: 'bostadshus',
  legalBasis: 'permit',
  heightM: 6.5,
};

/**
 * Plot 30 × 40 m (1 200 m²) with the street (public land) along its south side, neighbours east, west and
 * north, the house in the middle; prickmark along the street (y < 6), korsmark in the north-west corner.
 */
export const plan: DetailedPlan = {
  id: 'dp-test',
  planNumber: '1284-P2020/1',
  name: 'Testplan',
  legalForceDate: '2020-01-01',
  use: ['B'],
  maxBuildingAreaM2: null,
  maxBuildingAreaPercent: 25,
  maxRidgeHeightM: 7.5,
  minDistanceToBoundaryM: 4.5,
  area: multi(rect(-100, -20, 100, 100)),
  prickmark: multi(rect(0, 0, 30, 6)),
  korsmark: multi(rect(0, 32, 10, 40)),
  publicLand: [{ use: 'GATA', area: multi(rect(-100, -10, 100, 0)) }],
  culturalHeritage: null,
};

export function site(overrides: Partial<Site> = {}): Site {
  return {
    boundary: multi(rect(0, 0, 30, 40)),
    plotAreaM2: 1200,
    plan,
    buildings: [house],
    neighbours: [
      { id: 'n-east', designation: 'Kjellstavik Eken 1:24', boundary: multi(rect(30, 0, 60, 40)) },
      { id: 'n-west', designation: 'Kjellstavik Eken 1:22', boundary: multi(rect(-30, 0, 0, 40)) },
      { id: 'n-north', designation: 'Kjellstavik Eken 2:1', boundary: multi(rect(0, 40, 30, 70)) },
    ],
    water: [],
    ...overrides,
  };
}

export const outsidePlanSite = (overrides: Partial<Site> = {}) =>
  site({ plan: null, clusteredSettlement: true, ...overrides });

export const shed = (footprint: Polygon, ridgeHeightM = 3.5): PlannedMeasure => ({
  type: 'outbuilding',
  footprints: [footprint],
  ridgeHeightM,
});
