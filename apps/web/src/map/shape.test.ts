import { describe, expect, it } from 'vitest';
import { rectangleAtCorner, rectangleFromDimensions } from '@lovisa/geo';
import { rectangleShape } from './shape';
import { box, poly } from './testSite';

describe('reading a footprint back as width × depth × rotation', () => {
  it('gives back what rectangleAtCorner was given, so the form can place the same building again', () => {
    for (const rot of [0, 12.5, -30, 44]) {
      const g = rectangleAtCorner([620070, 6650020], 4, 3.5, rot);
      const r = rectangleShape(g)!;
      expect(r.widthM).toBeCloseTo(4, 2);
      expect(r.depthM).toBeCloseTo(3.5, 2);
      expect(r.rotationDeg).toBeCloseTo(rot, 1);
      expect(r.corner[0]).toBeCloseTo(620070, 2);
      expect(r.corner[1]).toBeCloseTo(6650020, 2);
      const again = rectangleAtCorner(r.corner, r.widthM, r.depthM, r.rotationDeg);
      again.coordinates[0]!.forEach(([e, n], i) => {
        expect(e).toBeCloseTo(g.coordinates[0]![i]![0], 2);
        expect(n).toBeCloseTo(g.coordinates[0]![i]![1], 2);
      });
    }
  });

  it('takes the side nearest east–west as the width, whatever corner the ring starts at', () => {
    // A rectangle as Leaflet draws one: corners from the south-west, running north first.
    const r = rectangleShape(
      poly(
        [
          [0, 0],
          [0, 3],
          [5, 3],
          [5, 0],
          [0, 0],
        ].map(([e, n]) => [620000 + e!, 6650000 + n!]),
      ),
    )!;
    expect(r).toMatchObject({ widthM: 5, depthM: 3, rotationDeg: 0, corner: [620000, 6650000] });
    // Turned 90°: the same building, width and depth swapped.
    const turned = rectangleShape(rectangleFromDimensions([620000, 6650000], 6, 4, 90))!;
    expect(turned.widthM).toBeCloseTo(4, 3);
    expect(turned.depthM).toBeCloseTo(6, 3);
    expect(turned.rotationDeg).toBeCloseTo(0, 3);
  });

  it('is null for shapes that are not rectangles', () => {
    expect(
      rectangleShape(
        poly([
          [0, 0],
          [4, 0],
          [4, 3],
          [1, 4],
          [0, 0],
        ]),
      ),
    ).toBeNull();
    expect(
      rectangleShape(
        poly([
          [0, 0],
          [4, 0],
          [5, 3],
          [1, 3],
          [0, 0],
        ]),
      ),
    ).toBeNull(); // parallelogram
    expect(
      rectangleShape(
        poly(
          box(0, 0, 4, 3)
            .slice(0, 4)
            .concat([
              [2, -1],
              [0, 0],
            ]),
        ),
      ),
    ).toBeNull();
  });
});
