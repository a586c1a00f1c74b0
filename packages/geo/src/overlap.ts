import { bbox, type BBox } from './bbox';
import type { MultiPolygon, Polygon, Position } from './types';

// Intersection area without building the intersection polygon (no turf/intersect, no polygon repair):
//
//  • The footprint's indicator function is a signed sum of fan triangles (origin, vᵢ, vᵢ₊₁) over all its
//    rings, exactly as the shoelace formula is a signed sum of their areas. So area(F ∩ X) is the same signed
//    sum of area(Tᵢ ∩ X), and each Tᵢ is convex.
//  • Clipping any closed ring by a convex window (Sutherland–Hodgman) keeps its winding number inside the
//    window and zeroes it outside, even for concave rings whose output has zero-width spikes; so the signed
//    shoelace area of the clipped ring is the signed area of ring ∩ window.
//
// Clipping is numerically gentle: a vertex misjudged by δ against a window edge moves the area by about
// δ × edge length, where exact-on-the-edge input (shared boundaries) is classified exactly. The large area's
// rings are first cut down to the footprint's box, so a 2 000-vertex prickmark costs one cheap pass.

/** Flat [x0, y0, x1, y1, …] open ring in coordinates relative to the footprint's first vertex. */
type Flat = number[];

/** Below this (m²) the sum is rounding noise of edges that merely touch: a nanometre-square is no overlap. */
const NOISE_M2 = 1e-9;

function local(ring: Position[], o: Position): Flat {
  const out: Flat = [];
  // Rings are closed; the repeated last position would only add a zero-length edge.
  const n =
    ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]
      ? ring.length - 1
      : ring.length;
  for (let i = 0; i < n; i++) out.push(ring[i]![0] - o[0], ring[i]![1] - o[1]);
  return out;
}

function signedArea(f: Flat): number {
  let s = 0;
  for (let i = 0, n = f.length; i < n; i += 2) {
    const j = (i + 2) % n;
    s += f[i]! * f[j + 1]! - f[j]! * f[i + 1]!;
  }
  return s / 2;
}

/** Sutherland–Hodgman against the half-plane A·x + B·y + C ≥ 0 (points on the line count as inside). */
function clipHalfPlane(f: Flat, A: number, B: number, C: number): Flat {
  const out: Flat = [];
  const n = f.length;
  if (n === 0) return out;
  let px = f[n - 2]!;
  let py = f[n - 1]!;
  let ps = A * px + B * py + C;
  for (let i = 0; i < n; i += 2) {
    const x = f[i]!;
    const y = f[i + 1]!;
    const s = A * x + B * y + C;
    if (s >= 0) {
      if (ps < 0) {
        const t = ps / (ps - s);
        out.push(px + t * (x - px), py + t * (y - py));
      }
      out.push(x, y);
    } else if (ps > 0) {
      // Leaving from strictly inside; leaving from the line itself adds no new point.
      const t = ps / (ps - s);
      out.push(px + t * (x - px), py + t * (y - py));
    }
    px = x;
    py = y;
    ps = s;
  }
  return out;
}

function clipToBox(f: Flat, [minX, minY, maxX, maxY]: BBox): Flat {
  let r = clipHalfPlane(f, 1, 0, -minX);
  r = clipHalfPlane(r, -1, 0, maxX);
  r = clipHalfPlane(r, 0, 1, -minY);
  return clipHalfPlane(r, 0, -1, maxY);
}

interface Window {
  /** Counter-clockwise triangle, flat. */
  tri: [number, number, number, number, number, number];
  box: BBox;
  /** ±1: how this triangle counts towards the footprint (fan sign × ring role × ring orientation). */
  weight: number;
}

function fanWindows(footprint: Polygon, o: Position): Window[] {
  const windows: Window[] = [];
  footprint.coordinates.forEach((ring, k) => {
    const f = local(ring, o);
    const orientation = Math.sign(signedArea(f));
    if (orientation === 0) return;
    const role = k === 0 ? 1 : -1;
    for (let i = 0, n = f.length; i < n; i += 2) {
      const j = (i + 2) % n;
      const [x1, y1, x2, y2] = [f[i]!, f[i + 1]!, f[j]!, f[j + 1]!];
      const cross = x1 * y2 - x2 * y1;
      if (cross === 0) continue;
      const tri: Window['tri'] = cross > 0 ? [0, 0, x1, y1, x2, y2] : [0, 0, x2, y2, x1, y1];
      windows.push({
        tri,
        box: [Math.min(0, x1, x2), Math.min(0, y1, y2), Math.max(0, x1, x2), Math.max(0, y1, y2)],
        weight: Math.sign(cross) * role * orientation,
      });
    }
  });
  return windows;
}

function clipToTriangle(f: Flat, t: Window['tri']): Flat {
  let r = f;
  for (let i = 0; i < 6 && r.length > 0; i += 2) {
    const [ax, ay, bx, by] = [t[i]!, t[i + 1]!, t[(i + 2) % 6]!, t[(i + 3) % 6]!];
    // Left of a→b: the inside of a counter-clockwise triangle.
    r = clipHalfPlane(r, -(by - ay), bx - ax, (by - ay) * ax - (bx - ax) * ay);
  }
  return r;
}

function boxesOverlap(a: BBox, b: BBox): boolean {
  // Boxes that only touch share no area either.
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function flatBox(f: Flat): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < f.length; i += 2) {
    box[0] = Math.min(box[0], f[i]!);
    box[1] = Math.min(box[1], f[i + 1]!);
    box[2] = Math.max(box[2], f[i]!);
    box[3] = Math.max(box[3], f[i + 1]!);
  }
  return box;
}

/**
 * Area in m² of footprint ∩ area (how much of a building stands on prickmark, korsmark, a heritage zone).
 * The parts of the multipolygon are assumed not to overlap each other, as in any valid MultiPolygon.
 */
export function overlapArea(footprint: Polygon, area: MultiPolygon): number {
  const o = footprint.coordinates[0]?.[0];
  if (!o || area.coordinates.length === 0) return 0;
  const fb = bbox(footprint);
  if (!boxesOverlap(fb, bbox(area))) return 0;
  const localBox: BBox = [fb[0] - o[0], fb[1] - o[1], fb[2] - o[0], fb[3] - o[1]];
  const windows = fanWindows(footprint, o);

  let sum = 0;
  for (const part of area.coordinates) {
    const outer = part[0];
    if (!outer || !boxesOverlap(fb, bbox({ type: 'Polygon', coordinates: [outer] }))) continue;
    part.forEach((ring, k) => {
      const f = local(ring, o);
      const orientation = Math.sign(signedArea(f));
      if (orientation === 0) return;
      const cut = clipToBox(f, localBox);
      if (cut.length < 6) return;
      const cutBox = flatBox(cut);
      const role = k === 0 ? 1 : -1;
      for (const w of windows) {
        if (!boxesOverlap(w.box, cutBox)) continue;
        const piece = clipToTriangle(cut, w.tri);
        if (piece.length >= 6) sum += w.weight * role * orientation * signedArea(piece);
      }
    });
  }
  return sum < NOISE_M2 ? 0 : sum;
}
