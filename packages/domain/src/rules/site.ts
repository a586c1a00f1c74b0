import type { MultiPolygon, Polygon, Position } from '@lovisa/geo';
import type { BasemapFeature, LegalBasis } from '../basemap';
import type { Property } from '../property';
import type { DetailedPlan } from '../plan';
import type { MeasureType } from '../measure';

/** An existing building on the property, with the legal basis it was built on (PBL 9 kap. 30 § needs it). */
export interface ExistingBuilding {
  footprint: Polygon;
  use: string;
  /** 'exempt' = built without permit under the 2025 exemptions. */
  legalBasis: LegalBasis | 'exempt';
  heightM?: number;
}

/** Everything about the place the rules read; assembled from the registers by the caller, no I/O here. */
export interface Site {
  boundary: MultiPolygon;
  /** Registered land area, m²: the base of a plan's "% of the plot" limit. */
  plotAreaM2: number;
  /** The detailed plan covering the property, or null outside plan. */
  plan: DetailedPlan | null;
  /** Only read outside a plan: clustered settlement (sammanhållen bebyggelse) keeps the stricter rules. */
  clusteredSettlement?: boolean;
  buildings: ExistingBuilding[];
  neighbours: { id: string; designation: string; boundary: MultiPolygon }[];
  /** Lakes, sea and rivers whose shore carries shoreline protection. */
  water: { name: string; area: MultiPolygon }[];
  railways?: Position[][];
  /** Outside a plan the municipality may still mark valuable built environments (områdesbestämmelser). */
  culturalHeritage?: MultiPolygon | null;
  defenceInterest?: boolean;
}

/** A planned measure as the rules read it: one or more buildings of one kind. */
export interface PlannedMeasure {
  type: MeasureType;
  footprints: Polygon[];
  ridgeHeightM: number;
  /** Extensions are limited by gross floor area; defaults to the footprint (one storey). */
  grossFloorAreaM2?: number;
}

/** Uses that make a building a dwelling; the first two are one- or two-family houses. */
const ONE_OR_TWO_FAMILY = new Set(['bostadshus', 'fritidshus', 'enbostadshus', 'tvåbostadshus']);
const OTHER_RESIDENTIAL = new Set(['flerbostadshus', 'radhus']);

export function isDwelling(use: string, kind: 'oneOrTwoFamily' | 'anyResidential'): boolean {
  return ONE_OR_TWO_FAMILY.has(use) || (kind === 'anyResidential' && OTHER_RESIDENTIAL.has(use));
}

export const asMulti = (p: Polygon): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [p.coordinates] });

/** What the registers and the basemap tell about a property: the same answers reach the browser and the server. */
export interface SiteData {
  property: Pick<Property, 'boundary' | 'registeredAreaM2' | 'id'>;
  plans: DetailedPlan[];
  neighbours: { id: string; designation: string; boundary: MultiPolygon }[];
  /** Basemap features around the property (water far enough out for shoreline protection). */
  features: BasemapFeature[];
}

/**
 * The rules' view of a place, assembled the same way in the browser (from the API) and on the server (from
 * the registers). Clustered settlement is not in any register Lovisa reads, so a site outside a plan is
 * judged by the stricter rules for clustered settlement unless the caller knows better.
 */
export function siteFromRegisterData(data: SiteData): Site {
  const buildings: ExistingBuilding[] = [];
  const water: Site['water'] = [];
  for (const f of data.features) {
    const p = f.properties;
    if (p.kind === 'building' && p.propertyId === data.property.id && f.geometry.type === 'Polygon') {
      buildings.push({
        footprint: f.geometry,
        use: p.use,
        legalBasis: p.legalBasis,
        ...(p.heightM === undefined ? {} : { heightM: p.heightM }),
      });
    } else if (p.kind === 'water' && f.geometry.type !== 'LineString') {
      water.push({ name: p.name, area: f.geometry.type === 'Polygon' ? asMulti(f.geometry) : f.geometry });
    }
  }
  return {
    boundary: data.property.boundary,
    plotAreaM2: data.property.registeredAreaM2,
    // Plans in the register do not overlap on one plot; the first is the one in force.
    plan: data.plans[0] ?? null,
    buildings,
    neighbours: data.neighbours,
    water,
  };
}
