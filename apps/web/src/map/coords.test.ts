import { describe, expect, it } from 'vitest';
import { rectangleFromDimensions } from '@lovisa/geo';
import { latLngsToPolygon, polygonToLatLngs } from './coords';

describe('conversion at the edges', () => {
  it('round-trips EPSG:3006 through Leaflet lat/lng to the centimetre', () => {
    const rect = rectangleFromDimensions([620_075, 6_650_022], 6, 4, 30);
    const back = latLngsToPolygon(polygonToLatLngs(rect)[0]!.map(([lat, lng]) => ({ lat, lng })));
    back.coordinates[0]!.forEach(([e, n], i) => {
      expect(e).toBeCloseTo(rect.coordinates[0]![i]![0], 1);
      expect(n).toBeCloseTo(rect.coordinates[0]![i]![1], 1);
    });
  });
});
