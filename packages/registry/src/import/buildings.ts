import { z } from 'zod';
import { overlapArea, type Polygon } from '@lovisa/geo';
import type { BasemapFeature, LegalBasis, Property } from '@lovisa/domain';
import { pickAliases, readFeatureCollection, toMultiPolygon } from './geojson';
import { featureIssues, issue, type ImportIssue } from './issues';

/**
 * Existing buildings after Lantmäteriet's building data (Byggnad Nedladdning / Byggnad Direkt: `objektidentitet`,
 * `objektstatus`, `huvudbyggnad`, the purpose `ändamål`, the register unit it stands on "ligger på
 * registerenhetsreferens"), exported as GeoJSON in EPSG:3006 with one feature per building. The legal basis (built
 * with a permit, as a friggebod or an attefall measure) is not in Lantmäteriet's data: it comes from the
 * municipality's permit archive, in the column `lagligGrund`. Each list's first name is the documented one.
 */
const ALIASES = {
  objektidentitet: ['objektidentitet'],
  objektstatus: ['objektstatus'],
  andamal: ['andamal', 'ändamål', 'andamal1', 'objekttyp', 'byggnadstyp'],
  registerenhet: ['registerenhet', 'registerenhetsreferens', 'liggerPa'],
  lagligGrund: ['lagligGrund', 'laglig_grund', 'legalBasis'],
  hojd: ['hojd', 'höjd', 'heightM'],
} as const;

const LEGAL_BASIS: Record<string, LegalBasis> = {
  bygglov: 'permit',
  permit: 'permit',
  friggebod: 'friggebod',
  attefall: 'attefall',
  attefallsatgard: 'attefall',
  attefallshus: 'attefall',
};

const Attributes = z.object({
  objektidentitet: z.uuid().optional(),
  objektstatus: z.string().trim().optional(),
  andamal: z.string().trim().min(1),
  registerenhet: z.uuid().optional(),
  lagligGrund: z.string().trim().optional(),
  hojd: z.coerce.number().positive().optional(),
});

const pick = (props: Record<string, unknown>) => pickAliases(props, ALIASES);

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');

/** The property a building stands on: the one its footprint overlaps most. */
function standsOn(parts: Polygon[], properties: Property[]): Property | undefined {
  let best: { p: Property; area: number } | undefined;
  for (const p of properties) {
    const area = parts.reduce((s, part) => s + overlapArea(part, p.boundary), 0);
    if (area > 0.01 && area > (best?.area ?? 0)) best = { p, area };
  }
  return best?.p;
}

/**
 * Converts a building export to basemap building features (one per part of a multi-part footprint). Buildings that
 * are planned or removed (`objektstatus` other than gällande) are left out with a warning; a building without a
 * legal basis counts as built with a permit — the strict reading for the plan's area limit — and one warning says
 * how many.
 */
export function convertBuildings(
  json: string,
  properties: Property[],
  file = 'buildings.geojson',
): { buildings: BasemapFeature[]; issues: ImportIssue[]; warnings: ImportIssue[] } {
  const read = readFeatureCollection(json, file);
  const issues = [...read.issues];
  const warnings: ImportIssue[] = [];
  const buildings: BasemapFeature[] = [];
  const ids = new Set(properties.map((p) => p.id));
  let withoutBasis = 0;
  for (const f of read.features) {
    const attributes = pick(f.properties);
    const parsed = Attributes.safeParse(attributes);
    const geometry = toMultiPolygon(f.geometry, file, f.index);
    issues.push(...geometry.issues);
    if (!parsed.success) {
      issues.push(...featureIssues(file, f.index, attributes, parsed.error));
      continue;
    }
    const a = parsed.data;
    const status = fold(a.objektstatus ?? 'gallande');
    if (!status.startsWith('gallande')) {
      warnings.push(issue(file, f.index, 'objektstatus', 'building.status', { value: a.objektstatus ?? '' }));
      continue;
    }
    const basis = a.lagligGrund === undefined ? 'permit' : LEGAL_BASIS[fold(a.lagligGrund)];
    if (a.lagligGrund === undefined) withoutBasis++;
    if (basis === undefined) {
      issues.push(issue(file, f.index, 'lagligGrund', 'building.legalBasis', { value: a.lagligGrund! }));
      continue;
    }
    if (a.registerenhet !== undefined && !ids.has(a.registerenhet)) {
      issues.push(issue(file, f.index, 'registerenhet', 'building.unknownProperty', { value: a.registerenhet }));
      continue;
    }
    if (!geometry.value) continue;
    const parts: Polygon[] = geometry.value.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    const propertyId = a.registerenhet ?? standsOn(parts, properties)?.id;
    if (propertyId === undefined) {
      issues.push(issue(file, f.index, 'registerenhet', 'building.noProperty'));
      continue;
    }
    for (const part of parts)
      buildings.push({
        type: 'Feature',
        properties: {
          kind: 'building',
          propertyId,
          use: a.andamal,
          legalBasis: basis,
          ...(a.hojd === undefined ? {} : { heightM: a.hojd }),
        },
        geometry: part,
      });
  }
  if (withoutBasis > 0) warnings.push(issue(file, null, 'lagligGrund', 'building.noBasis', { value: withoutBasis }));
  return { buildings, issues, warnings };
}
