import { z } from 'zod';
import { overlapArea, polygonArea, type MultiPolygon, type Position } from '@lovisa/geo';
import type { DetailedPlan, Property } from '@lovisa/domain';
import { readFeatureCollection, toMultiPolygon, type InputFeature } from './geojson';
import { PLAN_CATALOGUE } from './catalogue';
import { featureIssues, issue, type ImportIssue } from './issues';

/** What a provision becomes in Lovisa's plan model (packages/domain/src/plan.ts). */
export type ProvisionKind =
  | 'maxBuildingAreaM2'
  | 'maxBuildingAreaPercent'
  | 'maxRidgeHeightM'
  | 'minDistanceToBoundaryM'
  | 'prickmark'
  | 'korsmark'
  | 'culturalHeritage';

/**
 * Boverket's planbestämmelsekatalog codes (bestämmelsekod) that the rules engine reads as a limit: the numeric rows of
 * `PLAN_CATALOGUE` (catalogue.ts, with UUIDs, wordings and the source). docs/your-town.md lists them.
 */
export const CATALOGUE_CODES: Record<string, ProvisionKind> = Object.fromEntries(
  PLAN_CATALOGUE.filter((e) => !e.kind.startsWith('use:')).map((e) => [e.code, e.kind as ProvisionKind]),
);

/**
 * Provisions without a code (older plans digitised by hand, or exports that leave the code out): recognised by
 * the wording the catalogue gives them. A number in the wording is the value when `varde` is absent.
 */
const WORDINGS: { pattern: RegExp; kind: ProvisionKind }[] = [
  { pattern: /^största byggnadsarea (?:är )?[\d\s,.]*\s*(?:m²|m2|kvm)/i, kind: 'maxBuildingAreaM2' },
  { pattern: /^största byggnadsarea (?:är )?[\d\s,.]*\s*(?:%|procent)/i, kind: 'maxBuildingAreaPercent' },
  { pattern: /^högsta nockhöjd (?:är )?[\d\s,.]*\s*m(?:eter)?\.?$/i, kind: 'maxRidgeHeightM' },
  { pattern: /placeras minst [\d\s,.]*\s*m(?:eter)? från fastighetsgräns/i, kind: 'minDistanceToBoundaryM' },
  { pattern: /^marken får inte förses med byggnad/i, kind: 'prickmark' },
  { pattern: /^marken får (?:endast|bara) förses med komplementbyggnad/i, kind: 'korsmark' },
];

/** Symbols (beteckning or the catalogue's symbol name) that say what they are on their own. */
const SYMBOLS: { pattern: RegExp; kind: ProvisionKind }[] = [
  { pattern: /^(prickmark|marken får inte förses med byggnad(\/byggnadsverk)?)$/i, kind: 'prickmark' },
  { pattern: /^korsmark$/i, kind: 'korsmark' },
  // q: protection of cultural values (BFS 2020:5, skydd av kulturvärden, PBL 8 kap. 13 §).
  { pattern: /^q\d*$/, kind: 'culturalHeritage' },
];

/** Public land (allmän plats) by its use symbol, to the three kinds the 4.5 m street rule knows. */
const PUBLIC_LAND: Record<string, 'GATA' | 'PARK' | 'TORG'> = {
  GATA: 'GATA',
  LOKALGATA: 'GATA',
  HUVUDGATA: 'GATA',
  GÅNG: 'GATA',
  'GÅNG-CYKEL': 'GATA',
  GC: 'GATA',
  PARK: 'PARK',
  NATUR: 'PARK',
  TORG: 'TORG',
};
/** Kvartersmark uses of BFS 2020:5 (B bostäder, C centrum, …), one letter each; "BC" is both. */
const KVARTERSMARK_USE = /^[A-ZÅÄÖ]{1,4}$/;

const num = z.preprocess(
  (v) => (typeof v === 'string' ? Number(v.replace(',', '.').replace(/\s/g, '')) : v),
  z.number().finite().positive(),
);
const ProvisionSchema = z.object({
  bestammelsekod: z.string().trim().min(1).optional(),
  beteckning: z.string().trim().min(1).optional(),
  symbol: z.string().trim().min(1).optional(),
  bestammelseformulering: z.string().trim().min(1).optional(),
  bestammelsetyp: z.string().trim().optional(),
  varde: num.optional(),
  /** Set by a reader that has already warned about the provision: kept as text without a second warning. */
  asText: z.literal(true).optional(),
});
type Provision = z.infer<typeof ProvisionSchema>;

