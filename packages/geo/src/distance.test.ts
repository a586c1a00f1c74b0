import { describe, expect, it } from 'vitest';
import { distanceToArea, distanceToBoundary, distanceToLines, type Polygon, type Position } from './index';
import { box, E0, multi, N0, ring } from './test/boxes';

const property = multi([ring(0, 0, 40, 40)]);
const westEdge: [Position, Position] = [
  [E0, N0 + 40],
  [E0, N0],
];

describe('distanceToBoundary', () => {
  it('measures a 4 × 4 m box 4.49 m and 4.50 m from the boundary', () => {
    const near = distanceToBoundary(box(4.49, 10, 4, 4), property);
    expect(near.distanceM).toBeCloseTo(4.49, 9);
    expect(near.distanceM).toBeLessThan(4.5);
    // 540 004.5 − 540 000 is exact in floating point, so the limit case is exactly the limit.
    expect(distanceToBoundary(box(4.5, 10, 4, 4), property).distanceM).toBe(4.5);
  });

  it('gives nearest points and the boundary segment that holds `to`', () => {
    const r = distanceToBoundary(box(4.5, 10, 4, 4), property);
    expect(r.from[0]).toBe(E0 + 4.5);
    expect(r.to[0]).toBe(E0);
    expect(r.to[1]).toBe(r.from[1]);
    expect(r.from[1]).toBeGreaterThanOrEqual(N0 + 10);
    expect(r.from[1]).toBeLessThanOrEqual(N0 + 14);
    expect(r.segment).toEqual(westEdge);
  });

  it('finds the vertex of a turned footprint and its foot on the nearest edge', () => {
    const diamond: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [E0 + 3, N0 + 20],
          [E0 + 6, N0 + 17],
          [E0 + 9, N0 + 20],
          [E0 + 6, N0 + 23],
          [E0 + 3, N0 + 20],
        ],
      ],
    };
    const r = distanceToBoundary(diamond, property);
    expect(r.distanceM).toBe(3);
    expect(r.from).toEqual([E0 + 3, N0 + 20]);
    expect(r.to).toEqual([E0, N0 + 20]);
    expect(r.segment).toEqual(westEdge);
  });

  it('is exactly 0 when the footprint touches the boundary along an edge or at a corner', () => {
    expect(distanceToBoundary(box(0, 10, 4, 4), property).distanceM).toBe(0);
    const corner: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [E0, N0 + 20],
          [E0 + 3, N0 + 17],
          [E0 + 6, N0 + 20],
          [E0 + 3, N0 + 23],
          [E0, N0 + 20],
        ],
      ],
    };
    const r = distanceToBoundary(corner, property);
    expect(r).toEqual({ distanceM: 0, from: [E0, N0 + 20], to: [E0, N0 + 20], segment: westEdge });
  });

  it('is exactly 0 when the footprint crosses the boundary', () => {
    const r = distanceToBoundary(box(38, 10, 4, 4), property);
    expect(r.distanceM).toBe(0);
    expect(r.from).toEqual(r.to);
    expect(r.to[0]).toBe(E0 + 40);
  });

  it('is not 0 a millimetre inside', () => {
    expect(distanceToBoundary(box(0.001, 10, 4, 4), property).distanceM).toBeCloseTo(0.001, 9);
  });

  it('measures to every ring of every part of a property in two separate areas', () => {
    const twoParts = multi([ring(0, 0, 40, 40)], [ring(45, 0, 20, 20)]);
    // Standing near the east side of the first part: 1 m to it, 6 m to the second part.
    const inFirst = distanceToBoundary(box(35, 10, 4, 4), twoParts);
    expect(inFirst.distanceM).toBe(1);
    expect(inFirst.segment).toEqual([
      [E0 + 40, N0],
      [E0 + 40, N0 + 40],
    ]);
    // Standing in the second part: its own ring, not the first part's.
    const inSecond = distanceToBoundary(box(55, 12, 4, 4), twoParts);
    expect(inSecond.distanceM).toBe(4);
    expect(inSecond.to[1]).toBe(N0 + 20);
    // Between the parts (outside both): 2 m to the first, 2.5 m to the second.
    expect(distanceToBoundary(box(42, 12, 0.5, 0.5), twoParts).distanceM).toBe(2);
  });

  it('measures to a hole in the property', () => {
    const enclave = ring(20, 20, 10, 10).slice().reverse();
    const withHole = multi([ring(0, 0, 40, 40), enclave]);
    const r = distanceToBoundary(box(12, 22, 5, 4), withHole);
    expect(r.distanceM).toBe(3);
    expect(r.to[0]).toBe(E0 + 20);
    expect(r.segment.every(([e]) => e === E0 + 20)).toBe(true);
  });

  it('is 0 when the footprint covers a whole hole', () => {
    const tinyHole = ring(20, 20, 1, 1).slice().reverse();
    expect(distanceToBoundary(box(18, 18, 5, 5), multi([ring(0, 0, 40, 40), tinyHole])).distanceM).toBe(0);
  });

  it('is Infinity for an empty boundary', () => {
    expect(distanceToBoundary(box(1, 1, 2, 2), multi()).distanceM).toBe(Infinity);
  });
});

