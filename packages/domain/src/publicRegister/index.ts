import { z } from 'zod';
import { bbox, bboxCenter, type MultiPolygon, type Polygon, type Position } from '@lovisa/geo';
import { BasemapFeatureSchema, type BasemapFeature } from '../basemap';
import { MultiPolygonSchema } from '../geometry';
import { MeasureTypeSchema, measureLabels, type MeasureType } from '../measure';
import { PublicAnnouncementSchema } from '../decision/notice';
import { ProcedureSchema, type CaseStatus, type DecisionOutcome, type Procedure } from '../case/schemas';

/**
 * The public register (issue #25): the building-permit cases anyone may see, on a map and in a list, with an
 * open read API. What may be published, and what never, is decided here and only here; the server's query
 * pre-selects the same rows in SQL (for paging) and every row still passes through `publicRegisterEntry`.
 * Policy and reasons: docs/security.md, "The public register".
 */

/**
 * Where a case stands, in the words the public register uses. The officers' intermediate states (awaiting
 * completion, proposed decision) are internal handling: publicly they are all "received".
 */
export const PublicStatusSchema = z.enum([
  'received',
  'granted',
  'refused',
  'dismissed',
  'startApproval',
  'startApprovalRefused',
  'withdrawn',
]);
export type PublicStatus = z.infer<typeof PublicStatusSchema>;

export const publicStatusLabels: Record<PublicStatus, { sv: string; en: string }> = {
  received: { sv: 'Inkommen – under handläggning', en: 'Received – being handled' },
  granted: { sv: 'Bygglov beviljat', en: 'Permit granted' },
  refused: { sv: 'Bygglov avslaget', en: 'Permit refused' },
  dismissed: { sv: 'Ansökan avvisad', en: 'Application dismissed' },
  startApproval: { sv: 'Startbesked givet', en: 'Start approval given' },
  startApprovalRefused: { sv: 'Startbesked vägrat', en: 'Start approval refused' },
  withdrawn: { sv: 'Återkallad', en: 'Withdrawn' },
};

export const procedureLabels: Record<Procedure, { sv: string; en: string }> = {
  permit: { sv: 'Bygglov', en: 'Building permit' },
  notification: { sv: 'Anmälan', en: 'Notification' },
};

/**
 * The municipality's choice. `publishDiary`: list the entries of the diary that no announcement makes public —
 * applications still in handling, refusals, dismissals, start approvals, withdrawals. They are public records
 * (allmänna handlingar, offentlighetsprincipen) from the day they arrive, so the default is on; a municipality
 * that only wants the announced decisions online turns it off (PUBLIC_REGISTER_DIARY=false).
 */
export interface PublicRegisterPolicy {
  publishDiary: boolean;
}
export const defaultPublicRegisterPolicy: PublicRegisterPolicy = { publishDiary: true };

/** What the rule reads of a case. No name, no personnummer, no address: they are not even offered to it. */
export interface RegisterCase {
  id: string;
  diaryNumber: string;
  propertyDesignation: string;
  measure: MeasureType;
  procedure: Procedure;
  status: CaseStatus;
  outcome: DecisionOutcome | null;
  receivedOn: string;
  decidedOn: string | null;
  /** The day the decision's kungörelse went up (anslagstavla or PoIT); null when none was made. */
  announcedOn: string | null;
  startApprovedOn: string | null;
  /** The buildings applied for, as drawn (EPSG:3006). */
  footprints: Polygon[];
  /**
   * The applicant, or an owner of the property, has a protected identity (skyddad identitet) — as the
   * population register answers now, not only as it answered when the case arrived.
   */
  protectedParty: boolean;
}

/** The public words for a case's state. */
export function publicStatusOf(c: Pick<RegisterCase, 'status' | 'outcome' | 'procedure'>): PublicStatus {
  if (c.status === 'withdrawn') return 'withdrawn';
  if (c.status !== 'decided') return 'received';
  switch (c.outcome) {
    case 'approved':
      return c.procedure === 'notification' ? 'startApproval' : 'granted';
    case 'startApproval':
      return 'startApproval';
    case 'refused':
      return c.procedure === 'notification' ? 'startApprovalRefused' : 'refused';
    case 'dismissed':
      return 'dismissed';
    default:
      // A decided case always has an outcome; one without is shown as still in handling rather than guessed at.
      return 'received';
  }
}

export type PublicationReason = 'announced' | 'diary' | 'protectedIdentity' | 'notAnnounced';