const PlanomradeSchema = z.object({
  planId: z.string().trim().min(1).optional(),
  plannummer: z.string().trim().min(1),
  namn: z.string().trim().min(1),
  lagakraftdatum: z.iso.date(),
});

const ALIASES: Record<string, string[]> = {
  plannummer: ['plannummer', 'aktbeteckning', 'planbeteckning'],
  lagakraftdatum: ['lagakraftdatum', 'datumLagaKraft', 'lagakraft'],
  bestammelseformulering: ['bestammelseformulering', 'formulering', 'text'],
  planId: ['planId', 'detaljplan', 'objektidentitet'],
};
const withAliases = (props: Record<string, unknown>) => {
  const out = { ...props };
  for (const [key, names] of Object.entries(ALIASES)) {
    const name = names.find((n) => props[n] !== undefined && props[n] !== null && props[n] !== '');
    if (name !== undefined) out[key] = props[name];
  }
  return out;
};

const slug = (s: string) =>
  'dp-' +
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** What a provision is, from its code, else its symbol, else its wording; null when Lovisa does not read it. */
export function provisionKind(p: Provision): ProvisionKind | null {
  if (p.bestammelsekod && CATALOGUE_CODES[p.bestammelsekod]) return CATALOGUE_CODES[p.bestammelsekod]!;
  for (const s of [p.beteckning, p.symbol]) {
    const hit = s ? SYMBOLS.find((x) => x.pattern.test(s)) : undefined;
    if (hit) return hit.kind;
  }
  const wording = p.bestammelseformulering
    ? WORDINGS.find((x) => x.pattern.test(p.bestammelseformulering!))
    : undefined;
  return wording?.kind ?? null;
}

/** The provision's number: `varde`, else the first number in its wording ("Högsta nockhöjd är 7,5 meter"). */
function valueOf(p: Provision): number | null {
  if (p.varde !== undefined) return p.varde;
  const m = /(\d+(?:[,.]\d+)?)/.exec(p.bestammelseformulering ?? '');
  return m ? Number(m[1]!.replace(',', '.')) : null;
}

const label = (p: Provision) => p.bestammelsekod ?? p.beteckning ?? p.symbol ?? p.bestammelseformulering ?? '?';

interface PlanDraft {
  row: number;
  meta: z.infer<typeof PlanomradeSchema>;
  id: string;
  area: MultiPolygon;
  use: Set<string>;
  values: Map<Exclude<ProvisionKind, 'prickmark' | 'korsmark' | 'culturalHeritage'>, number[]>;
  surfaces: Record<'prickmark' | 'korsmark' | 'culturalHeritage', Position[][][]>;
  publicLand: { use: 'GATA' | 'PARK' | 'TORG'; area: MultiPolygon }[];
  other: { code: string | null; symbol: string | null; text: string }[];
}

/**
 * Converts a detailed plan export in the shape of Boverket's national digital plan (one `planomrade` feature per
 * plan, `bestammelseyta` features carrying the provisions that apply on them) to Lovisa's DetailedPlan. Unknown
 * provisions are warnings, kept as text; a provision Lovisa reads but cannot (no value) is an error.
 */
export function convertPlans(
  json: string,
  file = 'plans.geojson',
): { plans: DetailedPlan[]; issues: ImportIssue[]; warnings: ImportIssue[] } {
  return convertPlanFeatures(readFeatureCollection(json, file), file);
}

export type PlanConversion = { plans: DetailedPlan[]; issues: ImportIssue[]; warnings: ImportIssue[] };

/**
 * The conversion itself, over features already read (by `convertPlans` from Lovisa's flat GeoJSON shape, or by
 * `convertNgpPlans` from Lantmäteriet's national format), so that both report the same rows.
 */
