import { polygonProblems, SWEDEN_EXTENT, type MultiPolygon, type Polygon, type Position } from '@lovisa/geo';
import { issue, type ImportIssue } from './issues';

export interface InputFeature {
  /** 1-based position in the file, for errors. */
  index: number;
  properties: Record<string, unknown>;
  geometry: unknown;
}

/** The names GeoJSON exports give SWEREF 99 TM (GDAL writes the URN, others the short form). */
const SWEREF_NAMES =
  /^(urn:ogc:def:crs:EPSG:[\d.]*:3006|EPSG:3006|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/3006)$/i;

/**
 * Reads a GeoJSON FeatureCollection. A `crs` member (GeoJSON 2008, as GDAL and Lantmäteriet's downloads write it)
 * must name EPSG:3006; without one the coordinates are still checked to lie in Sweden in SWEREF 99 TM.
 */
export function readFeatureCollection(text: string, file: string): { features: InputFeature[]; issues: ImportIssue[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { features: [], issues: [issue(file, null, null, 'file.notJson', { reason: (err as Error).message })] };
  }
  const fc = doc as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (typeof doc !== 'object' || doc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    return { features: [], issues: [issue(file, null, null, 'file.notFeatureCollection')] };
  const crsName = fc.crs?.properties?.name;
  if (crsName !== undefined && !(typeof crsName === 'string' && SWEREF_NAMES.test(crsName)))
    return { features: [], issues: [issue(file, null, 'crs', 'crs.unsupported', { value: String(crsName) })] };
  if (fc.features.length === 0) return { features: [], issues: [issue(file, null, null, 'file.empty')] };
  const features = (fc.features as { properties?: unknown; geometry?: unknown }[]).map((f, i) => ({
    index: i + 1,
    properties:
      typeof f?.properties === 'object' && f.properties !== null ? (f.properties as Record<string, unknown>) : {},
    geometry: f?.geometry ?? null,
  }));
  return { features, issues: [] };
}

const signedArea = (ring: Position[]) => {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s / 2;
};
/** Outer rings counter-clockwise, holes clockwise, as the fixtures (and RFC 7946) have them. */
const orient = (rings: Position[][]): Position[][] =>
  rings.map((r, i) => (signedArea(r) > 0 === (i === 0) ? r : [...r].reverse()));

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const isRings = (r: unknown): r is Position[][] =>
  Array.isArray(r) && r.every((ring) => Array.isArray(ring) && ring.every(isPosition));

/**
 * A feature's Polygon or MultiPolygon as a checked MultiPolygon in EPSG:3006, or the problems. Positions beyond x, y
 * (a height) are dropped. A real boundary may have thousands of vertices, so the footprint limit does not apply.
 */
export function toMultiPolygon(
  geometry: unknown,
  file: string,
  row: number,
): { value: MultiPolygon | null; issues: ImportIssue[] } {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object')
    return {
      value: null,
      issues: [issue(file, row, 'geometry', 'field.missing', { field: { sv: 'geometrin', en: 'the geometry' } })],
    };
  const polys: unknown[] =
    g.type === 'Polygon'
      ? [g.coordinates]
      : g.type === 'MultiPolygon' && Array.isArray(g.coordinates)
        ? g.coordinates
        : [];
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
    return { value: null, issues: [issue(file, row, 'geometry', 'geometry.type', { value: String(g.type) })] };
  const issues: ImportIssue[] = [];
  const out: Position[][][] = [];
  for (const rings of polys) {
    if (!isRings(rings) || rings.length === 0) {
      issues.push(issue(file, row, 'geometry', 'geometry.invalid', { reason: 'coordinates' }));
      continue;
    }
    const flat = rings.map((r) => r.map(([e, n]) => [e, n] as Position));
    const outside = flat
      .flat()
      .find(
        ([e, n]) =>
          e < SWEDEN_EXTENT.minE || e > SWEDEN_EXTENT.maxE || n < SWEDEN_EXTENT.minN || n > SWEDEN_EXTENT.maxN,
      );
    if (outside) {
      issues.push(issue(file, row, 'geometry', 'coordinates.notSweref', { e: outside[0], n: outside[1] }));
      continue;
    }
    const polygon: Polygon = { type: 'Polygon', coordinates: orient(flat) };
    const problems = polygonProblems(polygon).filter((p) => p !== 'tooManyVertices');
    if (problems.length) issues.push(issue(file, row, 'geometry', 'geometry.invalid', { reason: problems.join(', ') }));
    else out.push(polygon.coordinates);
  }
  return { value: issues.length ? null : { type: 'MultiPolygon', coordinates: out }, issues };
}

/** A feature's attributes under their documented names: each key takes the first of its aliases that has a value. */
export function pickAliases(
  props: Record<string, unknown>,
  aliases: Readonly<Record<string, readonly string[]>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(aliases).map(([key, names]) => {
      const name = names.find((n) => props[n] !== undefined && props[n] !== null && props[n] !== '');
      return [key, name === undefined ? undefined : props[name]];
    }),
  );
}