/**
 * The announcement rule: whether a case is listed, and why.
 *
 * - A party with a protected identity: the case is **left out entirely**. Its property designation is where the
 *   person lives (or owns land), and a listing with the designation and map point blanked out would itself stand
 *   out as "someone protected lives in Kjellstavik and applied on this day" — the protection must not be revealed
 *   to others (DOMAIN.md §4). The statutory announcement of a granted permit is the anslagstavla's, not this
 *   register's: the register is a voluntary service and can stay silent.
 * - A decision announced on or before `today`: listed (the kungörelse has made it public already).
 * - Everything else (in handling, refused, dismissed, withdrawn, start approvals, an announcement still to come):
 *   listed only where the municipality publishes its diary.
 */
export function publication(
  c: Pick<RegisterCase, 'protectedParty' | 'announcedOn'>,
  policy: PublicRegisterPolicy,
  today: string,
): { listed: boolean; reason: PublicationReason } {
  if (c.protectedParty) return { listed: false, reason: 'protectedIdentity' };
  if (c.announcedOn !== null && c.announcedOn <= today) return { listed: true, reason: 'announced' };
  if (policy.publishDiary) return { listed: true, reason: 'diary' };
  return { listed: false, reason: 'notAnnounced' };
}

const SwerefPointSchema = z.tuple([z.number(), z.number()]).describe('SWEREF 99 TM (EPSG:3006): easting, northing');
const Wgs84PointSchema = z.tuple([z.number(), z.number()]).describe('WGS84 (EPSG:4326): longitude, latitude');

/**
 * One case in the public register. Deliberately without any field for a person: no applicant, no owner, no
 * address, no description in the applicant's own words (free text may name anyone), no officer.
 */
export const PublicRegisterEntrySchema = PublicAnnouncementSchema.pick({
  id: true,
  diaryNumber: true,
  propertyDesignation: true,
  measure: true,
  measureLabel: true,
}).extend({
  procedure: ProcedureSchema,
  status: PublicStatusSchema,
  statusLabel: z.object({ sv: z.string(), en: z.string() }),
  receivedOn: z.iso.date(),
  decidedOn: z.iso.date().nullable(),
  announcedOn: z.iso.date().nullable(),
  startApprovedOn: z.iso.date().nullable(),
  /** The middle of the buildings applied for; null when none was drawn. */
  location: z.object({ sweref99tm: SwerefPointSchema, wgs84: Wgs84PointSchema }).nullable(),
  /** The buildings applied for, as drawn (EPSG:3006); null when none was drawn. */
  footprint: MultiPolygonSchema.nullable(),
});
export type PublicRegisterEntry = z.infer<typeof PublicRegisterEntrySchema>;

/** Centimetres in SWEREF 99 TM, 7 decimals (≈ 1 cm) in WGS84: no false precision, the same bytes every time. */
const cm = (v: number) => Math.round(v * 100) / 100;
const deg = (v: number) => Math.round(v * 1e7) / 1e7;

/** The entry of a case, or null when the announcement rule leaves it out. `toWgs84` is geo's projection. */
export function publicRegisterEntry(
  c: RegisterCase,
  policy: PublicRegisterPolicy,
  today: string,
  toWgs84: (p: Position) => [number, number],
): PublicRegisterEntry | null {
  if (!publication(c, policy, today).listed) return null;
  const status = publicStatusOf(c);
  const footprint: MultiPolygon | null =
    c.footprints.length > 0
      ? {
          type: 'MultiPolygon',
          coordinates: c.footprints.map((p) => p.coordinates.map((r) => r.map(([e, n]) => [cm(e!), cm(n!)]))),
        }
      : null;
  const centre = footprint ? bboxCenter(bbox(footprint)) : null;
  const [lon, lat] = centre ? toWgs84(centre) : [0, 0];
  return {
    id: c.id,
    diaryNumber: c.diaryNumber,
    propertyDesignation: c.propertyDesignation,
    measure: c.measure,
    measureLabel: measureLabels[c.measure],
    procedure: c.procedure,
    status,
    statusLabel: publicStatusLabels[status],
    receivedOn: c.receivedOn,
    decidedOn: c.status === 'decided' ? c.decidedOn : null,
    announcedOn: c.announcedOn !== null && c.announcedOn <= today ? c.announcedOn : null,
    startApprovedOn: c.startApprovedOn,
    location: centre ? { sweref99tm: [cm(centre[0]), cm(centre[1])], wgs84: [deg(lon), deg(lat)] } : null,
    footprint,
  };
}

