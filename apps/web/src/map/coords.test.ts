import { describe, expect, it } from 'vitest';
import { polygonArea, bbox } from '@lovisa/geo';
import { latLngsToPolygon, polygonToLatLngs, rectangleAround } from './coords';

describe('rectangleAround', () => {
  const center: [number, number] = [620_075, 6_650_022];
  it('keeps width × depth whatever the rotation', () => {
    for (const deg of [0, 15, 45, 90, 123]) expect(polygonArea(rectangleAround(center, 6, 4, deg))).toBeCloseTo(24, 1);
  });
  it('turns clockwise: at 90° the width runs north–south', () => {
    const [minE, minN, maxE, maxN] = bbox(rectangleAround(center, 10, 2, 90));
    expect(maxE - minE).toBeCloseTo(2, 2);
    expect(maxN - minN).toBeCloseTo(10, 2);
  });
});

describe('conversion at the edges', () => {
  it('round-trips EPSG:3006 through Leaflet lat/lng to the centimetre', () => {
    const rect = rectangleAround([620_075, 6_650_022], 6, 4, 30);
    const back = latLngsToPolygon(polygonToLatLngs(rect)[0]!.map(([lat, lng]) => ({ lat, lng })));
    back.coordinates[0]!.forEach(([e, n], i) => {
      expect(e).toBeCloseTo(rect.coordinates[0]![i]![0], 1);
      expect(n).toBeCloseTo(rect.coordinates[0]![i]![1], 1);
    });
  });
});
