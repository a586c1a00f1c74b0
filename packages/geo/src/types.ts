/** A position in SWEREF 99 TM (EPSG:3006): [easting, northing] in metres. GeoJSON order: x first. */
export type Position = [number, number];
export type Ring = Position[];
export interface Polygon {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
/** WGS84 longitude/latitude, as Leaflet needs them at the edges (Leaflet itself takes [lat, lng]). */
export type LonLat = [number, number];
