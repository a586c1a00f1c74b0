import {
  distanceToArea,
  distanceToBoundary,
  distanceToLines,
  overlapArea,
  polygonArea,
  type Position,
} from '@lovisa/geo';
import { finding, type Finding } from './findings';
import type { ExemptionTier, RuleSet, Setting } from './ruleSet';
import { asMulti, isDwelling, type PlannedMeasure, type Site } from './site';

export type PermitOutcome = 'none' | 'notification' | 'permit';

export interface PermitAssessment {
  ruleSetId: string;
  outcome: PermitOutcome;
  /** Why: the summary first, then what decided it. */
  reasons: Finding[];
  /** What must hold or be obtained for the outcome to stand (neighbour consent, shoreline dispensation, …). */
  conditions: Finding[];
  /** Where the site lies and which plan applies. */
  context: Finding[];
  /** Part of the verdict rests on a value the sources leave uncertain: "bekräfta med kommunen". */
  confirmWithMunicipality: boolean;
  /**
   * Neighbouring properties whose owners must all consent (the 4.5 m rule), when the outcome is an exemption, each
   * with the buildings (indexes into the footprints) that come closer to it than the rule set allows.
   */
  consentFrom: { id: string; designation: string; footprints: number[] }[];
  /** The exemption each building falls under, in footprint order; null where a permit is needed. */
  tiers: (ExemptionTier['id'] | null)[];
  figures: {
    buildingAreaM2: number;
    grossFloorAreaM2: number;
    distanceToBoundaryM: number | null;
    /** Nearest points footprint → boundary, for a dimension line on the map. */
    nearestBoundary: { from: Position; to: Position } | null;
    distanceToPublicLandM: number | null;
    /** The neighbouring property nearest the building, for "2,1 m från gränsen mot Eken 1:24". */
    nearestNeighbour: string | null;
  };
}

// Drawings are read at centimetre precision: 4,499 m from the boundary is 4,50 m, and 30,004 m² is 30,00 m².
const cm = (v: number) => Math.round(v * 100) / 100;

function minBy<T>(items: T[], value: (t: T) => number): { item: T; value: number } | null {
  let best: { item: T; value: number } | null = null;
  for (const item of items) {
    const v = value(item);
    if (!best || v < best.value) best = { item, value: v };
  }
  return best;
}

const areaKindText = {
  buildingArea: { sv: 'byggnadsarea', en: 'building area' },
  grossFloorArea: { sv: 'bruttoarea', en: 'gross floor area' },
};

/**
 * "Do I need a permit?" for a planned measure on a site, judged by one rule set. Exempt measures are judged
 * without regard to the detailed plan: the exemptions apply even where the plan says otherwise (PBL 9 kap. 4 a §).
 */
