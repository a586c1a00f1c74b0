import type { DetailedPlan, Property, Surroundings } from '@lovisa/domain';
import { bbox, pointInRings, type MultiPolygon, type Polygon, type Position } from '@lovisa/geo';

// What the drawing map measures against, in EPSG:3006, and how the applicant's boundaries are named
// ("gränsen mot Eken 1:22", "gränsen mot Ekvägen", "norra gränsen"). Pure: no Leaflet, no projection.

export type Compass = 'north' | 'east' | 'south' | 'west';

/** One side of the property: which way it faces and what lies beyond it, when the map knows. */
export interface BoundarySide {
  side: Compass;
  kind: 'neighbour' | 'street' | 'none';
  /** The neighbour's designation or the street's name; null when nothing named lies beyond. */
  name: string | null;
}

export interface MapSite {
  boundary: MultiPolygon;
  neighbours: { id: string; designation: string; boundary: MultiPolygon }[];
  streets: { name: string; line: Position[] }[];
  prickmark: MultiPolygon | null;
  korsmark: MultiPolygon | null;
  /** Existing buildings on this property (not the neighbours'). */
  buildings: Polygon[];
}

/** The map's view of a property, its plan and (once loaded) its surroundings. */
export function mapSiteFrom(
  property: Pick<Property, 'id' | 'boundary'>,
  plans: DetailedPlan[],
  surroundings?: Surroundings | null,
): MapSite {
  const plan = plans[0] ?? null;
  const streets: MapSite['streets'] = [];
  const buildings: Polygon[] = [];
  for (const f of surroundings?.features ?? []) {
    const p = f.properties;
    if (p.kind === 'street' && f.geometry.type === 'LineString')
      streets.push({ name: p.name, line: f.geometry.coordinates as Position[] });
    if (p.kind === 'building' && p.propertyId === property.id && f.geometry.type === 'Polygon')
      buildings.push(f.geometry as Polygon);
  }
  return {
    boundary: property.boundary,
    neighbours: (surroundings?.neighbours ?? []).map((n) => ({
      id: n.id,
      designation: n.designation,
      boundary: n.boundary,
    })),
    streets,
    prickmark: plan?.prickmark ?? null,
    korsmark: plan?.korsmark ?? null,
    buildings,
  };
}

export const pointInMulti = (p: Position, mp: MultiPolygon): boolean =>
  mp.coordinates.some((rings) => pointInRings(p, rings));

export function pointSegmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function distanceToLine(p: Position, line: Position[]): number {
  let best = Infinity;
  for (let i = 0; i < line.length - 1; i++) best = Math.min(best, pointSegmentDistance(p, line[i]!, line[i + 1]!));
  return best;
}

/** The unit normal of a boundary segment that points out of the property. */
function outward(segment: [Position, Position], boundary: MultiPolygon): Position {
  const [a, b] = segment;
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const n: Position = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
  const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const probe: Position = [mid[0] + n[0] * 0.05, mid[1] + n[1] * 0.05];
  return pointInMulti(probe, boundary) ? [-n[0], -n[1]] : n;
}

export function compassOf([e, n]: Position): Compass {
  if (Math.abs(e) > Math.abs(n)) return e > 0 ? 'east' : 'west';
  return n > 0 ? 'north' : 'south';
}

/** Streets further than this from the boundary are not what the boundary faces. */
const STREET_REACH_M = 15;

/** Which way a boundary segment faces and what lies beyond it: a neighbouring property, a street, or nothing named. */
export function describeSegment(
  segment: [Position, Position],
  site: Pick<MapSite, 'boundary' | 'neighbours' | 'streets'>,
): BoundarySide {
  const [a, b] = segment;
  const n = outward(segment, site.boundary);
  const side = compassOf(n);
  const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const probe: Position = [mid[0] + n[0] * 0.5, mid[1] + n[1] * 0.5];
  const neighbour = site.neighbours.find((nb) => pointInMulti(probe, nb.boundary));
  if (neighbour) return { side, kind: 'neighbour', name: neighbour.designation };
  let street: { name: string; d: number } | null = null;
  for (const s of site.streets) {
    const d = distanceToLine(probe, s.line);
    // Only a street on the outer side: nearer from the probe than from the boundary itself.
    if (d <= STREET_REACH_M && d < distanceToLine(mid, s.line) && (!street || d < street.d))
      street = { name: s.name, d };
  }
  if (street) return { side, kind: 'street', name: street.name };
  return { side, kind: 'none', name: null };
}

/** Every edge of every outer ring of the property. */
function boundarySegments(boundary: MultiPolygon): [Position, Position][] {
  const out: [Position, Position][] = [];
  for (const rings of boundary.coordinates) {
    const ring = rings[0] ?? [];
    for (let i = 0; i < ring.length - 1; i++) {
      if (ring[i]![0] !== ring[i + 1]![0] || ring[i]![1] !== ring[i + 1]![1]) out.push([ring[i]!, ring[i + 1]!]);
    }
  }
  return out;
}

/**
 * The property's south and west sides (the longest edge facing each way) and its south-west corner (the
 * corner of its bounding box): what the accessible placement form measures from.
 */
export function propertySides(site: Pick<MapSite, 'boundary' | 'neighbours' | 'streets'>): {
  corner: Position;
  south: BoundarySide;
  west: BoundarySide;
} {
  const [minE, minN] = bbox(site.boundary);
  const longest = (side: Compass): BoundarySide => {
    let best: { s: [Position, Position]; len: number } | null = null;
    for (const s of boundarySegments(site.boundary)) {
      if (compassOf(outward(s, site.boundary)) !== side) continue;
      const len = Math.hypot(s[1][0] - s[0][0], s[1][1] - s[0][1]);
      if (!best || len > best.len) best = { s, len };
    }
    return best ? describeSegment(best.s, site) : { side, kind: 'none', name: null };
  };
  return { corner: [minE, minN], south: longest('south'), west: longest('west') };
}