describe('distanceToArea', () => {
  const neighbour = multi([ring(40, 0, 40, 40)]);

  it('measures edge to edge, with nearest points', () => {
    const r = distanceToArea(box(30, 10, 5, 5), neighbour);
    expect(r.distanceM).toBe(5);
    expect(r.from[0]).toBe(E0 + 35);
    expect(r.to[0]).toBe(E0 + 40);
    expect(r.to[1]).toBe(r.from[1]);
  });

  it('is 0 when they touch or overlap', () => {
    expect(distanceToArea(box(35, 10, 5, 5), neighbour).distanceM).toBe(0);
    expect(distanceToArea(box(38, 10, 5, 5), neighbour).distanceM).toBe(0);
  });

  it('is 0 when the footprint lies inside the area, or the area inside the footprint', () => {
    const inside = distanceToArea(box(50, 10, 5, 5), neighbour);
    expect(inside.distanceM).toBe(0);
    expect(inside.from).toEqual(inside.to);
    expect(distanceToArea(box(0, 0, 100, 100), neighbour).distanceM).toBe(0);
  });

  it('measures from a footprint in a hole of the area to the hole', () => {
    const park = multi([ring(0, 0, 40, 40), ring(10, 10, 20, 20).slice().reverse()]);
    expect(distanceToArea(box(15, 15, 5, 5), park).distanceM).toBe(5);
  });

  it('takes the nearest of several parts', () => {
    const water = multi([ring(100, 0, 10, 10)], [ring(0, 50, 10, 10)]);
    expect(distanceToArea(box(2, 40, 4, 4), water).distanceM).toBe(6);
  });
});

describe('distanceToLines', () => {
  const railway: Position[] = [
    [E0 - 100, N0 + 60],
    [E0, N0 + 60],
    [E0 + 100, N0 + 70],
  ];

  it('measures to the nearest polyline', () => {
    const r = distanceToLines(box(-10, 40, 5, 5), [
      railway,
      [
        [E0 + 500, N0],
        [E0 + 500, N0 + 100],
      ],
    ]);
    expect(r.distanceM).toBe(15);
    expect(r.to[1]).toBe(N0 + 60);
  });

  it('is 0 when a line crosses or lies wholly inside the footprint', () => {
    expect(distanceToLines(box(-10, 55, 5, 10), [railway]).distanceM).toBe(0);
    expect(
      distanceToLines(box(0, 0, 10, 10), [
        [
          [E0 + 2, N0 + 2],
          [E0 + 3, N0 + 3],
        ],
      ]).distanceM,
    ).toBe(0);
  });

  it('does not round a point a tenth of a nanometre off a slanted line to 0', () => {
    // Found by search: the foot point on a–b rounds onto p itself, so measuring p → foot point gave exactly 0.
    const a: Position = [E0 + 0.001, N0 + 0.003];
    const b: Position = [E0 + 40.007, N0 + 30.011];
    const p: Position = [540000.00200015, 6600000.003750199];
    const side = Math.sign((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
    expect(side).not.toBe(0);
    // A triangle with its tip at p, on p's side of the line.
    const [nx, ny] = [(-(b[1] - a[1]) / 50) * side, ((b[0] - a[0]) / 50) * side];
    const tip: Polygon = {
      type: 'Polygon',
      coordinates: [[p, [p[0] + nx + 1, p[1] + ny], [p[0] + nx, p[1] + ny + 1], p]],
    };
    const d = distanceToLines(tip, [[a, b]]).distanceM;
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(1e-9);
  });

  it('is Infinity without lines', () => {
    expect(distanceToLines(box(0, 0, 5, 5), []).distanceM).toBe(Infinity);
  });
});
