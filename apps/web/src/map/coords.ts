import type { LatLngTuple } from 'leaflet';
import { toSweref, toWgs84 } from '@lovisa/geo/projection';
import type { MultiPolygon, Polygon, Position } from '@lovisa/geo';

// Leaflet speaks WGS84 [lat, lng]; everything Lovisa stores and measures is SWEREF 99 TM. Convert only here.

export function ringToLatLngs(ring: Position[]): LatLngTuple[] {
  // Leaflet closes rings itself; the repeated last position would be a duplicate vertex to edit.
  return ring.slice(0, -1).map((p) => {
    const [lng, lat] = toWgs84(p);
    return [lat, lng];
  });
}

/** One position, for lines and labels (no ring to close). */
export function positionToLatLng(p: Position): LatLngTuple {
  const [lng, lat] = toWgs84(p);
  return [lat, lng];
}

export const lineToLatLngs = (line: Position[]): LatLngTuple[] => line.map(positionToLatLng);

export const polygonToLatLngs = (p: Polygon): LatLngTuple[][] => p.coordinates.map(ringToLatLngs);
export const multiPolygonToLatLngs = (mp: MultiPolygon): LatLngTuple[][][] =>
  mp.coordinates.map((rings) => rings.map(ringToLatLngs));

/** Millimetres: far finer than any drawing, and keeps a rotated 6 × 4 m rectangle at 24,0 m². */
const mm = (v: number) => Math.round(v * 1000) / 1000;

/** A Leaflet ring (open, WGS84) as a closed, counter-clockwise-agnostic EPSG:3006 polygon. */
export function latLngsToPolygon(latlngs: { lat: number; lng: number }[]): Polygon {
  const ring: Position[] = latlngs.map(({ lat, lng }) => {
    const [e, n] = toSweref([lng, lat]);
    return [mm(e), mm(n)];
  });
  if (ring.length > 0) ring.push([ring[0]![0], ring[0]![1]]);
  return { type: 'Polygon', coordinates: [ring] };
}