export function assessPermitNeed(measure: PlannedMeasure, site: Site, ruleSet: RuleSet): PermitAssessment {
  const setting: Setting = site.plan ? 'insidePlan' : 'outsidePlan';
  const rural = !site.plan && site.clusteredSettlement === false;
  const context: Finding[] = [
    site.plan ? finding('INSIDE_PLAN', { plan: site.plan.planNumber }) : finding(rural ? 'RURAL' : 'OUTSIDE_PLAN'),
  ];

  const areas = measure.footprints.map((f) => cm(polygonArea(f)));
  const buildingAreaM2 = cm(areas.reduce((s, a) => s + a, 0));
  const grossFloorAreaM2 = cm(measure.grossFloorAreaM2 ?? buildingAreaM2);

  const boundary = minBy(measure.footprints, (f) => distanceToBoundary(f, site.boundary).distanceM);
  const nearest = boundary ? distanceToBoundary(boundary.item, site.boundary) : null;
  const distanceToBoundaryM = nearest ? cm(nearest.distanceM) : null;
  const publicLand = site.plan?.publicLand ?? [];
  const publicLandDistance = publicLand.length
    ? Math.min(...publicLand.flatMap((p) => measure.footprints.map((f) => distanceToArea(f, p.area).distanceM)))
    : null;
  const distanceToPublicLandM = publicLandDistance === null ? null : cm(publicLandDistance);
  const nearestNeighbour = minBy(site.neighbours, (n) =>
    Math.min(...measure.footprints.map((f) => distanceToArea(f, n.boundary).distanceM)),
  );
  const figures = {
    buildingAreaM2,
    grossFloorAreaM2,
    distanceToBoundaryM,
    nearestBoundary: nearest ? { from: nearest.from, to: nearest.to } : null,
    distanceToPublicLandM,
    nearestNeighbour: nearestNeighbour?.item.designation ?? null,
  };

  // Conditions that hold whatever the outcome: shoreline protection needs its own dispensation.
  const conditions: Finding[] = [];
  for (const water of site.water) {
    const d = Math.min(...measure.footprints.map((f) => distanceToArea(f, water.area).distanceM));
    if (cm(d) < ruleSet.shorelineProtectionM) {
      conditions.push(
        finding('SHORELINE_DISPENSATION', { distance: cm(d), water: water.name, limit: ruleSet.shorelineProtectionM }),
      );
    }
  }

  // What makes a permit necessary whatever the size: the place, or the kind of measure.
  const decisive: Finding[] = [];
  const tiers = ruleSet.exemptions[measure.type] ?? [];
  if (tiers.length === 0) decisive.push(finding('NEW_MAIN_BUILDING'));
  const heritage = site.plan?.culturalHeritage ?? site.culturalHeritage;
  if (heritage && measure.footprints.some((f) => overlapArea(f, heritage) > 0.01))
    decisive.push(finding('CULTURAL_HERITAGE'));
  if (site.defenceInterest) decisive.push(finding('DEFENCE_INTEREST'));
  if (distanceToPublicLandM !== null && distanceToPublicLandM < ruleSet.publicLandDistanceM) {
    decisive.push(finding('NEAR_PUBLIC_LAND', { distance: distanceToPublicLandM, limit: ruleSet.publicLandDistanceM }));
  }
  if (site.railways?.length) {
    const d = cm(Math.min(...measure.footprints.map((f) => distanceToLines(f, site.railways!).distanceM)));
    const limit = ruleSet.railwayDistanceM;
    if (d < limit.value) decisive.push(finding('NEAR_RAILWAY', { distance: d, limit: limit.value }, limit.uncertain));
  }
  const dwellings = site.buildings.filter((b) => isDwelling(b.use, ruleSet.dwellingNextTo));
  let nearDwellingNeeded = false;
  if (tiers.length > 0) {
    if (dwellings.length === 0) decisive.push(finding('NO_DWELLING_ON_PLOT'));
    else if (measure.type !== 'extension') {
      nearDwellingNeeded = true;
      const far = Math.max(
        ...measure.footprints.map((f) =>
          Math.min(...dwellings.map((d) => distanceToArea(f, asMulti(d.footprint)).distanceM)),
        ),
      );
      const limit = ruleSet.immediateProximityM;
      if (cm(far) > limit.value)
        decisive.push(finding('NOT_NEAR_DWELLING', { distance: cm(far), limit: limit.value }, limit.uncertain));
    }
  }

  const result = (
    outcome: PermitOutcome,
    reasons: Finding[],
    chosen: (ExemptionTier['id'] | null)[],
    conds: Finding[],
    consentFrom: PermitAssessment['consentFrom'] = [],
  ): PermitAssessment => {
    const summary = finding(
      outcome === 'permit'
        ? 'PERMIT_REQUIRED'
        : outcome === 'notification'
          ? 'NOTIFICATION_REQUIRED'
          : 'NO_PERMIT_NEEDED',
    );
    const all = [summary, ...reasons];
    return {
      ruleSetId: ruleSet.id,
      outcome,
      reasons: all,
      conditions: conds,
      context,
      consentFrom,
      confirmWithMunicipality: [...all, ...conds].some((r) => r.uncertain),
      tiers: chosen,
      figures,
    };
  };
  if (decisive.length > 0)
    return result(
      'permit',
      decisive,
      measure.footprints.map(() => null),
      conditions,
    );

  // Each building takes the first exemption whose limits hold; the plot's allowances fill up as they go.
  const used = new Map<string, number>();
  // A building standing where one is drawn is the drawn one (a saved permit-free answer for this very building, or
  // one it replaces): it is not counted twice against the allowance.
  const drawnHere = measure.footprints.map(asMulti);
  const elsewhere = site.buildings.filter(
    (b) => !drawnHere.some((d) => overlapArea(b.footprint, d) > polygonArea(b.footprint) / 2),
  );
  for (const allowance of ruleSet.allowances) {
    const existing = elsewhere.filter((b) => (allowance.counts as string[]).includes(b.legalBasis));
    used.set(allowance.id, cm(existing.reduce((s, b) => s + polygonArea(b.footprint), 0)));
  }
  const mainRidge = dwellings.reduce<number | null>(
    (m, d) => (d.heightM === undefined ? m : Math.max(m ?? 0, d.heightM)),
    null,
  );
  const available = tiers.filter((t) => !t.ruralOnly || rural);
  // An extension is one addition to one building, however many parts were drawn.
  const buildings = measure.type === 'extension' ? [grossFloorAreaM2] : areas;

  const chosen: ExemptionTier[] = [];
  const failures: Finding[] = [];
  for (const area of buildings) {
    let fits: ExemptionTier | null = null;
    for (const tier of available) {
      const problems = tierProblems(tier, area, measure.ridgeHeightM, mainRidge, setting, used, ruleSet);
      if (problems.length === 0) {
        fits = tier;
        break;
      }
      failures.push(...problems);
    }
    if (!fits)
      return result(
        'permit',
        dedupe(failures),
        measure.footprints.map(() => null),
        conditions,
      );
    chosen.push(fits);
    if (fits.allowance) used.set(fits.allowance, cm((used.get(fits.allowance) ?? 0) + area));
  }

  const notification = chosen.some((t) => t.procedure.value === 'notification');
  const reasons: Finding[] = [];
  for (const tier of new Set(chosen)) reasons.push(finding('EXEMPTION_APPLIES', { tier: tier.label }));
  // What ruled out a lighter exemption (a friggebod too big, say) explains why a heavier one applies.
  reasons.push(...dedupe(failures));
  // What the plot's allowance has left once this is built: the owner keeps within it (issue #23).
  for (const id of new Set(chosen.map((t) => t.allowance).filter((a): a is string => a !== null))) {
    const allowance = ruleSet.allowances.find((a) => a.id === id);
    if (!allowance) continue;
    const limit = allowance.maxM2[setting];
    reasons.push(finding('ALLOWANCE_REMAINING', { remaining: cm(Math.max(0, limit - (used.get(id) ?? 0))), limit }));
  }
  const unsure = chosen.find((t) => t.procedure.uncertain);
  if (unsure)
    reasons.push(
      finding('CONFIRM_WITH_MUNICIPALITY', { note: unsure.procedure.note ?? 'Om anmälan krävs är osäkert.' }, true),
    );
  const conds = [...conditions];
  let consentFrom: PermitAssessment['consentFrom'] = [];
  if (nearDwellingNeeded) conds.push(finding('IMMEDIATE_PROXIMITY'));
  if (distanceToBoundaryM !== null && distanceToBoundaryM < ruleSet.boundaryDistanceM) {
    const near = (n: Site['neighbours'][number]) =>
      measure.footprints.flatMap((f, i) =>
        cm(distanceToArea(f, n.boundary).distanceM) < ruleSet.boundaryDistanceM ? [i] : [],
      );
    consentFrom = site.neighbours
      .map((n) => ({ id: n.id, designation: n.designation, footprints: near(n) }))
      .filter((n) => n.footprints.length > 0);
    const affected = consentFrom;
    conds.push(
      finding('NEIGHBOUR_CONSENT', {
        distance: distanceToBoundaryM,
        limit: ruleSet.boundaryDistanceM,
        neighbours: affected.length
          ? affected.map((n) => n.designation).join(', ')
          : { sv: 'grannfastigheten', en: 'the neighbouring property' },
      }),
    );
  }
  return result(
    notification ? 'notification' : 'none',
    reasons,
    chosen.map((t) => t.id),
    conds,
    consentFrom,
  );
}

