import { z } from 'zod';
import { distanceToArea, polygonArea, type MultiPolygon, type Polygon, type Position } from '@lovisa/geo';
import { MeasureTypeSchema, measureLabels, type MeasureType } from '../measure';
import type { DomainMessageId } from '../messages/sv';
import type { DecisionDocument } from '../case/texts';

/**
 * A neighbour's consent under the 4.5 m rule (PBL 9 kap. 4 a–4 c §§), given with BankID and bound to the drawing:
 * the signature covers a canonical description of what was planned, so a later change that matters ends it.
 */

/**
 * How far any corner (or the footprint's centre) may move before the consent no longer covers the building.
 * A map drawing is redrawn by hand: a few decimetres of difference is the same shed; a metre is another place.
 */
export const CONSENT_MOVE_TOLERANCE_M = 0.3;
/** How much larger the total footprint may grow (fraction): 1 % absorbs rounding of a redrawn corner, no more. */
export const CONSENT_AREA_TOLERANCE = 0.01;
/**
 * How much closer to this neighbour's boundary the building may come. Closeness is what the neighbour consents to,
 * so the tolerance is only the drawing's centimetre noise; moving 0.2 m towards them is a new question.
 */
export const CONSENT_CLOSER_TOLERANCE_M = 0.1;
/** A higher ridge is never covered; only centimetre rounding is forgiven. */
export const CONSENT_HIGHER_TOLERANCE_M = 0.01;
/** How long an invitation runs: long enough for a neighbour on holiday, short enough that a drawing does not go stale. */
export const CONSENT_INVITATION_DAYS = 30;
/** The longest reason a neighbour may give for declining. */
export const CONSENT_REASON_MAX = 1000;

const Coordinate = z.tuple([z.number(), z.number()]);

/** What a neighbour consents to: the buildings in EPSG:3006 rounded to cm, their kind, area, ridge and distance. */
export const ConsentSubjectSchema = z.object({
  measure: MeasureTypeSchema,
  /** Exterior rings only, SWEREF 99 TM metres rounded to centimetres, in drawing order. */
  footprints: z.array(z.array(Coordinate)).min(1),
  areaM2: z.number(),
  ridgeHeightM: z.number().nullable(),
  /** The nearest distance from any of the buildings to this neighbour's boundary, m. */
  distanceM: z.number(),
});
export type ConsentSubject = z.infer<typeof ConsentSubjectSchema>;

const cm = (v: number) => Math.round(v * 100) / 100;

/** The subject from the drawing as the rules read it, for one neighbouring property. */
export function consentSubject(input: {
  measure: MeasureType;
  footprints: Polygon[];
  ridgeHeightM: number | null | undefined;
  neighbourBoundary: MultiPolygon;
}): ConsentSubject {
  const area = input.footprints.reduce((s, f) => s + polygonArea(f), 0);
  const distance = Math.min(...input.footprints.map((f) => distanceToArea(f, input.neighbourBoundary).distanceM));
  return {
    measure: input.measure,
    footprints: input.footprints.map((f) =>
      (f.coordinates[0] ?? []).map(([e, n]) => [cm(e!), cm(n!)] as [number, number]),
    ),
    areaM2: cm(area),
    ridgeHeightM: input.ridgeHeightM == null ? null : cm(input.ridgeHeightM),
    distanceM: cm(distance),
  };
}

/** JSON with keys in sorted order at every level and no whitespace: the same string in the browser and on the server. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: not a finite number');
  return JSON.stringify(value);
}

/** The string a consent's signature covers (the server hashes it with SHA-256): the subject and the answer. */
export function consentCanonical(subject: ConsentSubject, neighbourPropertyId: string, answer: 'consented'): string {
  return canonicalJson({ v: 1, neighbourPropertyId, answer, subject: ConsentSubjectSchema.parse(subject) });
}

export const ConsentLapseReasonSchema = z.enum(['otherMeasure', 'reshaped', 'moved', 'enlarged', 'higher', 'closer']);
export type ConsentLapseReason = z.infer<typeof ConsentLapseReasonSchema>;

export type ConsentStatus = { status: 'valid' } | { status: 'lapsed'; reasons: ConsentLapseReason[] };

