import { pointInRings, pointSegmentNearest, segmentNearest } from './segment';
import type { MultiPolygon, Polygon, Position } from './types';

export interface Nearest {
  /** Metres, planar EPSG:3006. */
  distanceM: number;
  /** Nearest point on the footprint. */
  from: Position;
  /** Nearest point on the other geometry. */
  to: Position;
}

export interface BoundaryNearest extends Nearest {
  /** The boundary segment [a, b] that holds `to`, for highlighting on the map. */
  segment: [Position, Position];
}

interface Best {
  d2: number;
  from: Position;
  to: Position;
  segment: [Position, Position];
}

type Box = [minE: number, minN: number, maxE: number, maxN: number];

function segBox(a: Position, b: Position): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
}

/** Squared gap between two boxes: a lower bound for the distance of anything inside them. */
function boxGap2(a: Box, b: Box): number {
  const dx = Math.max(0, a[0] - b[2], b[0] - a[2]);
  const dy = Math.max(0, a[1] - b[3], b[1] - a[3]);
  return dx * dx + dy * dy;
}

interface Edge {
  a: Position;
  b: Position;
  box: Box;
}

function edgesOf(paths: Position[][]): Edge[] {
  const edges: Edge[] = [];
  for (const path of paths) {
    if (path.length === 1) edges.push({ a: path[0]!, b: path[0]!, box: segBox(path[0]!, path[0]!) });
    for (let i = 0; i < path.length - 1; i++)
      edges.push({ a: path[i]!, b: path[i + 1]!, box: segBox(path[i]!, path[i + 1]!) });
  }
  return edges;
}

/** Updates `best` when footprint edge a–b comes nearer than it to target segment c–d. */
function considerPair(best: Best, a: Position, b: Position, c: Position, d: Position): void {
  const n = segmentNearest(a, b, c, d);
  if (n.d2 < best.d2) {
    best.d2 = n.d2;
    best.from = n.from;
    best.to = n.to;
    best.segment = [c, d];
  }
}

/**
 * Nearest points between the edges of the footprint rings and the target paths (rings or polylines), or
 * null when there are no targets. Exact 0 only where they touch or cross; containment is the callers' business.
 */
function nearestEdges(footprint: Position[][], targets: Position[][]): Best | null {
  const own = edgesOf(footprint);
  if (own.length === 0) return null;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const e of own) {
    box[0] = Math.min(box[0], e.box[0]);
    box[1] = Math.min(box[1], e.box[1]);
    box[2] = Math.max(box[2], e.box[2]);
    box[3] = Math.max(box[3], e.box[3]);
  }

  // Seed with the target vertex nearest to the footprint's box, so the box pruning below bites from the first
  // segment on instead of only after the loop has wandered near the footprint by chance.
  let seed: { path: Position[]; i: number } | null = null;
  let seedGap = Infinity;
  for (const path of targets) {
    for (let i = 0; i < path.length; i++) {
      const p = path[i]!;
      const dx = Math.max(0, box[0] - p[0], p[0] - box[2]);
      const dy = Math.max(0, box[1] - p[1], p[1] - box[3]);
      const g = dx * dx + dy * dy;
      if (g < seedGap) {
        seedGap = g;
        seed = { path, i };
      }
    }
  }
  if (!seed) return null;
  const v = seed.path[seed.i]!;
  const seedSegment: [Position, Position] =
    seed.i < seed.path.length - 1 ? [v, seed.path[seed.i + 1]!] : [seed.path[Math.max(0, seed.i - 1)]!, v];
  const best: Best = { d2: Infinity, from: v, to: v, segment: seedSegment };
  for (const e of own) {
    const n = pointSegmentNearest(v, e.a, e.b);
    if (n.d2 < best.d2) Object.assign(best, { d2: n.d2, from: n.at });
  }
  if (best.d2 === 0) return { ...best, from: v };

  for (const path of targets) {
    const n = path.length;
    for (let i = 0; i < (n === 1 ? 1 : n - 1); i++) {
      const c = path[i]!;
      const d = n === 1 ? c : path[i + 1]!;
      const sb = segBox(c, d);
      if (boxGap2(sb, box) >= best.d2) continue;
      for (const e of own) {
        if (boxGap2(sb, e.box) >= best.d2) continue;
        considerPair(best, e.a, e.b, c, d);
        if (best.d2 === 0) return best;
      }
    }
  }
  return best;
}