function tierProblems(
  tier: ExemptionTier,
  area: number,
  ridge: number,
  mainRidge: number | null,
  setting: Setting,
  used: Map<string, number>,
  ruleSet: RuleSet,
): Finding[] {
  const problems: Finding[] = [];
  const limit = tier.maxAreaM2?.[setting];
  if (limit !== undefined && area > limit) {
    problems.push(finding('AREA_OVER_LIMIT', { tier: tier.label, area, limit, kind: areaKindText[tier.areaKind] }));
  }
  if (tier.maxRidgeM === 'mainBuilding') {
    if (mainRidge !== null && ridge > mainRidge)
      problems.push(finding('RIDGE_ABOVE_MAIN_BUILDING', { tier: tier.label, ridge, limit: mainRidge }));
  } else if (tier.maxRidgeM && ridge > tier.maxRidgeM[setting]) {
    problems.push(finding('RIDGE_OVER_LIMIT', { tier: tier.label, ridge, limit: tier.maxRidgeM[setting] }));
  }
  if (tier.allowance) {
    const allowance = ruleSet.allowances.find((a) => a.id === tier.allowance);
    const existing = used.get(tier.allowance) ?? 0;
    if (allowance && cm(existing + area) > allowance.maxM2[setting]) {
      problems.push(
        finding('ALLOWANCE_EXCEEDED', {
          allowance: allowance.label,
          existing,
          total: cm(existing + area),
          limit: allowance.maxM2[setting],
        }),
      );
    }
  }
  return problems;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = f.text.sv;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
