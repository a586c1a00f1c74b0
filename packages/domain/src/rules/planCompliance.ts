import { distanceToBoundary, overlapArea, polygonArea } from '@lovisa/geo';
import type { MeasureType } from '../measure';
import { finding, type Finding, type FindingCode } from './findings';
import type { PermitOutcome } from './permitNeed';
import type { PlannedMeasure, Site } from './site';

export interface PlanRuleResult {
  code: Extract<FindingCode, `PLAN_${string}`>;
  value: number | string;
  limit: number | string;
  unit: 'm²' | 'm' | '';
  pass: boolean;
  finding: Finding;
}

export interface PlanCompliance {
  /** False outside a plan, and for exempt measures: the exemptions apply even against the plan. */
  applicable: boolean;
  planNumber: string | null;
  rules: PlanRuleResult[];
  /** A broken plan rule makes the measure a deviation (avvikelse): possible if small, after a neighbour hearing. */
  deviation: boolean;
  /**
   * The plan's provisions the rules do not read (an imported plan's unknown codes), as text: shown beside the
   * verdict so nobody takes "meets the plan" to cover them; the officer judges them. Absent when there are none.
   */
  textProvisions?: { code: string | null; symbol: string | null; text: string }[];
}

const cm = (v: number) => Math.round(v * 100) / 100;

/** Land-use code each measure needs; all of Lovisa's measures are housing and its outbuildings (B). */
const useOf: Record<MeasureType, string> = {
  newMainBuilding: 'B',
  extension: 'B',
  outbuilding: 'B',
  smallDwelling: 'B',
  carport: 'B',
};
/** Korsmark is land for outbuildings only. */
const allowedOnKorsmark = new Set<MeasureType>(['outbuilding', 'carport']);

/** Checks a permit measure against the detailed plan, rule by rule, with value, limit and verdict. */
export function checkPlanCompliance(measure: PlannedMeasure, site: Site, outcome: PermitOutcome): PlanCompliance {
  const plan = site.plan;
  if (!plan || outcome !== 'permit')
    return { applicable: false, planNumber: plan?.planNumber ?? null, rules: [], deviation: false };
  const rules: PlanRuleResult[] = [];
  const add = (
    code: PlanRuleResult['code'],
    value: number | string,
    limit: number | string,
    unit: PlanRuleResult['unit'],
    pass: boolean,
  ) => rules.push({ code, value, limit, unit, pass, finding: finding(code, { value, limit }) });

  const newArea = measure.footprints.reduce((s, f) => s + polygonArea(f), 0);
  const limits = [
    plan.maxBuildingAreaM2,
    plan.maxBuildingAreaPercent === null ? null : (plan.maxBuildingAreaPercent / 100) * site.plotAreaM2,
  ].filter((v): v is number => v !== null);
  if (limits.length) {
    // Buildings put up under an exemption are left out of the plan's area limit (PBL 9 kap. 30 §, MÖD practice).
    const permitted = site.buildings
      .filter((b) => b.legalBasis === 'permit')
      .reduce((s, b) => s + polygonArea(b.footprint), 0);
    const total = cm(permitted + newArea);
    const limit = cm(Math.min(...limits));
    add('PLAN_BUILDING_AREA', total, limit, 'm²', total <= limit);
  }
  if (plan.maxRidgeHeightM !== null)
    add('PLAN_HEIGHT', measure.ridgeHeightM, plan.maxRidgeHeightM, 'm', measure.ridgeHeightM <= plan.maxRidgeHeightM);
  if (plan.prickmark) {
    const onPrick = cm(measure.footprints.reduce((s, f) => s + overlapArea(f, plan.prickmark!), 0));
    add('PLAN_PRICKMARK', onPrick, 0, 'm²', onPrick < 0.01);
  }
  if (plan.korsmark && !allowedOnKorsmark.has(measure.type)) {
    const onKors = cm(measure.footprints.reduce((s, f) => s + overlapArea(f, plan.korsmark!), 0));
    add('PLAN_KORSMARK', onKors, 0, 'm²', onKors < 0.01);
  }
  if (plan.minDistanceToBoundaryM !== null) {
    const d = cm(Math.min(...measure.footprints.map((f) => distanceToBoundary(f, site.boundary).distanceM)));
    add('PLAN_BOUNDARY_DISTANCE', d, plan.minDistanceToBoundaryM, 'm', d >= plan.minDistanceToBoundaryM);
  }
  const use = useOf[measure.type];
  add('PLAN_USE', use, plan.use.join(', '), '', plan.use.includes(use));

  return {
    applicable: true,
    planNumber: plan.planNumber,
    rules,
    deviation: rules.some((r) => !r.pass),
    ...(plan.otherProvisions?.length ? { textProvisions: plan.otherProvisions } : {}),
  };
}
