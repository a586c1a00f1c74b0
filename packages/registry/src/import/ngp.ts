import { CATALOGUE_BY_UUID, UNIT_OF } from './catalogue';
import { readFeatureCollection, type InputFeature } from './geojson';
import { issue, type ImportIssue } from './issues';
import { convertPlanFeatures, convertPlans, provisionKind, type PlanConversion } from './plans';

/**
 * The media type of Lantmäteriet's national detailed-plan format (Nationell informationsspecifikation Detaljplan,
 * version 4.1; the JSON schema `detaljplan-4.1.json`), in which municipalities deliver plans to the national
 * geodata platform (NGP) and in which the platform hands them out.
 */
export const NGP_DETALJPLAN_MEDIATYPE = 'application/vnd.lm.detaljplan.v4+json';

const SWEREF = /^(EPSG:3006|urn:ogc:def:crs:EPSG:[\d.]*:3006|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/3006)$/i;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * A `plangeometri`/`bestammelsegeometri` list (one entry per part: NGP forbids multi-geometries) as one
 * MultiPolygon-shaped GeoJSON geometry for the shared geometry checks. Line parts (an utfartsförbud, a
 * stängsel) cannot be an area and are counted apart.
 */
function geometryOf(
  list: unknown,
  file: string,
  row: number,
  issues: ImportIssue[],
): { geometry: unknown; lines: number } {
  const polygons: unknown[] = [];
  let lines = 0;
  for (const part of arr(list)) {
    const g = isRec(part) && isRec(part.geometri) ? part.geometri : null;
    if (!g) continue;
    const crs = str(g.koordinatsystemPlan);
    if (crs !== undefined && !SWEREF.test(crs)) {
      issues.push(issue(file, row, 'koordinatsystemPlan', 'crs.unsupported', { value: crs }));
      continue;
    }
    const position = isRec(g.position) ? g.position : null;
    if (g.typ === 'linje' || position?.type === 'LineString') lines++;
    else if (position?.type === 'Polygon') polygons.push(position.coordinates);
    else if (position?.type === 'MultiPolygon') polygons.push(...arr(position.coordinates));
    else if (position) issues.push(issue(file, row, 'geometri', 'geometry.type', { value: String(position.type) }));
  }
  return { geometry: polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null, lines };
}

/** The plan's legal-force date: the earliest `datumLagakraft` of its decisions (later ones are amendments). */
const legalForce = (decisions: unknown): string | undefined =>
  arr(decisions)
    .flatMap((d) => (isRec(d) ? arr(d.datumLagakraft) : []))
    .filter((d): d is string => typeof d === 'string')
    .sort()[0];

/** A provision feature's value: its one `decimaltal` in `bestammelsevarde`, with the unit it must have. */
function valueOf(
  p: Rec,
  unit: string,
  code: string,
  file: string,
  row: number,
  issues: ImportIssue[],
): number | undefined {
  const numbers = arr(p.bestammelsevarde).filter((v): v is Rec => isRec(v) && v.datatyp === 'decimaltal');
  if (numbers.length !== 1) {
    issues.push(issue(file, row, 'bestammelsevarde', 'plan.value', { value: code }));
    return undefined;
  }
  const v = numbers[0]!;
  if (v.enhet !== unit) {
    issues.push(
      issue(file, row, 'bestammelsevarde.enhet', 'plan.unit', {
        value: code,
        unit: String(v.enhet ?? '—'),
        expected: unit,
      }),
    );
    return undefined;
  }
  const n = Number(String(v.variabelvarde ?? '').replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0) {
    issues.push(issue(file, row, 'bestammelsevarde', 'plan.value', { value: code }));
    return undefined;
  }
  return n;
}