const dist = (a: Position, b: Position) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
const centre = (ring: Position[]): Position => {
  const pts = ring.length > 1 && dist(ring[0]!, ring[ring.length - 1]!) === 0 ? ring.slice(0, -1) : ring;
  return [pts.reduce((s, p) => s + p[0]!, 0) / pts.length, pts.reduce((s, p) => s + p[1]!, 0) / pts.length];
};

/** Whether every building and corner is where it was, within the tolerance; null when they cannot be compared. */
function movedBeyond(signed: ConsentSubject['footprints'], current: ConsentSubject['footprints']): boolean | null {
  if (signed.length !== current.length) return null;
  for (const [i, ring] of signed.entries()) {
    const now = current[i]!;
    if (now.length !== ring.length) return null;
    if (dist(centre(ring), centre(now)) > CONSENT_MOVE_TOLERANCE_M) return true;
    if (ring.some((p, j) => dist(p, now[j]!) > CONSENT_MOVE_TOLERANCE_M)) return true;
  }
  return false;
}

/** Does what was signed still cover what is drawn now? Each reason it does not, in a fixed order. */
export function consentStatus(signed: ConsentSubject, current: ConsentSubject): ConsentStatus {
  const reasons: ConsentLapseReason[] = [];
  if (signed.measure !== current.measure) reasons.push('otherMeasure');
  const moved = movedBeyond(signed.footprints, current.footprints);
  if (moved === null) reasons.push('reshaped');
  else if (moved) reasons.push('moved');
  if (current.areaM2 > signed.areaM2 * (1 + CONSENT_AREA_TOLERANCE)) reasons.push('enlarged');
  if ((current.ridgeHeightM ?? 0) > (signed.ridgeHeightM ?? Infinity) + CONSENT_HIGHER_TOLERANCE_M)
    reasons.push('higher');
  if (current.distanceM < signed.distanceM - CONSENT_CLOSER_TOLERANCE_M) reasons.push('closer');
  return reasons.length ? { status: 'lapsed', reasons } : { status: 'valid' };
}

/**
 * A property's consent counts only when every registered owner has a consent that still covers the drawing
 * (co-owners each sign). No owners known means no consent.
 */
export function propertyConsented(
  owners: readonly string[],
  consents: readonly { personnummer: string; subject: ConsentSubject }[],
  current: ConsentSubject,
): boolean {
  if (owners.length === 0) return false;
  return owners.every((o) =>
    consents.some((c) => c.personnummer === o && consentStatus(c.subject, current).status === 'valid'),
  );
}

/** "Jag medger att ett förråd om 12 m² på Kjellstavik Björken 2:6 byggs 2 m från gränsen mot min fastighet …". */
export function consentSignText(input: {
  siteDesignation: string;
  neighbourDesignation: string;
  subject: ConsentSubject;
}): string {
  const n = (v: number) => String(v).replace('.', ',');
  const what = measureLabels[input.subject.measure].sv.replace(/\s*\(.*\)$/, '').toLowerCase();
  return (
    `Jag medger att ${what} om ${n(input.subject.areaM2)} m² på ${input.siteDesignation} byggs ` +
    `${n(input.subject.distanceM)} m från gränsen mot min fastighet ${input.neighbourDesignation}, ` +
    `så som den visas på kartan och i situationsplanen.`
  );
}

// --- The API's shapes -------------------------------------------------------------------------------------------

export const ConsentInviteInputSchema = z.object({ neighbourPropertyId: z.uuid() });

/** One owner's place in an invitation, as the applicant sees it; a protected identity has no name. */
export const ConsentOwnerStatusSchema = z.object({
  /** Null for a protected identity: shown as "Skyddad identitet". */
  name: z.string().nullable(),
  state: z.enum(['invited', 'consented', 'declined']),
  reason: z.string().nullable(),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
  /** What a consent covered, for the browser to compare with the drawing as it changes. */
  subject: ConsentSubjectSchema.nullable(),
});
export type ConsentOwnerStatus = z.infer<typeof ConsentOwnerStatusSchema>;

export const ConsentInvitationSchema = z.object({
  id: z.uuid(),
  neighbourPropertyId: z.uuid(),
  designation: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  owners: z.array(ConsentOwnerStatusSchema),
});
export type ConsentInvitation = z.infer<typeof ConsentInvitationSchema>;

/** Given once, when the invitation is made: the code is stored only as its hash. */
export const ConsentInvitationCreatedSchema = z.object({
  invitation: ConsentInvitationSchema,
  code: z.string(),
  /** The page the neighbour opens, relative to the site's address. */
  path: z.string(),
});