const dateFilter = z.iso.date();

/** The register's filters and paging, shared by the list and the GeoJSON feed (which takes bigger pages). */
function registerQuery(maxLimit: number, defaultLimit: number) {
  return z
    .object({
      page: z.coerce.number().int().min(1).max(10_000).default(1),
      limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
      status: PublicStatusSchema.optional(),
      measure: MeasureTypeSchema.optional(),
      procedure: ProcedureSchema.optional(),
      receivedFrom: dateFilter.optional(),
      receivedTo: dateFilter.optional(),
      decidedFrom: dateFilter.optional(),
      decidedTo: dateFilter.optional(),
    })
    .strict()
    .refine((q) => !q.receivedFrom || !q.receivedTo || q.receivedFrom <= q.receivedTo, {
      message: 'receivedFrom must not be after receivedTo',
      path: ['receivedTo'],
    })
    .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, {
      message: 'decidedFrom must not be after decidedTo',
      path: ['decidedTo'],
    });
}
export const PublicRegisterQuerySchema = registerQuery(100, 25);
export type PublicRegisterQuery = z.infer<typeof PublicRegisterQuerySchema>;
export const PublicRegisterFeedQuerySchema = registerQuery(1000, 1000);

/** A page of the register, newest received first (the diary number breaks ties: a stable order). */
export const PublicRegisterPageSchema = z.object({
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  items: z.array(PublicRegisterEntrySchema),
});
export type PublicRegisterPage = z.infer<typeof PublicRegisterPageSchema>;

// RFC 7946: WGS84 longitude, latitude; no `crs` member.
const LonLatSchema = z.tuple([z.number(), z.number()]);
const GeoJsonGeometrySchema = z.union([
  z.object({ type: z.literal('Point'), coordinates: LonLatSchema }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(LonLatSchema))) }),
]);

const FeaturePropertiesSchema = PublicRegisterEntrySchema.omit({ location: true, footprint: true });

export const PublicRegisterFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.uuid(),
  geometry: GeoJsonGeometrySchema.nullable(),
  properties: FeaturePropertiesSchema,
});

export const PublicRegisterFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(PublicRegisterFeatureSchema),
  /** Foreign members (RFC 7946 §6.1): which page of the feed this is, and how many entries there are in all. */
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
export type PublicRegisterFeatureCollection = z.infer<typeof PublicRegisterFeatureCollectionSchema>;

/**
 * An entry as an RFC 7946 Feature in WGS84: the drawn buildings when there are any (the footprint the map shows),
 * else no geometry. Coordinates to 7 decimals (≈ 1 cm).
 */
export function registerFeature(
  e: PublicRegisterEntry,
  toWgs84: (p: Position) => [number, number],
): z.infer<typeof PublicRegisterFeatureSchema> {
  const { location: _location, footprint, ...properties } = e;
  return {
    type: 'Feature',
    id: e.id,
    geometry: footprint
      ? {
          type: 'MultiPolygon',
          coordinates: footprint.coordinates.map((poly) =>
            poly.map((ring) =>
              ring.map((p) => {
                const [lon, lat] = toWgs84(p);
                return [deg(lon), deg(lat)] as [number, number];
              }),
            ),
          ),
        }
      : null,
    properties,
  };
}

/**
 * The offline basemap as the public map draws it: streets, water and parks as they are, buildings as shapes only.
 * A building's property id, use and legal basis stay behind the login (they tie a shed to a plot, and the plot to
 * its owner).
 */
export const PublicBasemapFeatureSchema = z.union([
  BasemapFeatureSchema.options[0],
  BasemapFeatureSchema.options[1],
  BasemapFeatureSchema.options[2],
  z.object({
    type: z.literal('Feature'),
    properties: z.object({ kind: z.literal('building') }),
    geometry: BasemapFeatureSchema.options[3].shape.geometry,
  }),
]);
export type PublicBasemapFeature = z.infer<typeof PublicBasemapFeatureSchema>;
export const PublicBasemapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(PublicBasemapFeatureSchema),
});

export function publicBasemapFeatures(features: BasemapFeature[]): PublicBasemapFeature[] {
  return features.map((f) =>
    f.properties.kind === 'building'
      ? { type: 'Feature', properties: { kind: 'building' }, geometry: f.geometry as Polygon }
      : (f as PublicBasemapFeature),
  );
}