export function convertPlanFeatures(
  read: { features: InputFeature[]; issues: ImportIssue[] },
  file: string,
  earlier: { issues?: ImportIssue[]; warnings?: ImportIssue[] } = {},
): PlanConversion {
  const issues = [...(earlier.issues ?? []), ...read.issues];
  const warnings: ImportIssue[] = [...(earlier.warnings ?? [])];
  const drafts = new Map<string, PlanDraft>();
  const areas: { row: number; planRef: string | undefined; provisions: Provision[]; geometry: MultiPolygon }[] = [];
  for (const f of read.features) {
    const props = withAliases(f.properties);
    const type = String(props.objekttyp ?? '').toLowerCase();
    const geometry = toMultiPolygon(f.geometry, file, f.index);
    issues.push(...geometry.issues);
    if (type === 'planomrade' || type === 'detaljplan') {
      const meta = PlanomradeSchema.safeParse(props);
      if (!meta.success) {
        issues.push(...featureIssues(file, f.index, props, meta.error));
        continue;
      }
      const id = meta.data.planId ?? slug(meta.data.plannummer);
      const existing = drafts.get(id);
      if (existing) {
        issues.push(issue(file, f.index, 'planId', 'plan.duplicate', { value: id, row: existing.row }));
        continue;
      }
      if (geometry.value)
        drafts.set(id, {
          row: f.index,
          meta: meta.data,
          id,
          area: geometry.value,
          use: new Set(),
          values: new Map(),
          surfaces: { prickmark: [], korsmark: [], culturalHeritage: [] },
          publicLand: [],
          other: [],
        });
      // A plan is also known by its number, so provisions may point at either.
      if (meta.data.planId) drafts.set(`#${meta.data.plannummer}`, drafts.get(id)!);
    } else if (['bestammelseyta', 'egenskapsyta', 'anvandningsyta', 'planbestammelse'].includes(type)) {
      const list = Array.isArray(props.bestammelser) ? props.bestammelser : [props];
      const provisions: Provision[] = [];
      list.forEach((raw: unknown, k: number) => {
        const p = ProvisionSchema.safeParse(withAliases((raw ?? {}) as Record<string, unknown>));
        if (!p.success) {
          for (const i of p.error.issues)
            issues.push(
              issue(file, f.index, `bestammelser[${k}].${String(i.path[0] ?? '')}`, 'field.invalid', {
                field: String(i.path[0] ?? ''),
                reason: i.message,
              }),
            );
        } else if (!p.data.bestammelsekod && !p.data.beteckning && !p.data.symbol && !p.data.bestammelseformulering) {
          issues.push(issue(file, f.index, `bestammelser[${k}]`, 'field.missing', { field: 'bestammelseformulering' }));
        } else provisions.push(p.data);
      });
      if (geometry.value)
        areas.push({
          row: f.index,
          planRef: props.planId === undefined ? undefined : String(props.planId),
          provisions,
          geometry: geometry.value,
        });
    } else {
      issues.push(issue(file, f.index, 'objekttyp', 'plan.objekttyp', { value: String(props.objekttyp ?? '') }));
    }
  }
  const plans = [...new Set(drafts.values())];
  if (plans.length === 0 && issues.length === 0) issues.push(issue(file, null, 'objekttyp', 'plan.noPlanomrade'));

  for (const a of areas) {
    const draft =
      a.planRef === undefined
        ? plans.length === 1
          ? plans[0]
          : undefined
        : (drafts.get(a.planRef) ?? drafts.get(`#${a.planRef}`));
    if (!draft) {
      issues.push(issue(file, a.row, 'planId', 'plan.unknownPlan', { value: a.planRef ?? '' }));
      continue;
    }
    for (const p of a.provisions) {
      // BFS 2020:5 writes uses in capitals (B, C, GATA) and properties in small letters (e1, h1, p1).
      const typ = (p.bestammelsetyp ?? '').toLowerCase();
      const symbol = (p.beteckning ?? '').replace(/\d+$/, '');
      const isUse =
        typ.startsWith('anv') ||
        (!typ.startsWith('egen') && /^[A-ZÅÄÖ][A-ZÅÄÖ-]*$/.test(symbol) && !p.bestammelsekod?.includes('_Eg_'));
      if (isUse && PUBLIC_LAND[symbol]) {
        draft.publicLand.push({ use: PUBLIC_LAND[symbol]!, area: a.geometry });
        continue;
      }
      if (isUse && KVARTERSMARK_USE.test(symbol)) {
        // Each letter is a use of its own: "BC" is housing and centre. The index (B1, B2) refines, not changes.
        for (const letter of symbol) draft.use.add(letter);
        continue;
      }
      const kind = p.asText ? null : provisionKind(p);
      if (kind === null) {
        if (!p.asText) warnings.push(issue(file, a.row, 'bestammelsekod', 'plan.unknownCode', { value: label(p) }));
        draft.other.push({
          code: p.bestammelsekod ?? null,
          symbol: p.beteckning ?? p.symbol ?? null,
          text: p.bestammelseformulering ?? label(p),
        });
        continue;
      }
      if (kind === 'prickmark' || kind === 'korsmark' || kind === 'culturalHeritage') {
        draft.surfaces[kind].push(...a.geometry.coordinates);
        continue;
      }
      const v = valueOf(p);
      if (v === null || (kind === 'maxBuildingAreaPercent' && v > 100)) {
        issues.push(issue(file, a.row, 'varde', 'plan.value', { value: label(p) }));
        continue;
      }
      draft.values.set(kind, [...(draft.values.get(kind) ?? []), v]);
    }
  }
  if (issues.length) return { plans: [], issues, warnings };

  const result = plans.map((d): DetailedPlan => {
    const pickValue = (kind: Exclude<ProvisionKind, 'prickmark' | 'korsmark' | 'culturalHeritage'>) => {
      const vs = [...new Set(d.values.get(kind) ?? [])];
      if (vs.length === 0) return null;
      // Lovisa keeps one figure per plan; for a maximum the smallest, for a minimum distance the largest is
      // the strictest — never less strict than some part of the plan, and the officer is told.
      const strictest = kind === 'minDistanceToBoundaryM' ? Math.max(...vs) : Math.min(...vs);
      if (vs.length > 1)
        warnings.push(
          issue(file, d.row, kind, 'plan.conflictingValues', {
            provision: kind,
            values: vs.join(', '),
            value: strictest,
          }),
        );
      return strictest;
    };
    const surface = (k: 'prickmark' | 'korsmark' | 'culturalHeritage'): MultiPolygon | null =>
      d.surfaces[k].length ? { type: 'MultiPolygon', coordinates: d.surfaces[k] } : null;
    return {
      id: d.id,
      planNumber: d.meta.plannummer,
      name: d.meta.namn,
      legalForceDate: d.meta.lagakraftdatum,
      use: [...d.use],
      maxBuildingAreaM2: pickValue('maxBuildingAreaM2'),
      maxBuildingAreaPercent: pickValue('maxBuildingAreaPercent'),
      maxRidgeHeightM: pickValue('maxRidgeHeightM'),
      minDistanceToBoundaryM: pickValue('minDistanceToBoundaryM'),
      area: d.area,
      prickmark: surface('prickmark'),
      korsmark: surface('korsmark'),
      publicLand: d.publicLand,
      culturalHeritage: surface('culturalHeritage'),
      ...(d.other.length ? { otherProvisions: d.other } : {}),
    };
  });
  return { plans: result, issues, warnings };
}