/** What the invited neighbour sees: the drawing, their boundary, the distance; never the applicant's personnummer. */
export const ConsentRequestViewSchema = z.object({
  applicantName: z.string(),
  siteDesignation: z.string(),
  neighbourDesignation: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  subject: ConsentSubjectSchema,
  siteBoundary: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Coordinate))) }),
  neighbourBoundary: z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(z.array(Coordinate))),
  }),
  signText: z.string(),
  /** This owner's answer so far. */
  answer: z.enum(['consented', 'declined']).nullable(),
});
export type ConsentRequestView = z.infer<typeof ConsentRequestViewSchema>;

export const ConsentDeclineInputSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'consent.reasonRequired' satisfies DomainMessageId)
    .max(CONSENT_REASON_MAX, 'consent.reasonTooLong' satisfies DomainMessageId),
});

export const ConsentCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

/** An invitation as the applicant's browser has it covers the drawing when every owner consented to what is drawn. */
export function invitationCovers(
  invitation: Pick<ConsentInvitation, 'owners'>,
  current: ConsentSubject | null,
): boolean {
  return (
    current !== null &&
    invitation.owners.length > 0 &&
    invitation.owners.every(
      (o) => o.state === 'consented' && o.subject !== null && consentStatus(o.subject, current).status === 'valid',
    )
  );
}

/** The GRAM document a signed consent becomes on submission: who consented to what, when, and the hash signed. */
export function consentDocument(input: {
  siteDesignation: string;
  neighbourDesignation: string;
  subject: ConsentSubject;
  signers: { name: string | null; signedAt: string; subjectHash: string }[];
}): DecisionDocument {
  const n = (v: number) => String(v).replace('.', ',');
  return {
    title: 'Grannemedgivande',
    subtitle: `Från ägarna till ${input.neighbourDesignation}, för en åtgärd på ${input.siteDesignation}`,
    facts: [
      ['Fastighet där byggnaden uppförs', input.siteDesignation],
      ['Grannfastighet', input.neighbourDesignation],
      ['Åtgärd', measureLabels[input.subject.measure].sv],
      ['Area', `${n(input.subject.areaM2)} m²`],
      ['Nockhöjd', input.subject.ridgeHeightM === null ? 'ej angiven' : `${n(input.subject.ridgeHeightM)} m`],
      ['Avstånd till gränsen', `${n(input.subject.distanceM)} m`],
    ],
    sections: [
      {
        heading: 'Medgivande',
        paragraphs: [
          consentSignText(input),
          'Medgivandet är underskrivet med BankID och gäller byggnaden så som den ritades i ansökan. Underskriften omfattar en SHA-256-kontrollsumma av ritningen (koordinater i SWEREF 99 TM), åtgärden, arean, nockhöjden och avståndet.',
        ],
      },
      {
        heading: 'Underskrifter',
        paragraphs: input.signers.map(
          (s) => `${s.name ?? 'Skyddad identitet'}, underskrivet ${s.signedAt}. Kontrollsumma ${s.subjectHash}.`,
        ),
      },
    ],
    signature: ['Dokumentet är skapat av Lovisa när ansökan skickades in.'],
  };
}

/** The neighbouring properties whose invitations cover the drawing as it is now: the rules count them as consented. */
export function coveredNeighbours(
  invitations: readonly Pick<ConsentInvitation, 'neighbourPropertyId' | 'owners'>[],
  drawing: {
    measure?: MeasureType | undefined;
    footprints: { geometry: Polygon }[];
    ridgeHeightM?: number | undefined;
  },
  neighbours: readonly { id: string; boundary: MultiPolygon }[],
): { propertyId: string }[] {
  if (!drawing.measure || drawing.footprints.length === 0) return [];
  return invitations.flatMap((inv) => {
    const n = neighbours.find((x) => x.id === inv.neighbourPropertyId);
    if (!n) return [];
    const current = consentSubject({
      measure: drawing.measure!,
      footprints: drawing.footprints.map((f) => f.geometry),
      ridgeHeightM: drawing.ridgeHeightM,
      neighbourBoundary: n.boundary,
    });
    return invitationCovers(inv, current) ? [{ propertyId: n.id }] : [];
  });
}
