import {
  distanceToArea,
  distanceToBoundary,
  distanceToLines,
  type MultiPolygon,
  type Polygon,
  type Position,
} from '@lovisa/geo';
import { dimensionLineFor } from './dimensionLine';
import { distanceText } from './format';

/** One measured distance on the plan, in SWEREF 99 TM metres. */
export interface SiteDistance {
  kind: 'boundary' | 'street' | 'house';
  from: Position;
  to: Position;
  metres: number;
  label: string;
}

/** Farther than this, a street or a house is not measured: it is off the sheet or irrelevant to the building. */
const MAX_MEASURED_M = 40;
/** At most this many boundary distances per building: one per side of a rectangle, and a few for odd plots. */
const MAX_BOUNDARY_DIMENSIONS = 6;

const same = (a: Position, b: Position) => Math.hypot(a[0] - b[0], a[1] - b[1]) < 0.05;

/**
 * The distances a situationsplan must show (issue #18, item 8): from each planned building to every side of the
 * plot it faces, not only the nearest; to the nearest street (its centre line, as the basemap has it, named); and
 * to the main house. A side is "faced" when the shortest line to it meets it between its ends: the corners of the
 * plot are measured through the sides that meet there.
 */
export function siteDistances(
  planned: Polygon,
  boundary: MultiPolygon,
  streets: { name: string; line: Position[] }[],
  mainHouse: Polygon | null,
): SiteDistance[] {
  const out: SiteDistance[] = [];
  const nearest = distanceToBoundary(planned, boundary);
  if (Number.isFinite(nearest.distanceM)) {
    const line = dimensionLineFor(planned, nearest);
    out.push({ kind: 'boundary', ...line, metres: nearest.distanceM, label: distanceText(nearest.distanceM) });
  }
  const sides: SiteDistance[] = [];
  for (const ring of boundary.coordinates.map((p) => p[0] ?? [])) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const n = distanceToLines(planned, [[a, b]]);
      if (!Number.isFinite(n.distanceM) || n.distanceM <= 0) continue;
      if (same(n.to, a) || same(n.to, b)) continue;
      sides.push({ kind: 'boundary', from: n.from, to: n.to, metres: n.distanceM, label: distanceText(n.distanceM) });
    }
  }
  sides.sort((x, y) => x.metres - y.metres);
  for (const s of sides) {
    if (out.filter((d) => d.kind === 'boundary').length >= MAX_BOUNDARY_DIMENSIONS) break;
    // The nearest side is already drawn (slid to the middle of the wall); a second line to it would repeat it.
    if (out.some((d) => Math.abs(d.metres - s.metres) < 0.05 && (same(d.to, s.to) || onSameSide(d, s)))) continue;
    out.push(s);
  }
  let street: SiteDistance | null = null;
  for (const s of streets) {
    const n = distanceToLines(planned, [s.line]);
    if (n.distanceM <= MAX_MEASURED_M && (!street || n.distanceM < street.metres))
      street = {
        kind: 'street',
        from: n.from,
        to: n.to,
        metres: n.distanceM,
        label: `${distanceText(n.distanceM)} till ${s.name} (mitt)`,
      };
  }
  if (street) out.push(street);
  if (mainHouse) {
    const n = distanceToArea(planned, { type: 'MultiPolygon', coordinates: [mainHouse.coordinates] });
    if (n.distanceM > 0 && n.distanceM <= MAX_MEASURED_M)
      out.push({
        kind: 'house',
        from: n.from,
        to: n.to,
        metres: n.distanceM,
        label: `${distanceText(n.distanceM)} till bostadshuset`,
      });
  }
  return out;
}

/** Two distances of the same length in the same direction measure the same side. */
function onSameSide(a: SiteDistance, b: SiteDistance): boolean {
  const ua = [a.to[0] - a.from[0], a.to[1] - a.from[1]];
  const ub = [b.to[0] - b.from[0], b.to[1] - b.from[1]];
  const la = Math.hypot(ua[0]!, ua[1]!);
  const lb = Math.hypot(ub[0]!, ub[1]!);
  return la > 0 && lb > 0 && (ua[0]! * ub[0]! + ua[1]! * ub[1]!) / (la * lb) > 0.999;
}
