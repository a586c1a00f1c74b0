import { z } from 'zod';
import { distanceToArea, type MultiPolygon } from '@lovisa/geo';
import { PersonnummerSchema } from '../personnummer';
import { AddressSchema, fullName, type Person } from '../person';

/**
 * Boundaries this close are adjoining (surveyed boundaries of neighbouring plots coincide); the land register
 * uses the same tolerance for its neighbour list.
 */
export const ADJOINING_TOLERANCE_M = 1;

/**
 * How far from the site a property's owners are still heard when nothing else is configured: far enough to
 * reach across an ordinary residential street (Kjellstavik's are 10–11 m between plots), not to the next row.
 * PBL names no distance; who is "berörd" is the municipality's judgement, so this is a setting, not a rule value.
 */
export const DEFAULT_SAKAGARE_DISTANCE_M = 15;

/** How a letter reaches an owner: by post to the registered address, or through Skatteverket's forwarding. */
export const SakagareDeliverySchema = z.enum(['post', 'forwarding']);
export type SakagareDelivery = z.infer<typeof SakagareDeliverySchema>;

/**
 * One owner who is a sakägare. A protected identity has neither name nor address here: the letter goes through
 * the population register's forwarding path and every screen says "Skyddad identitet".
 */
export const SakagareOwnerSchema = z.object({
  personnummer: PersonnummerSchema,
  name: z.string().nullable(),
  address: AddressSchema.nullable(),
  protectedIdentity: z.boolean(),
  /** Registered share of the property, e.g. "1/2". */
  share: z.string(),
  /** What makes them a sakägare: ownership (lagfart) or a site leasehold (tomträtt) on the property. */
  holds: z.enum(['ownership', 'siteLeasehold']),
  delivery: SakagareDeliverySchema,
});
export type SakagareOwner = z.infer<typeof SakagareOwnerSchema>;

export const SakagarePropertySchema = z.object({
  propertyId: z.uuid(),
  designation: z.string(),
  address: z.string().nullable(),
  /** `adjoining`: shares a boundary with the site; `nearby`: within the configured distance (across a street). */
  relation: z.enum(['adjoining', 'nearby']),
  /** Boundary to boundary, metres, one decimal. */
  distanceM: z.number().nonnegative(),
  /** Every owner counts (co-owners are each a sakägare), and every holder of a site leasehold on it. */
  owners: z.array(SakagareOwnerSchema),
});
export type SakagareProperty = z.infer<typeof SakagarePropertySchema>;

export interface SakagareCandidate {
  property: { id: string; designation: string; address?: string | null; boundary: MultiPolygon };
  /** From the land register's title records (lagfart), with the population register's person; null if unknown there. */
  owners: { personnummer: string; share: string; person: Person | null; holds?: 'ownership' | 'siteLeasehold' }[];
}

export interface SakagareInput {
  site: { id: string; boundary: MultiPolygon };
  candidates: SakagareCandidate[];
  /** The applicants: never their own sakägare (the owner of the site who applies, or of a plot next to it). */
  applicants: string[];
  distanceM: number;
}

/** Boundary-to-boundary distance between two properties (0 when they touch), planar EPSG:3006. */
export function propertyGap(a: MultiPolygon, b: MultiPolygon): number {
  let best = Infinity;
  for (const coordinates of a.coordinates) {
    best = Math.min(best, distanceToArea({ type: 'Polygon', coordinates }, b).distanceM);
    if (best === 0) break;
  }
  return best;
}

function toOwner(o: SakagareCandidate['owners'][number]): SakagareOwner {
  const hidden = !o.person || o.person.protectedIdentity;
  return {
    personnummer: o.personnummer,
    name: o.person && !o.person.protectedIdentity ? fullName(o.person) : null,
    // Protected or unknown: no address leaves this function, so no screen can show one.
    address: hidden ? null : o.person!.address,
    protectedIdentity: o.person?.protectedIdentity ?? false,
    share: o.share,
    holds: o.holds ?? 'ownership',
    delivery: hidden || !o.person!.address ? 'forwarding' : 'post',
  };
}

/**
 * Who are the sakägare of a measure on `site` (PBL 9 kap. 25 §: owners and site-leaseholders of properties adjoining it, and others
 * the municipality judges concerned — here, within `distanceM`). Designation order; a property whose owners are
 * all applicants is left out.
 */
export function selectSakagare(input: SakagareInput): SakagareProperty[] {
  const applicants = new Set(input.applicants);
  const found: SakagareProperty[] = [];
  for (const candidate of input.candidates) {
    if (candidate.property.id === input.site.id) continue;
    const gap = propertyGap(input.site.boundary, candidate.property.boundary);
    if (gap > Math.max(input.distanceM, ADJOINING_TOLERANCE_M)) continue;
    const owners = candidate.owners.filter((o) => !applicants.has(o.personnummer)).map(toOwner);
    if (owners.length === 0) continue;
    found.push({
      propertyId: candidate.property.id,
      designation: candidate.property.designation,
      address: candidate.property.address ?? null,
      relation: gap <= ADJOINING_TOLERANCE_M ? 'adjoining' : 'nearby',
      distanceM: Math.round(gap * 10) / 10,
      owners,
    });
  }
  return found.sort((x, y) => x.designation.localeCompare(y.designation, 'sv'));
}