function touching(at: Position, segment: [Position, Position]): BoundaryNearest {
  return { distanceM: 0, from: at, to: at, segment };
}

function firstSegment(ring: Position[]): [Position, Position] {
  return [ring[0]!, ring[1] ?? ring[0]!];
}

function none(footprint: Polygon): BoundaryNearest {
  // Nothing to measure to: infinitely far, and a zero-length dimension line that draws nothing.
  const p = footprint.coordinates[0]?.[0] ?? ([NaN, NaN] as Position);
  return { distanceM: Infinity, from: p, to: p, segment: [p, p] };
}

/**
 * Shortest distance from a footprint to the boundary line of a property: every ring of every part, holes
 * included, since a building 2 m from a hole (someone else's enclave) is 2 m from the boundary. 0 exactly
 * when the footprint touches or crosses the line, or covers a whole ring of it.
 */
export function distanceToBoundary(footprint: Polygon, boundary: MultiPolygon): BoundaryNearest {
  const rings = boundary.coordinates.flat(1);
  const best = nearestEdges(footprint.coordinates, rings);
  if (!best) return none(footprint);
  if (best.d2 > 0) {
    // No edges meet, so a ring either lies wholly inside the footprint or wholly outside: one vertex tells.
    const covered = rings.find((r) => r.length > 0 && pointInRings(r[0]!, footprint.coordinates));
    if (covered) return touching(covered[0]!, firstSegment(covered));
  }
  return { distanceM: Math.sqrt(best.d2), from: best.from, to: best.to, segment: best.segment };
}

/** `none` without the boundary's segment: what distanceToArea and distanceToLines answer. */
function noneNearest(footprint: Polygon): Nearest {
  const { distanceM, from, to } = none(footprint);
  return { distanceM, from, to };
}

/**
 * Distance from a footprint to an area (neighbouring plot, street, water): 0 when they overlap or touch or one
 * lies inside the other, else the shortest edge-to-edge distance.
 */
export function distanceToArea(footprint: Polygon, area: MultiPolygon): Nearest {
  const best = nearestEdges(footprint.coordinates, area.coordinates.flat(1));
  if (!best) return noneNearest(footprint);
  if (best.d2 > 0) {
    // No edges meet, so one vertex of each decides containment (and no vertex lies on the other's edge).
    const v = footprint.coordinates[0]?.[0];
    if (v && area.coordinates.some((rings) => pointInRings(v, rings))) return { distanceM: 0, from: v, to: v };
    for (const rings of area.coordinates) {
      const w = rings[0]?.[0];
      if (w && pointInRings(w, footprint.coordinates)) return { distanceM: 0, from: w, to: w };
    }
  }
  return { distanceM: Math.sqrt(best.d2), from: best.from, to: best.to };
}

/** Distance from a footprint to polylines (railway centre lines); Infinity when there are none. */
export function distanceToLines(footprint: Polygon, lines: Position[][]): Nearest {
  const best = nearestEdges(footprint.coordinates, lines);
  if (!best) return noneNearest(footprint);
  if (best.d2 > 0) {
    // A line wholly inside the footprint (a short spur under a building) meets no edge but is at distance 0.
    const inside = lines.find((l) => l.length > 0 && pointInRings(l[0]!, footprint.coordinates));
    if (inside) return { distanceM: 0, from: inside[0]!, to: inside[0]! };
  }
  return { distanceM: Math.sqrt(best.d2), from: best.from, to: best.to };
}

/**
 * Shortest distance from a drawn line (a fence, a wall: open, not a ring) to the boundary line of a property, or
 * to any polylines: 0 when the line touches or crosses one. Infinity when either is empty.
 */
export function pathDistanceToLines(path: Position[], lines: Position[][]): number {
  const best = nearestEdges([path], lines);
  return best ? Math.sqrt(best.d2) : Infinity;
}

/** Shortest distance from a drawn line to an area (a house, a street): 0 when any of it lies on or inside the area. */
export function pathDistanceToArea(path: Position[], area: MultiPolygon): number {
  if (path.some((p) => area.coordinates.some((rings) => pointInRings(p, rings)))) return 0;
  return pathDistanceToLines(path, area.coordinates.flat(1));
}
