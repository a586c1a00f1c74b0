import type { MultiPolygon, Polygon, Position } from '@lovisa/geo';
import type { MapSite } from './mapSite';

// Kjellstavik Eken 1:23 as the fixtures have it (EPSG:3006): 30 × 35 m, Ekvägen to the south with a 6 m
// prickmark strip, Eken 1:22 to the west, Björken 2:5 to the east, nothing named to the north.

export const box = (minE: number, minN: number, maxE: number, maxN: number): Position[] => [
  [minE, minN],
  [maxE, minN],
  [maxE, maxN],
  [minE, maxN],
  [minE, minN],
];
export const multi = (...rings: Position[][]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: rings.map((r) => [r]),
});
export const poly = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [ring] });

export const eken123: MapSite = {
  boundary: multi(box(620060, 6650005, 620090, 6650040)),
  neighbours: [
    { id: 'n22', designation: 'Kjellstavik Eken 1:22', boundary: multi(box(620030, 6650005, 620060, 6650040)) },
    { id: 'n25', designation: 'Kjellstavik Björken 2:5', boundary: multi(box(620090, 6650005, 620120, 6650040)) },
    { id: 'n28', designation: 'Kjellstavik Björken 2:8', boundary: multi(box(620065, 6649960, 620095, 6649995)) },
  ],
  streets: [
    {
      name: 'Ekvägen',
      line: [
        [619670, 6650000],
        [620340, 6650000],
      ],
    },
  ],
  prickmark: multi(box(620000, 6650005, 620120, 6650011)),
  korsmark: multi(box(620000, 6650032, 620120, 6650040)),
  buildings: [poly(box(620062, 6650013, 620072, 6650025)), poly(box(620082, 6650033, 620087, 6650036))],
};
