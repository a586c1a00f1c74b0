import type { FastifyInstance } from 'fastify';
import type { BasemapFeature, DetailedPlan, MeasureType, Property } from '@lovisa/domain';
import { polygonArea, polygonProblems, type MultiPolygon, type Polygon, type Position } from '@lovisa/geo';
import { neighboursOf } from '../rules/siteFor';
import type { SitePlanInput } from './renderSitePlan';

export type PlannedBuilding = SitePlanInput['planned'][number];

/** Short names for the drawing; the domain's labels are written for a form, not for a plot. */
const MEASURE_NAMES: Record<MeasureType, string> = {
  newMainBuilding: 'Bostadshus',
  extension: 'Tillbyggnad',
  outbuilding: 'Komplementbyggnad',
  smallDwelling: 'Komplementbostadshus',
  carport: 'Carport',
};

/**
 * The planned buildings of an application or draft, named by measure (numbered when a name repeats). Drafts
 * keep geometry raw, so footprints that are not valid polygons are left out rather than drawn wrong.
 */
export function plannedBuildings(footprints: { measure: MeasureType; geometry: Polygon }[]): PlannedBuilding[] {
  const valid = footprints.filter((f) => f.geometry.coordinates.length > 0 && polygonProblems(f.geometry).length === 0);
  const names = valid.map((f) => MEASURE_NAMES[f.measure]);
  const seen = new Map<string, number>();
  return valid.map((f, i) => {
    const name = names[i]!;
    const repeated = names.filter((n) => n === name).length > 1;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return { label: repeated ? `${name} ${n}` : name, geometry: f.geometry };
  });
}

function mergePlanAreas(plans: DetailedPlan[], pick: (p: DetailedPlan) => MultiPolygon | null): MultiPolygon | null {
  const parts = plans.flatMap((p) => pick(p)?.coordinates ?? []);
  return parts.length > 0 ? { type: 'MultiPolygon', coordinates: parts } : null;
}

export interface SitePlanSources {
  property: Pick<Property, 'id' | 'designation' | 'municipality' | 'boundary'>;
  neighbours: { designation: string; boundary: MultiPolygon }[];
  plans: DetailedPlan[];
  /** Basemap features; only the property's own buildings are drawn. */
  features: BasemapFeature[];
  planned: PlannedBuilding[];
  date: string;
}

/** The drawing's input from register answers, with no I/O: shared by the routes and the preview script. */
export function sitePlanInputFrom(s: SitePlanSources): SitePlanInput {
  const existingBuildings: Polygon[] = [];
  const neighbourBuildings: Polygon[] = [];
  const streets: { name: string; line: Position[] }[] = [];
  let mainHouse: { geometry: Polygon; area: number } | null = null;
  for (const f of s.features) {
    if (f.properties.kind === 'street' && f.geometry.type === 'LineString')
      streets.push({ name: f.properties.name, line: f.geometry.coordinates });
    if (f.properties.kind !== 'building' || f.geometry.type !== 'Polygon') continue;
    if (f.properties.propertyId !== s.property.id) {
      neighbourBuildings.push(f.geometry);
      continue;
    }
    existingBuildings.push(f.geometry);
    // The main house: the plot's largest dwelling (a plot may have a small guest house too).
    const area = polygonArea(f.geometry);
    if (f.properties.use === 'bostadshus' && (!mainHouse || area > mainHouse.area))
      mainHouse = { geometry: f.geometry, area };
  }
  return {
    designation: s.property.designation,
    municipality: s.property.municipality,
    boundary: s.property.boundary,
    neighbours: s.neighbours.map(({ designation, boundary }) => ({ designation, boundary })),
    existingBuildings,
    planned: s.planned,
    prickmark: mergePlanAreas(s.plans, (p) => p.prickmark),
    korsmark: mergePlanAreas(s.plans, (p) => p.korsmark),
    date: s.date,
    title: 'Situationsplan',
    neighbourBuildings,
    streets,
    mainHouse: mainHouse?.geometry ?? null,
  };
}

/** Reads the registers the way the rules do (siteFor): the plot, its neighbours, its plans and its buildings. */
export async function sitePlanInputFor(
  app: FastifyInstance,
  property: Property,
  planned: PlannedBuilding[],
  date: string,
): Promise<SitePlanInput> {
  const [plans, neighbours] = await Promise.all([
    app.registers.land.plansForProperty(property.id),
    neighboursOf(app, property),
  ]);
  return sitePlanInputFrom({ property, neighbours, plans, features: app.basemap.features, planned, date });
}

/** "Kjellstavik Eken 1:23" → "kjellstavik-eken-1-23": ASCII for a download's file name. */
export function designationSlug(designation: string): string {
  const slug = designation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'fastighet';
}
