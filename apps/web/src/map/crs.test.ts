import { describe, expect, it } from 'vitest';
import { pixelToSweref, swerefToPixel, type Position } from '@lovisa/geo';
import { toWgs84 } from '@lovisa/geo/projection';
import { latLngsToPolygon } from './coords';
import { rectangleShape } from './shape';

// What the map's CRS (crs.ts) does with a rectangle drawn straight on screen, step by step without Leaflet (which
// needs a browser; the e2e test draws one with the mouse): a screen pixel is a SWEREF position of the tile matrix,
// Leaflet hands it on as WGS84 lat/lng (proj4's inverse), and coords.ts stores it back in SWEREF.

/** The four corners of a screen rectangle as Leaflet's latlngs, the way the CRS unprojects pixels. */
function drawnOnScreen(topLeft: Position, widthPx: number, heightPx: number, zoom: number) {
  const [x, y] = topLeft;
  const corners: Position[] = [
    [x, y],
    [x + widthPx, y],
    [x + widthPx, y + heightPx],
    [x, y + heightPx],
  ];
  return corners.map((p) => {
    const [lng, lat] = toWgs84(pixelToSweref(p, zoom));
    return { lat, lng };
  });
}

describe('a rectangle drawn straight on the SWEREF 99 TM map', () => {
  it('is stored at rotation 0 with axis-parallel sides, wherever and at whatever zoom it is drawn', () => {
    for (const [e, n, zoom] of [
      [620_040, 6_650_020, 16], // Kjellstavik
      [620_071.3, 6_650_003.7, 17.25],
      [319_000, 6_400_000, 15.5], // far west of the central meridian, where the convergence is larger
      [900_000, 7_500_000, 18],
    ] as const) {
      const stored = latLngsToPolygon(drawnOnScreen(swerefToPixel([e, n], zoom), 240, 120, zoom));
      const shape = rectangleShape(stored);
      expect(shape, `a rectangle at ${e}, ${n}`).not.toBeNull();
      expect(Math.abs(shape!.rotationDeg)).toBeLessThan(0.05);
      const [a, b, c, d] = stored.coordinates[0]!;
      // Millimetres both ways: the top and bottom edges keep one northing, the sides one easting.
      expect(b![1]).toBe(a![1]);
      expect(c![0]).toBe(b![0]);
      expect(d![1]).toBe(c![1]);
      expect(a![0]).toBe(d![0]);
    }
  });

  it('would lean by the meridian convergence if its corners were taken in lat/lng (why DrawControls asks Geoman for screen corners)', () => {
    const zoom = 16;
    const corners = drawnOnScreen(swerefToPixel([620_040, 6_650_020], zoom), 240, 120, zoom);
    const lats = corners.map((c) => c.lat);
    const lngs = corners.map((c) => c.lng);
    const [s, w, nn, ee] = [Math.min(...lats), Math.min(...lngs), Math.max(...lats), Math.max(...lngs)];
    const bounds = latLngsToPolygon([
      { lat: s, lng: w },
      { lat: nn, lng: w },
      { lat: nn, lng: ee },
      { lat: s, lng: ee },
    ]);
    expect(Math.abs(rectangleShape(bounds)?.rotationDeg ?? 0)).toBeGreaterThan(1.5);
  });
});
