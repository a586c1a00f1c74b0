import { describe, expect, it } from 'vitest';
import {
  polygonArea,
  polygonPerimeter,
  rectangleAtCorner,
  rectangleFromDimensions,
  type Polygon,
  type Position,
} from './index';

const E0 = 540_000;
const N0 = 6_600_000;

describe('rectangleFromDimensions', () => {
  it('gives a closed, counter-clockwise, north-aligned ring from the south-west corner', () => {
    expect(rectangleFromDimensions([E0, N0], 6, 4).coordinates).toEqual([
      [
        [E0 - 3, N0 - 2],
        [E0 + 3, N0 - 2],
        [E0 + 3, N0 + 2],
        [E0 - 3, N0 + 2],
        [E0 - 3, N0 - 2],
      ],
    ]);
  });

  it('turns clockwise: at 90° the width runs north–south', () => {
    const [ring] = rectangleFromDimensions([E0, N0], 6, 4, 90).coordinates;
    // The south-west corner (−3, −2) turned a quarter clockwise lands at (−2, +3).
    expect(ring![0]).toEqual([E0 - 2, N0 + 3]);
    expect(ring![1]).toEqual([E0 - 2, N0 - 3]);
  });

  // Golden values from the web map's rectangleAround, which this replaces: drawn and typed rectangles must agree.
  it.each<[Position, number, number, number, Position[]]>([
    [
      [540123.456, 6600789.012],
      10,
      8,
      17,
      [
        [540117.505, 6600786.649],
        [540127.068, 6600783.725],
        [540129.407, 6600791.375],
        [540119.844, 6600794.299],
        [540117.505, 6600786.649],
      ],
    ],
    [
      [540000.5, 6600000.25],
      7.3,
      3.1,
      135,
      [
        [540001.985, 6600003.927],
        [539996.823, 6599998.765],
        [539999.015, 6599996.573],
        [540004.177, 6600001.735],
        [540001.985, 6600003.927],
      ],
    ],
    [
      [540000, 6600000],
      12,
      9,
      -30,
      [
        [539997.054, 6599993.103],
        [540007.446, 6599999.103],
        [540002.946, 6600006.897],
        [539992.554, 6600000.897],
        [539997.054, 6599993.103],
      ],
    ],
    [
      [540010, 6600020],
      5,
      5,
      359.5,
      [
        [540007.522, 6600017.478],
        [540012.522, 6600017.522],
        [540012.478, 6600022.522],
        [540007.478, 6600022.478],
        [540007.522, 6600017.478],
      ],
    ],
  ])('matches rectangleAround for %j %s × %s m at %s°', (center, w, d, rot, ring) => {
    expect(rectangleFromDimensions(center, w, d, rot).coordinates).toEqual([ring]);
  });

  it('keeps a rotated 6 × 4 m rectangle at 24.0 m² after millimetre rounding', () => {
    expect(polygonArea(rectangleFromDimensions([540_123.4567, 6_600_765.4321], 6, 4, 33))).toBeCloseTo(24, 1);
  });
});

describe('rectangleAtCorner', () => {
  it('puts the given corner first and grows east and north', () => {
    expect(rectangleAtCorner([E0 + 4.5, N0 + 3], 10, 8).coordinates).toEqual([
      [
        [E0 + 4.5, N0 + 3],
        [E0 + 14.5, N0 + 3],
        [E0 + 14.5, N0 + 11],
        [E0 + 4.5, N0 + 11],
        [E0 + 4.5, N0 + 3],
      ],
    ]);
  });

  it('turns about the corner, which stays put', () => {
    const [ring] = rectangleAtCorner([E0, N0], 10, 8, 90).coordinates;
    expect(ring).toEqual([
      [E0, N0],
      [E0, N0 - 10],
      [E0 + 8, N0 - 10],
      [E0 + 8, N0],
      [E0, N0],
    ]);
  });
});

describe('polygonPerimeter', () => {
  it('sums every ring, holes included', () => {
    const rect = rectangleFromDimensions([E0, N0], 6, 4);
    expect(polygonPerimeter(rect)).toBe(20);
    const courtyard: Polygon = {
      type: 'Polygon',
      coordinates: [rect.coordinates[0]!, rectangleFromDimensions([E0, N0], 2, 1).coordinates[0]!.slice().reverse()],
    };
    expect(polygonPerimeter(courtyard)).toBe(26);
  });

  it('measures slanted edges', () => {
    expect(
      polygonPerimeter({
        type: 'Polygon',
        coordinates: [
          [
            [E0, N0],
            [E0 + 3, N0],
            [E0, N0 + 4],
            [E0, N0],
          ],
        ],
      }),
    ).toBe(12);
  });
});
