import L from 'leaflet';
import { SWEREF_TILE_MATRIX, swerefResolution, swerefZoom } from '@lovisa/geo';
import { toSweref, toWgs84 } from '@lovisa/geo/projection';

// Plots are measured in SWEREF 99 TM, so the maps are drawn in it: on a Web-Mercator map a plot near Kjellstavik
// is turned ≈ 1,9° (the meridian convergence), and a rectangle drawn straight on screen was stored askew.
// Leaflet still speaks WGS84 lat/lng to layers and to Geoman; this CRS projects them with proj4 (the same
// converter coords.ts stores with), so a pixel row on screen is a line of constant northing. Written here rather
// than taken from Proj4Leaflet: it is these few lines, and that plugin's last release predates Leaflet 1.9.

const [minE, minN, maxE, maxN] = SWEREF_TILE_MATRIX.extent;
const [originE, originN] = SWEREF_TILE_MATRIX.origin;

const projection: L.Projection = {
  project(latlng: L.LatLng) {
    const [e, n] = toSweref([latlng.lng, latlng.lat]);
    return L.point(e, n);
  },
  unproject(point: L.Point) {
    const [lng, lat] = toWgs84([point.x, point.y]);
    return L.latLng(lat, lng);
  },
  bounds: L.bounds([minE, minN], [maxE, maxN]),
};

/**
 * EPSG:3006 for Leaflet, zooming in Lantmäteriet's topowebb tile matrix (level z: 4 096 / 2^z m per pixel), so
 * a WMTS background in that matrix can be laid under it by configuration. Grid north is up.
 */
// L.CRS is the object every Leaflet CRS copies its methods from (the typings know it only as a class).
export const sweref99tm: L.CRS = L.Util.extend({}, L.CRS as unknown as L.CRS, {
  code: 'EPSG:3006',
  projection,
  // Pixels from the matrix's top-left corner: x east, y south.
  transformation: new L.Transformation(1, -originE, -1, originN),
  scale: (zoom: number) => 1 / swerefResolution(zoom),
  zoom: (scale: number) => swerefZoom(1 / scale),
  // Grid metres, as every measurement in Lovisa (the scale bar agrees with the drawing's dimensions).
  distance(a: L.LatLngExpression, b: L.LatLngExpression) {
    const p = projection.project(L.latLng(a));
    const q = projection.project(L.latLng(b));
    return Math.hypot(p.x - q.x, p.y - q.y);
  },
  // A national grid has no date line to wrap around.
  wrapLng: undefined,
  wrapLat: undefined,
  infinite: false,
});

/** The deepest zoom of the maps: 1,6 cm per pixel, enough to place a corner by hand. */
export const MAX_ZOOM = 18;
