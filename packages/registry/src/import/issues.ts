import type { z } from 'zod';
import { fillMessage, type MessageParams } from '@lovisa/domain';

/**
 * The importer's texts by id, Swedish first and English second. The importer is an operator's command-line tool,
 * not a face of the service, so its catalogue lives beside it rather than in the domain's.
 */
const sv = {
  'file.unreadable': 'filen kan inte läsas ({reason})',
  'file.notJson': 'filen är inte giltig JSON ({reason})',
  'file.notFeatureCollection': 'filen ska vara en GeoJSON FeatureCollection',
  'file.empty': 'filen innehåller inga rader',
  'csv.header': 'rubrikraden saknar kolumnen {column}',
  'csv.columns': 'raden har {count} kolumner men rubrikraden {expected}',
  'csv.quote': 'ett citattecken stängs aldrig',
  'field.missing': '{field} saknas',
  'field.invalid': '{field} är ogiltigt: {reason}',
  'email.missing': 'e-postadressen saknas',
  'email.invalid': 'e-postadressen ”{value}” är inte giltig',
  'personnummer.invalid': 'personnumret är inte giltigt (kontrollsiffran eller datumet stämmer inte)',
  'personnummer.duplicate': 'personnumret finns redan på rad {row}',
  'role.unknown': 'rollen ”{value}” finns inte; använd handläggare eller gruppchef',
  'team.unknown': 'enheten ”{value}” finns inte i teams.csv',
  'team.duplicate': 'enhets-id ”{value}” finns redan på rad {row}',
  'team.id': 'enhets-id ”{value}” får bara innehålla a–z, 0–9 och bindestreck',
  'crs.unsupported': 'koordinatsystemet {value} stöds inte; exportera i SWEREF 99 TM (EPSG:3006)',
  'coordinates.notSweref':
    'koordinaterna ({e}, {n}) ligger inte i Sverige i SWEREF 99 TM; är de i WGS84 eller har axlarna bytt plats?',
  'geometry.type': 'geometrin ska vara Polygon eller MultiPolygon, inte {value}',
  'geometry.invalid': 'geometrin är ogiltig ({reason})',
  'property.designation':
    'fastighetsbeteckning saknas (ange fastighetsbeteckning eller registeromrade, trakt, block och enhet)',
  'property.areaConflict': 'omradesnummer {value} finns redan för samma fastighet (objekt {row})',
  'property.designationConflict': 'samma objektidentitet har en annan beteckning i objekt {row}',
  'property.duplicateDesignation': 'beteckningen finns redan för en annan fastighet (objekt {row})',
  'gpkg.notGeoPackage': 'filen är ingen GeoPackage ({reason})',
  'gpkg.layers': 'filen ska ha ett lager med geometrier, inte flera ({layers}); välj ett med --properties-layer',
  'gpkg.noLayer': 'lagret ”{value}” finns inte; filen har {layers}',
  'building.status': 'byggnaden har objektstatus ”{value}” och läses inte',
  'building.legalBasis': 'laglig grund ”{value}” finns inte; använd bygglov, friggebod eller attefall',
  'building.unknownProperty': 'registerenheten {value} finns inte i fastighetsexporten',
  'building.noProperty': 'byggnaden ligger inte på någon fastighet i fastighetsexporten',
  'building.noBasis': '{value} byggnader saknar laglig grund och räknas som byggda med bygglov',
  'plan.objekttyp': 'objekttyp ska vara planomrade eller bestammelseyta, inte ”{value}”',
  'plan.unknownPlan': 'planen ”{value}” har inget planomrade i filen',
  'plan.noPlanomrade': 'filen har inget objekt med objekttyp planomrade',
  'plan.duplicate': 'planen ”{value}” finns redan (objekt {row})',
  'plan.value': 'bestämmelsen ”{value}” kräver ett numeriskt värde (varde)',
  'plan.unknownCode': 'okänd bestämmelse ”{value}” sparas som text; regelmotorn läser den inte',
  'plan.conflictingValues': '{provision} har olika värden i planen ({values}); den strängaste ({value}) används',
  'plan.unit': 'bestämmelsen ”{value}” har enheten {unit}; katalogen anger {expected}',
  'plan.byWording':
    'katalogreferensen {value} finns inte i Lovisas tabell; bestämmelsen läses som {kind} efter sin formulering',
  'plan.unknownReference':
    'katalogreferensen {value} (”{text}”) finns inte i Lovisas tabell; sparas som text, regelmotorn läser den inte',
  'plan.notInForce': 'planen har status ”{value}” och har inte vunnit laga kraft; den och dess bestämmelser läses inte',
  'plan.lineProvision': 'linjebestämmelsen ”{value}” läses inte; regelmotorn prövar bara bestämmelser med en yta',
  'plan.ngpType': 'feature:typ ska vara detaljplan eller en bestämmelse, inte ”{value}”',
  'plan.mediatype': 'feature:mediatyp {value} stöds inte; Lovisa läser application/vnd.lm.detaljplan.v4+json',
  'plan.duplicateFile': 'planen ”{value}” finns redan i {file}',
  'plan.noProperties': 'ingen fastighet ligger inom planen ”{value}”',
  'fixtures.invalid': 'resultatet godtas inte av tjänsten: {reason}',
} as const;

export type ImportMessageId = keyof typeof sv;

