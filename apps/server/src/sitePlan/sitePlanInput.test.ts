import { describe, expect, it } from 'vitest';
import { pixelToSweref, swerefToPixel, type MultiPolygon, type Polygon, type Position } from '@lovisa/geo';
import { toSweref, toWgs84 } from '@lovisa/geo/projection';
import { footprintMeasureText } from './format';
import { plannedBuildings, sitePlanInputFrom } from './sitePlanInput';

// The web map draws in SWEREF 99 TM (apps/web/src/map/crs.ts): a rectangle drawn straight on screen reaches the
// server as four positions that went pixel → SWEREF → WGS84 (Leaflet) → SWEREF, to the millimetre. The
// situationsplan draws the stored geometry north up with no turn of its own, so that rectangle must come out
// with its sides along the sheet's edges.

const mm = (v: number) => Math.round(v * 1000) / 1000;

/** A rectangle of `w` × `h` pixels drawn straight on the map at `zoom`, as the browser stores it. */
function drawnStraight(centre: Position, w: number, h: number, zoom: number): Polygon {
  const [x, y] = swerefToPixel(centre, zoom);
  const ring = [
    [x - w / 2, y - h / 2],
    [x + w / 2, y - h / 2],
    [x + w / 2, y + h / 2],
    [x - w / 2, y + h / 2],
  ].map((p) => {
    const [e, n] = toSweref(toWgs84(pixelToSweref(p as Position, zoom)));
    return [mm(e), mm(n)] as Position;
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** Each side's angle to the nearest sheet axis, in degrees (0 when it runs east–west or north–south). */
const sideTurns = (p: Polygon) =>
  p.coordinates[0]!.slice(0, -1).map((a, i) => {
    const b = p.coordinates[0]![i + 1]!;
    const deg = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
    return Math.abs(((((deg + 45) % 90) + 90) % 90) - 45);
  });

const plot: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [620_000, 6_650_000],
        [620_030, 6_650_000],
        [620_030, 6_650_035],
        [620_000, 6_650_035],
        [620_000, 6_650_000],
      ],
    ],
  ],
};

describe('a rectangle drawn straight on the map, on the situationsplan', () => {
  it('reaches the site plan input with its sides along the grid (rotation 0 ± 0,05°) and its measures intact', () => {
    // 1,5 cm per pixel at zoom 18: 400 × 200 px is 6,25 × 3,125 m.
    const footprint = drawnStraight([620_015, 6_650_017], 400, 200, 18);
    const input = sitePlanInputFrom({
      property: { id: 'p', designation: 'Kjellstavik Test 1:1', municipality: 'Kjellstavik', boundary: plot },
      neighbours: [],
      plans: [],
      features: [],
      planned: plannedBuildings([{ measure: 'outbuilding', geometry: footprint }]),
      date: '2026-12-04',
    });
    expect(input.planned).toHaveLength(1);
    const drawn = input.planned[0]!.geometry;
    for (const turn of sideTurns(drawn)) expect(turn).toBeLessThan(0.05);
    expect(footprintMeasureText(drawn)).toBe('6,3 × 3,1 m');
  });
});
