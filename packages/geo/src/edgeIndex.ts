import type { Position } from './types';

// A property or plan area keeps its shape while the applicant drags a building across it: checking the
// building against every one of its 2 000 edges, on every drag step, was most of the check's time. So a large
// polygon's edges are bucketed once into horizontal strips (by northing), and a check looks only at the edges
// in the strips its own box spans. The index is a filter, never a judge: it hands back every edge whose
// northing range meets the query's, and the exact predicates decide as before. Kept per rings array in a
// WeakMap: register geometry is never changed in place, and an index goes when its polygon does.

/** Below this many edges a plain loop is as quick as the index. */
const MIN_EDGES = 64;
/** At most this many strip entries per edge on average: long north–south edges sit in many strips. */
const MAX_ENTRIES_PER_EDGE = 16;

export interface EdgeIndex {
  /** [minE, minN, maxE, maxN] of every ring. */
  box: [number, number, number, number];
  /** Ring of each edge; the edge runs from vertex `vertexOf[id]` to the next one of that ring. */
  ringOf: Int32Array;
  vertexOf: Int32Array;
  strips: number;
  stripHeight: number;
  /** Edges of strip s are `entries[offsets[s] … offsets[s + 1])`, ascending. */
  offsets: Int32Array;
  entries: Int32Array;
  /** For visiting each edge once per query though it sits in several strips. */
  seen: Int32Array;
  stamp: number;
}

const cache = new WeakMap<Position[][], EdgeIndex | null>();

function stripOf(index: EdgeIndex, n: number): number {
  const s = Math.floor((n - index.box[1]) / index.stripHeight);
  return s < 0 ? 0 : s >= index.strips ? index.strips - 1 : s;
}

function build(rings: Position[][]): EdgeIndex | null {
  let count = 0;
  for (const r of rings) {
    if (r.length === 0) continue;
    // An open ring's closing edge is implied; the plain loops handle that, and registers send closed rings.
    const first = r[0]!;
    const last = r[r.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) return null;
    count += r.length - 1;
  }
  if (count < MIN_EDGES) return null;
  const box: EdgeIndex['box'] = [Infinity, Infinity, -Infinity, -Infinity];
  const ringOf = new Int32Array(count);
  const vertexOf = new Int32Array(count);
  const lowN = new Float64Array(count);
  const highN = new Float64Array(count);
  let id = 0;
  rings.forEach((r, k) => {
    for (let j = 0; j < r.length - 1; j++, id++) {
      const a = r[j]!;
      const b = r[j + 1]!;
      ringOf[id] = k;
      vertexOf[id] = j;
      lowN[id] = Math.min(a[1], b[1]);
      highN[id] = Math.max(a[1], b[1]);
      box[0] = Math.min(box[0], a[0], b[0]);
      box[1] = Math.min(box[1], a[1], b[1]);
      box[2] = Math.max(box[2], a[0], b[0]);
      box[3] = Math.max(box[3], a[1], b[1]);
    }
  });
  if (!(box[3] > box[1]) || !Number.isFinite(box[3] - box[1])) return null;
  let strips = Math.max(1, Math.ceil(count / 4));
  for (;;) {
    const index: EdgeIndex = {
      box,
      ringOf,
      vertexOf,
      strips,
      stripHeight: (box[3] - box[1]) / strips,
      offsets: new Int32Array(strips + 1),
      entries: new Int32Array(0),
      seen: new Int32Array(count),
      stamp: 0,
    };
    let total = 0;
    for (let e = 0; e < count; e++) total += stripOf(index, highN[e]!) - stripOf(index, lowN[e]!) + 1;
    if (total > MAX_ENTRIES_PER_EDGE * count && strips > 1) {
      strips = Math.max(1, Math.floor(strips / 2));
      continue;
    }
    for (let e = 0; e < count; e++)
      for (let s = stripOf(index, lowN[e]!); s <= stripOf(index, highN[e]!); s++) index.offsets[s + 1]!++;
    for (let s = 0; s < strips; s++) index.offsets[s + 1]! += index.offsets[s]!;
    const fill = index.offsets.slice(0, strips);
    index.entries = new Int32Array(total);
    for (let e = 0; e < count; e++)
      for (let s = stripOf(index, lowN[e]!); s <= stripOf(index, highN[e]!); s++) index.entries[fill[s]!++] = e;
    return index;
  }
}

/** The index of a polygon's rings, built on first use; null when the polygon is small enough to loop over. */
export function edgeIndex(rings: Position[][]): EdgeIndex | null {
  let index = cache.get(rings);
  if (index === undefined) {
    index = build(rings);
    cache.set(rings, index);
  }
  return index;
}

/**
 * Ids of the edges whose northing range meets [minN, maxN], each once, ascending (rings in order, then their
 * edges in order, as a plain loop would meet them).
 */
export function edgesNear(index: EdgeIndex, minN: number, maxN: number): number[] {
  if (maxN < index.box[1] || minN > index.box[3]) return [];
  const stamp = ++index.stamp;
  const found: number[] = [];
  for (let s = stripOf(index, minN), last = stripOf(index, maxN); s <= last; s++) {
    for (let i = index.offsets[s]!; i < index.offsets[s + 1]!; i++) {
      const e = index.entries[i]!;
      if (index.seen[e] === stamp) continue;
      index.seen[e] = stamp;
      found.push(e);
    }
  }
  return found.sort((x, y) => x - y);
}

/** Even–odd point in rings, looking only at the edges of the point's own strip. */
export function pointInIndexedRings(p: Position, rings: Position[][], index: EdgeIndex): boolean {
  if (p[1] < index.box[1] || p[1] > index.box[3]) return false;
  const s = stripOf(index, p[1]);
  let inside = false;
  for (let i = index.offsets[s]!; i < index.offsets[s + 1]!; i++) {
    const e = index.entries[i]!;
    const ring = rings[index.ringOf[e]!]!;
    // The same operands in the same order as segment.ts's pointInRings: identical answers to the last bit.
    const [xi, yi] = ring[index.vertexOf[e]! + 1]!;
    const [xj, yj] = ring[index.vertexOf[e]!]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
