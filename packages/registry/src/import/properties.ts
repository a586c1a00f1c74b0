import { z } from 'zod';
import type { MultiPolygon } from '@lovisa/geo';
import { polygonArea } from '@lovisa/geo';
import type { Property } from '@lovisa/domain';
import { pickAliases, readFeatureCollection, toMultiPolygon, type InputFeature } from './geojson';
import { featureIssues, issue, type ImportIssue } from './issues';

/**
 * Attribute names after Lantmäteriet's cadastral products (Fastighetsindelning, Fastighet och samfällighet): one
 * feature per registerenhetsområde, the register unit's UUID in `objektidentitet`. Exports and third-party
 * copies spell some differently; each list's first name is the documented one (docs/your-town.md).
 */
const ALIASES = {
  objektidentitet: [
    'objektidentitet',
    'registerenhetsreferens',
    'registerenhet',
    'fastighetObjektIdentitet',
    'registerEnhetObjektIdentitet',
  ],
  fastighetsbeteckning: ['fastighetsbeteckning', 'beteckning'],
  registeromrade: ['registeromrade', 'kommunnamn'],
  trakt: ['trakt'],
  block: ['block'],
  enhet: ['enhet'],
  omradesnummer: ['omradesnummer'],
  totalLandareal: ['totalLandareal', 'registreradLandareal'],
  landareal: ['landareal'],
  adress: ['adress', 'belagenhetsadress'],
  kommunnamn: ['kommunnamn', 'registeromrade'],
} as const;

const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1));
const FeatureProps = z.object({
  objektidentitet: z.uuid(),
  fastighetsbeteckning: text.optional(),
  registeromrade: text.optional(),
  trakt: text.optional(),
  block: text.optional(),
  enhet: z.coerce.number().int().positive().optional(),
  omradesnummer: z.coerce.number().int().positive().default(1),
  totalLandareal: z.coerce.number().nonnegative().optional(),
  landareal: z.coerce.number().nonnegative().optional(),
  adress: text.nullable().optional(),
  kommunnamn: text.optional(),
});

const pick = (props: Record<string, unknown>) => pickAliases(props, ALIASES);

/** "Kjellstavik" + "Eken" + "1" + 23 → "Kjellstavik Eken 1:23"; without a block number "Kjellstavik Eken 23". */
const designationOf = (p: z.infer<typeof FeatureProps>) =>
  p.fastighetsbeteckning ??
  (p.registeromrade && p.trakt && p.enhet !== undefined
    ? `${p.registeromrade} ${p.trakt} ${p.block ? `${p.block}:${p.enhet}` : p.enhet}`
    : null);

/**
 * Converts a cadastral GeoJSON export to Lovisa's properties (planIds still empty: plans are assigned by
 * geometry afterwards). Features of the same register unit are its separate areas, put together in
 * `omradesnummer` order.
 */
export function convertProperties(
  json: string,
  file = 'properties.geojson',
): { properties: Property[]; issues: ImportIssue[] } {
  return convertPropertyFeatures(readFeatureCollection(json, file), file);
}

/** The conversion over features already read, from GeoJSON (`convertProperties`) or a GeoPackage (gpkg.ts). */
export function convertPropertyFeatures(
  read: { features: InputFeature[]; issues: ImportIssue[] },
  file: string,
): { properties: Property[]; issues: ImportIssue[] } {
  const issues = [...read.issues];
  const units = new Map<
    string,
    {
      first: number;
      designation: string;
      props: z.infer<typeof FeatureProps>;
      areas: Map<number, { row: number; geometry: MultiPolygon; landareal: number | undefined }>;
    }
  >();
  const byDesignation = new Map<string, { id: string; row: number }>();
  for (const f of read.features) {
    const parsed = FeatureProps.safeParse(pick(f.properties));
    const geometry = toMultiPolygon(f.geometry, file, f.index);
    issues.push(...geometry.issues);
    if (!parsed.success) {
      issues.push(...featureIssues(file, f.index, pick(f.properties), parsed.error));
      continue;
    }
    const p = parsed.data;
    const designation = designationOf(p);
    if (!designation) {
      issues.push(issue(file, f.index, 'fastighetsbeteckning', 'property.designation'));
      continue;
    }
    if (!geometry.value) continue;
    const unit = units.get(p.objektidentitet);
    const key = designation.replace(/\s+/g, ' ').toLocaleLowerCase('sv');
    const other = byDesignation.get(key);
    if (other && other.id !== p.objektidentitet) {
      issues.push(issue(file, f.index, 'fastighetsbeteckning', 'property.duplicateDesignation', { row: other.row }));
      continue;
    }
    byDesignation.set(key, { id: p.objektidentitet, row: f.index });
    if (!unit) {
      units.set(p.objektidentitet, {
        first: f.index,
        designation,
        props: p,
        areas: new Map([[p.omradesnummer, { row: f.index, geometry: geometry.value, landareal: p.landareal }]]),
      });
      continue;
    }
    if (unit.designation !== designation) {
      issues.push(issue(file, f.index, 'fastighetsbeteckning', 'property.designationConflict', { row: unit.first }));
      continue;
    }
    const taken = unit.areas.get(p.omradesnummer);
    if (taken) {
      issues.push(
        issue(file, f.index, 'omradesnummer', 'property.areaConflict', { value: p.omradesnummer, row: taken.row }),
      );
      continue;
    }
    unit.areas.set(p.omradesnummer, { row: f.index, geometry: geometry.value, landareal: p.landareal });
  }
  if (issues.length) return { properties: [], issues };
  const properties: Property[] = [...units.entries()].map(([id, u]) => {
    const areas = [...u.areas.entries()].sort(([a], [b]) => a - b).map(([, a]) => a);
    const boundary: MultiPolygon = { type: 'MultiPolygon', coordinates: areas.flatMap((a) => a.geometry.coordinates) };
    const computed = boundary.coordinates.reduce(
      (s, coordinates) => s + polygonArea({ type: 'Polygon', coordinates }),
      0,
    );
    // The registered area is the register's figure, not the drawn one; computed only when the export has none.
    const registered =
      u.props.totalLandareal ??
      (areas.every((a) => a.landareal !== undefined)
        ? areas.reduce((s, a) => s + a.landareal!, 0)
        : Math.round(computed));
    return {
      id,
      designation: u.designation,
      municipality: u.props.kommunnamn ?? u.designation.split(' ')[0]!,
      registeredAreaM2: registered,
      address: u.props.adress ?? null,
      boundary,
      planIds: [],
    };
  });
  return { properties, issues };
}
