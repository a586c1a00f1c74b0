import { ruleSets, type Evaluation, type Footprint } from '@lovisa/domain';
import {
  distanceToBoundary,
  overlapArea,
  polygonArea,
  polygonProblems,
  polygonWithin,
  type BoundaryNearest,
  type Polygon,
} from '@lovisa/geo';
import { describeSegment, type BoundarySide, type MapSite } from './mapSite';
import { rectangleShape, type RectangleShape } from './shape';

// What the map tells the applicant while they draw: each building measured, and coded warnings that the
// dictionaries turn into "what is wrong and what to do". Geometry comes from packages/geo; whether a warning
// matters for the verdict (consent, plan, allowance) is read from the rules engine's evaluation, never
// decided here.

/** Drawings are read at centimetre precision, as the rules engine reads them. */
const cm = (v: number) => Math.round(v * 100) / 100;
/** Overlaps smaller than this (m²) are the rounding of edges that only touch. */
const OVERLAP_NOISE_M2 = 0.01;

export interface BuildingFacts {
  id: string;
  /** 1-based: "Byggnad 1". */
  number: number;
  geometry: Polygon;
  areaM2: number;
  /** The shape as width × depth × rotation, when it is a rectangle. */
  rectangle: RectangleShape | null;
  /** Can be measured at all: enough corners, closed, no crossing edges. */
  usable: boolean;
  selfIntersecting: boolean;
  within: boolean;
  /** Nearest points building → boundary line and the boundary segment they lie on (null when unusable). */
  nearest: BoundaryNearest | null;
  /** Which boundary that is, named. */
  boundary: BoundarySide | null;
}

export function buildingFacts(
  footprints: Footprint[],
  site: Pick<MapSite, 'boundary' | 'neighbours' | 'streets'>,
): BuildingFacts[] {
  return footprints.map((f, i) => {
    const problems = polygonProblems(f.geometry);
    const usable = problems.length === 0;
    const nearest = usable ? distanceToBoundary(f.geometry, site.boundary) : null;
    const measurable = nearest !== null && Number.isFinite(nearest.distanceM);
    return {
      id: f.id,
      number: i + 1,
      geometry: f.geometry,
      areaM2: polygonArea(f.geometry),
      rectangle: rectangleShape(f.geometry),
      usable,
      selfIntersecting: problems.includes('selfIntersecting'),
      within: usable && polygonWithin(f.geometry, site.boundary),
      nearest: measurable ? { ...nearest, distanceM: cm(nearest.distanceM) } : null,
      boundary: measurable ? describeSegment(nearest.segment, site) : null,
    };
  });
}

export type DrawingWarning =
  | { code: 'invalidShape'; building: number }
  | { code: 'selfIntersecting'; building: number }
  | { code: 'outside'; building: number }
  | { code: 'prickmark'; building: number; areaM2: number }
  | { code: 'korsmark'; building: number; areaM2: number }
  | { code: 'overlapsExisting'; building: number; areaM2: number }
  | { code: 'overlapsDrawn'; building: number; other: number }
  | {
      code: 'neighbourConsent';
      building: number;
      distanceM: number;
      limitM: number;
      boundary: BoundarySide | null;
      neighbours: string[];
    }
  | { code: 'planBoundaryDistance'; building: number; distanceM: number; limitM: number; boundary: BoundarySide | null }
  | { code: 'allowanceExceeded'; finding: { sv: string; en: string } }
  | { code: 'buildingAreaExceeded'; usedM2: number; limitM2: number };

const asMulti = (p: Polygon) => ({ type: 'MultiPolygon' as const, coordinates: [p.coordinates] });

/**
 * Every warning about the drawing, building by building in order, then those about the whole plot.
 * `evaluation` is the rules engine's verdict on the same footprints (null while the site loads).
 */
export function drawingWarnings(
  footprints: Footprint[],
  site: MapSite,
  evaluation: Evaluation | null,
): DrawingWarning[] {
  // The distance to the boundary that needs the neighbours' consent (PBL 9 kap. 4 a §) is the rule set's.
  const limitM = ruleSets.find((r) => r.id === evaluation?.ruleSetId)?.boundaryDistanceM ?? Infinity;
  const facts = buildingFacts(footprints, site);
  const warnings: DrawingWarning[] = [];
  const assessment = evaluation?.assessment ?? null;
  const compliance = evaluation?.compliance ?? null;
  const failed = (code: string) => compliance?.rules.some((r) => r.code === code && !r.pass) ?? false;
  const exempt = assessment !== null && assessment.outcome !== 'permit';

  for (const b of facts) {
    const n = b.number;
    if (!b.usable) {
      warnings.push(
        b.selfIntersecting ? { code: 'selfIntersecting', building: n } : { code: 'invalidShape', building: n },
      );
      continue;
    }
    if (!b.within) warnings.push({ code: 'outside', building: n });
    if (site.prickmark) {
      const a = cm(overlapArea(b.geometry, site.prickmark));
      if (a >= OVERLAP_NOISE_M2) warnings.push({ code: 'prickmark', building: n, areaM2: a });
    }
    if (site.korsmark && failed('PLAN_KORSMARK')) {
      const a = cm(overlapArea(b.geometry, site.korsmark));
      if (a >= OVERLAP_NOISE_M2) warnings.push({ code: 'korsmark', building: n, areaM2: a });
    }
    const onExisting = cm(site.buildings.reduce((s, existing) => s + overlapArea(b.geometry, asMulti(existing)), 0));
    if (onExisting >= OVERLAP_NOISE_M2) warnings.push({ code: 'overlapsExisting', building: n, areaM2: onExisting });
    for (const other of facts) {
      if (other.number >= n || !other.usable) continue;
      if (overlapArea(b.geometry, asMulti(other.geometry)) >= OVERLAP_NOISE_M2)
        warnings.push({ code: 'overlapsDrawn', building: n, other: other.number });
    }
    const d = b.nearest?.distanceM;
    if (d !== undefined && b.within && Number.isFinite(limitM) && d < limitM) {
      if (exempt) {
        // The owners to ask: those the rules engine names for this building (for all, if it could name none).
        const named = assessment!.consentFrom;
        const mine = named.filter((c) => c.footprints.includes(b.number - 1));
        const neighbours = (mine.length > 0 ? mine : named).map((c) => c.designation);
        warnings.push({
          code: 'neighbourConsent',
          building: n,
          distanceM: d,
          limitM,
          boundary: b.boundary,
          neighbours,
        });
      } else if (failed('PLAN_BOUNDARY_DISTANCE')) {
        const rule = compliance!.rules.find((r) => r.code === 'PLAN_BOUNDARY_DISTANCE')!;
        warnings.push({
          code: 'planBoundaryDistance',
          building: n,
          distanceM: d,
          limitM: Number(rule.limit),
          boundary: b.boundary,
        });
      }
    }
  }

  if (assessment?.outcome === 'permit') {
    const over = assessment.reasons.find((r) => r.code === 'ALLOWANCE_EXCEEDED');
    if (over) warnings.push({ code: 'allowanceExceeded', finding: over.text });
  }
  const area = compliance?.rules.find((r) => r.code === 'PLAN_BUILDING_AREA');
  if (area && !area.pass)
    warnings.push({ code: 'buildingAreaExceeded', usedM2: Number(area.value), limitM2: Number(area.limit) });
  return warnings;
}