/** One provision feature in the flat provision shape `convertPlanFeatures` reads. */
function provisionOf(p: Rec, file: string, row: number, issues: ImportIssue[], warnings: ImportIssue[]): Rec {
  const reference = str(p.planbestammelsekatalogreferens);
  const wording = str(p.bestammelseformulering);
  const typ = str(p['feature:typ']) ?? '';
  const entry = reference ? CATALOGUE_BY_UUID.get(reference) : undefined;
  if (entry?.kind === 'use:B')
    return { bestammelsetyp: typ, beteckning: 'B', bestammelseformulering: wording ?? entry.wording };
  if (entry) {
    const varde = valueOf(p, UNIT_OF[entry.kind as keyof typeof UNIT_OF], entry.code, file, row, issues);
    return {
      bestammelsetyp: typ,
      bestammelsekod: entry.code,
      bestammelseformulering: wording ?? entry.wording,
      ...(varde === undefined ? {} : { varde }),
    };
  }
  // Not in Lovisa's table: recognised by its wording when that says plainly what it is (prickmark, korsmark),
  // always with a warning naming the reference; otherwise text. Never a limit read from an unknown entry.
  const value = reference ?? '—';
  const byWording = wording ? provisionKind({ bestammelseformulering: wording }) : null;
  if (byWording === 'prickmark' || byWording === 'korsmark') {
    warnings.push(issue(file, row, 'planbestammelsekatalogreferens', 'plan.byWording', { value, kind: byWording }));
    return { bestammelsetyp: typ, bestammelseformulering: wording };
  }
  warnings.push(
    issue(file, row, 'planbestammelsekatalogreferens', 'plan.unknownReference', { value, text: wording ?? '' }),
  );
  return {
    bestammelsetyp: typ,
    ...(reference ? { bestammelsekod: reference } : {}),
    bestammelseformulering: wording ?? value,
    asText: true,
  };
}

/**
 * Converts a detailed-plan file in Lantmäteriet's national format (Detaljplan 4.1: a FeatureCollection whose
 * `detaljplan` feature holds the plan and whose `användningsbestämmelse`/`egenskapsbestämmelse` features each hold
 * one provision with its catalogue UUID, wording, values and geometries) to Lovisa's plans. Rows are the
 * features' positions, counting from 1. Plans not in force (status other than "laga kraft") are left out with a
 * warning, together with their provisions.
 */
export function convertNgpPlans(json: string, file = 'detaljplan.json'): PlanConversion {
  const read = readFeatureCollection(json, file);
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const notInForce = new Set<string>();
  for (const f of read.features) {
    const p = f.properties;
    if (p['feature:typ'] === 'detaljplan' && p.status !== 'laga kraft') {
      notInForce.add(String(p.objektidentitet));
      warnings.push(issue(file, f.index, 'status', 'plan.notInForce', { value: String(p.status ?? '—') }));
    }
  }
  const features: InputFeature[] = [];
  for (const f of read.features) {
    const p = f.properties;
    const typ = str(p['feature:typ']) ?? '';
    if (typ === 'detaljplan') {
      if (notInForce.has(String(p.objektidentitet))) continue;
      const { geometry } = geometryOf(p.plangeometri, file, f.index, issues);
      features.push({
        index: f.index,
        geometry,
        properties: {
          objekttyp: 'planomrade',
          planId: p.objektidentitet,
          plannummer: p.beteckning,
          namn: p.namn,
          lagakraftdatum: legalForce(p.beslutsinformation),
        },
      });
    } else if (typ.endsWith('bestämmelse')) {
      if (notInForce.has(String(p.detaljplan))) continue;
      const { geometry, lines } = geometryOf(p.bestammelsegeometri, file, f.index, issues);
      const provision = provisionOf(p, file, f.index, issues, warnings);
      if (!geometry && lines > 0) {
        // A line provision has no area to judge; it is listed with the plan so the officer still sees it.
        warnings.push(
          issue(file, f.index, 'bestammelsegeometri', 'plan.lineProvision', {
            value: String(provision.bestammelseformulering),
          }),
        );
        continue;
      }
      features.push({
        index: f.index,
        geometry,
        properties: { objekttyp: 'bestammelseyta', planId: p.detaljplan, bestammelser: [provision] },
      });
    } else {
      issues.push(issue(file, f.index, 'feature:typ', 'plan.ngpType', { value: typ }));
    }
  }
  return convertPlanFeatures({ features, issues: read.issues }, file, { issues, warnings });
}

/** Reads a plans file in either shape: Lantmäteriet's national format (by its media type) or Lovisa's GeoJSON. */
export function convertPlanFile(text: string, file: string): PlanConversion {
  let mediatype: unknown;
  try {
    mediatype = (JSON.parse(text.replace(/^\uFEFF/, '')) as Rec)['feature:mediatyp'];
  } catch {
    mediatype = undefined; // convertPlans reports the parse error
  }
  if (mediatype !== undefined && mediatype !== NGP_DETALJPLAN_MEDIATYPE)
    return {
      plans: [],
      warnings: [],
      issues: [issue(file, null, 'feature:mediatyp', 'plan.mediatype', { value: String(mediatype) })],
    };
  return mediatype === NGP_DETALJPLAN_MEDIATYPE ? convertNgpPlans(text, file) : convertPlans(text, file);
}