/**
 * Which plans each property lies in, by geometry: a plan counts when it covers more than 1 m² and more than 1 %
 * of the plot (a boundary drawn a few centimetres differently in two registers must not make a plot "in" the
 * neighbouring plan). Returns new property objects; plans that hold no property are warnings.
 */
export function assignPlans(
  properties: Property[],
  plans: DetailedPlan[],
  file = 'plans.geojson',
): { properties: Property[]; warnings: ImportIssue[] } {
  const used = new Set<string>();
  const out = properties.map((p) => {
    const plotArea = p.boundary.coordinates.reduce(
      (s, coordinates) => s + polygonArea({ type: 'Polygon', coordinates }),
      0,
    );
    const planIds = plans
      .filter((plan) => {
        const inside = p.boundary.coordinates.reduce(
          (s, coordinates) => s + overlapArea({ type: 'Polygon', coordinates }, plan.area),
          0,
        );
        return inside > 1 && inside > 0.01 * plotArea;
      })
      .map((plan) => plan.id);
    planIds.forEach((id) => used.add(id));
    return { ...p, planIds };
  });
  const warnings = plans
    .filter((plan) => !used.has(plan.id))
    .map((plan) => issue(file, null, null, 'plan.noProperties', { value: plan.planNumber }));
  return { properties: out, warnings };
}