const en: Record<ImportMessageId, string> = {
  'file.unreadable': 'the file cannot be read ({reason})',
  'file.notJson': 'the file is not valid JSON ({reason})',
  'file.notFeatureCollection': 'the file must be a GeoJSON FeatureCollection',
  'file.empty': 'the file has no rows',
  'csv.header': 'the header row lacks the column {column}',
  'csv.columns': 'the row has {count} columns but the header {expected}',
  'csv.quote': 'a quotation mark is never closed',
  'field.missing': '{field} is missing',
  'field.invalid': '{field} is invalid: {reason}',
  'email.missing': 'the e-mail address is missing',
  'email.invalid': 'the e-mail address “{value}” is not valid',
  'personnummer.invalid': 'the personnummer is not valid (check digit or date)',
  'personnummer.duplicate': 'the personnummer is already on row {row}',
  'role.unknown': 'the role “{value}” does not exist; use handläggare or gruppchef',
  'team.unknown': 'the team “{value}” is not in teams.csv',
  'team.duplicate': 'the team id “{value}” is already on row {row}',
  'team.id': 'the team id “{value}” may hold only a–z, 0–9 and hyphens',
  'crs.unsupported': 'the coordinate system {value} is not supported; export in SWEREF 99 TM (EPSG:3006)',
  'coordinates.notSweref':
    'the coordinates ({e}, {n}) are not in Sweden in SWEREF 99 TM; are they WGS84, or are the axes swapped?',
  'geometry.type': 'the geometry must be a Polygon or MultiPolygon, not {value}',
  'geometry.invalid': 'the geometry is invalid ({reason})',
  'property.designation':
    'the property designation is missing (give fastighetsbeteckning, or registeromrade, trakt, block and enhet)',
  'property.areaConflict': 'omradesnummer {value} already exists for the same property (feature {row})',
  'property.designationConflict': 'the same objektidentitet has another designation in feature {row}',
  'property.duplicateDesignation': 'the designation already belongs to another property (feature {row})',
  'gpkg.notGeoPackage': 'the file is not a GeoPackage ({reason})',
  'gpkg.layers':
    'the file must have one layer with geometries, not several ({layers}); choose one with --properties-layer',
  'gpkg.noLayer': 'the layer “{value}” does not exist; the file has {layers}',
  'building.status': 'the building has the status “{value}” and is not read',
  'building.legalBasis': 'the legal basis “{value}” does not exist; use bygglov, friggebod or attefall',
  'building.unknownProperty': 'the register unit {value} is not in the property export',
  'building.noProperty': 'the building stands on no property in the property export',
  'building.noBasis': '{value} buildings have no legal basis and count as built with a permit',
  'plan.objekttyp': 'objekttyp must be planomrade or bestammelseyta, not “{value}”',
  'plan.unknownPlan': 'the plan “{value}” has no planomrade in the file',
  'plan.noPlanomrade': 'the file has no feature with objekttyp planomrade',
  'plan.duplicate': 'the plan “{value}” already exists (feature {row})',
  'plan.value': 'the provision “{value}” needs a numeric value (varde)',
  'plan.unknownCode': 'unknown provision “{value}” kept as text; the rules engine does not read it',
  'plan.conflictingValues': '{provision} has different values in the plan ({values}); the strictest ({value}) is used',
  'plan.unit': 'the provision “{value}” has the unit {unit}; the catalogue says {expected}',
  'plan.byWording':
    'the catalogue reference {value} is not in Lovisa’s table; the provision is read as {kind} from its wording',
  'plan.unknownReference':
    'the catalogue reference {value} (“{text}”) is not in Lovisa’s table; kept as text, the rules engine does not read it',
  'plan.notInForce': 'the plan has the status “{value}” and is not in force; it and its provisions are not read',
  'plan.lineProvision':
    'the line provision “{value}” is not read; the rules engine judges only provisions with an area',
  'plan.ngpType': 'feature:typ must be detaljplan or a provision, not “{value}”',
  'plan.mediatype': 'feature:mediatyp {value} is not supported; Lovisa reads application/vnd.lm.detaljplan.v4+json',
  'plan.duplicateFile': 'the plan “{value}” is already in {file}',
  'plan.noProperties': 'no property lies within the plan “{value}”',
  'fixtures.invalid': 'the service does not accept the result: {reason}',
};

/**
 * One problem in one input file. `row` is the 1-based line of a CSV file (the header is line 1) or the 1-based
 * position of a GeoJSON feature; null for the file as a whole.
 */
export interface ImportIssue {
  file: string;
  row: number | null;
  field: string | null;
  id: ImportMessageId;
  params: MessageParams;
  /** Swedish, then English. */
  message: string;
  messageEn: string;
}

export function issue(
  file: string,
  row: number | null,
  field: string | null,
  id: ImportMessageId,
  params: MessageParams = {},
): ImportIssue {
  return {
    file,
    row,
    field,
    id,
    params,
    message: fillMessage(sv[id], params, 'sv'),
    messageEn: fillMessage(en[id], params, 'en'),
  };
}

/** A feature's schema errors, one per field: "saknas" when the attribute is absent, else what is wrong with it. */
export function featureIssues(
  file: string,
  row: number,
  attributes: Record<string, unknown>,
  error: z.ZodError,
): ImportIssue[] {
  return error.issues.map((i) => {
    const field = String(i.path[0] ?? '');
    return attributes[field] === undefined
      ? issue(file, row, field, 'field.missing', { field })
      : issue(file, row, field, 'field.invalid', { field, reason: i.message });
  });
}

/** "staff.csv rad 4: e-postadressen saknas" — a CSV row is a rad, a GeoJSON feature an objekt. */
export function formatIssue(i: ImportIssue, lang: 'sv' | 'en' = 'sv'): string {
  const csv = i.file.toLowerCase().endsWith('.csv');
  const where =
    i.row === null
      ? ''
      : lang === 'sv'
        ? ` ${csv ? 'rad' : 'objekt'} ${i.row}`
        : ` ${csv ? 'row' : 'feature'} ${i.row}`;
  return `${i.file}${where}: ${lang === 'sv' ? i.message : i.messageEn}`;
}
