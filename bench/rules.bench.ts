// The rules engine's whole verdict per edit: what the map step recomputes on every drag.
import { evaluateApplication, ruleSetFor, type DetailedPlan, type Site } from '@lovisa/domain';
import { buildScene, measure, type BenchResult } from './geometry.bench';

export async function runRulesBench(): Promise<BenchResult[]> {
  const scene = buildScene();
  const plan: DetailedPlan = {
    id: 'bench',
    planNumber: '1284-BENCH',
    name: 'Bench',
    legalForceDate: '2020-01-01',
    use: ['B'],
    maxBuildingAreaM2: null,
    maxBuildingAreaPercent: 25,
    maxRidgeHeightM: 7.5,
    minDistanceToBoundaryM: 4.5,
    area: scene.property,
    prickmark: scene.prickmark,
    korsmark: null,
  };
  const site: Site = {
    boundary: scene.property,
    plotAreaM2: 5000,
    plan,
    buildings: [],
    neighbours: [{ id: 'n', designation: 'Bench 1:2', boundary: scene.neighbour }],
    water: [],
  };
  const app = {
    propertyId: 'p',
    measure: 'newMainBuilding' as const,
    footprints: [scene.building],
    details: { description: 'Ett nytt hus på tomten.', ridgeHeightM: 7, plannedStart: '2027-05-01' },
    contact: { email: 'a@example.se' },
  };
  const rules = ruleSetFor('2026-11-30')!;
  const once = evaluateApplication(app, site, rules);
  // The building reaches into the prickmark: the verdict must say so, or the bench measures the wrong thing.
  if (!once.compliance?.rules.some((r) => r.code === 'PLAN_PRICKMARK' && !r.pass))
    throw new Error('rules bench scene is not as intended');
  const budget = 2;
  const full = measure(() => evaluateApplication(app, site, rules));
  return [
    {
      name: 'rules engine full verdict, median',
      value: full.median,
      unit: 'ms',
      budget,
      pass: full.median <= budget,
      note: `evaluateApplication: permit need + plan compliance + completeness; ${full.n} runs; 2 000-vertex property`,
    },
    { name: 'rules engine full verdict, p95', value: full.p95, unit: 'ms', budget: Infinity, pass: true, note: '' },
  ];
}
