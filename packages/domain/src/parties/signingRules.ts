import { z } from 'zod';
import { PersonnummerSchema } from '../personnummer';
import { canonicalJson } from '../neighbours/consent';
import type { ApplicationSubmission } from '../application';

/**
 * Who applies (issue #20): who must sign a submission for a property, and who may act for whom. Pure: the
 * server passes the land register's owners, the company register's signing rules, the powers of attorney and
 * the signatures it holds; these functions say whether the submission is signed by everyone the law expects.
 */

/** Firmateckning: a signatory may sign alone, or a number of them must sign jointly ("två i förening"). */
export const SigningRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('alone') }),
  z.object({ kind: z.literal('jointly'), count: z.number().int().min(2).max(10) }),
]);
export type SigningRule = z.infer<typeof SigningRuleSchema>;

/** Organisationsnummer, 10 digits (NNNNNN-NNNN is written without the dash here). */
export const OrganisationNumberSchema = z.string().regex(/^\d{10}$/);

/** A registered owner of the property: a person, or an organisation that signs through its signatories. */
export const PropertyOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personnummer: PersonnummerSchema }),
  z.object({
    kind: z.literal('organisation'),
    orgnr: OrganisationNumberSchema,
    signatories: z.array(PersonnummerSchema).min(1),
    rule: SigningRuleSchema,
  }),
]);
export type PropertyOwner = z.infer<typeof PropertyOwnerSchema>;

/** What a power of attorney lets the agent do: everything on this property, or on this one case. */
export const PowerOfAttorneyScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('property'), propertyId: z.uuid() }),
  z.object({ kind: z.literal('case'), caseId: z.uuid() }),
]);
export type PowerOfAttorneyScope = z.infer<typeof PowerOfAttorneyScopeSchema>;

/** A power of attorney an owner signed with BankID: the agent, the scope, the last day it holds, any revocation. */
export const PowerOfAttorneySchema = z.object({
  id: z.uuid(),
  principal: PersonnummerSchema,
  agent: PersonnummerSchema,
  scope: PowerOfAttorneyScopeSchema,
  /** The last day (Stockholm, YYYY-MM-DD) on which it holds. */
  validUntil: z.iso.date(),
  revokedAt: z.iso.datetime().nullable(),
});
export type PowerOfAttorney = z.infer<typeof PowerOfAttorneySchema>;

/** One BankID signature on the submission: who signed and the hash of the version they were shown. */
export interface PartySignature {
  personnummer: string;
  submissionHash: string;
}

/** Where the signing happens: the version's hash, the property (and case, once there is one) and the day. */
export interface SigningContext {
  submissionHash: string;
  propertyId: string;
  caseId?: string | null;
  /** Stockholm date, YYYY-MM-DD. */
  today: string;
  powers: readonly PowerOfAttorney[];
  /** Owners (by ownerKey) whose consent on paper the officer has recorded and accepted. */
  paperConsents?: readonly string[];
}

export type PowerOfAttorneyState = 'valid' | 'revoked' | 'expired' | 'outOfScope';

/** Whether a power of attorney holds at all today, wherever: revoked (at once), past its last day, or valid. */
export function powerLifeState(
  power: Pick<PowerOfAttorney, 'revokedAt' | 'validUntil'>,
  today: string,
): Exclude<PowerOfAttorneyState, 'outOfScope'> {
  if (power.revokedAt) return 'revoked';
  if (power.validUntil < today) return 'expired';
  return 'valid';
}

/** Whether a power of attorney lets its agent act on this property (and case) today, and if not, why. */
export function powerOfAttorneyState(
  power: PowerOfAttorney,
  at: { propertyId: string; caseId?: string | null; today: string },
): PowerOfAttorneyState {
  const life = powerLifeState(power, at.today);
  if (life !== 'valid') return life;
  const inScope =
    power.scope.kind === 'property' ? power.scope.propertyId === at.propertyId : power.scope.caseId === at.caseId;
  return inScope ? 'valid' : 'outOfScope';
}

/** The agent's valid power from this principal here today, if any. */
export function validPowerFor(
  principal: string,
  agent: string,
  ctx: Pick<SigningContext, 'propertyId' | 'caseId' | 'today' | 'powers'>,
): PowerOfAttorney | null {
  return (
    ctx.powers.find(
      (p) => p.principal === principal && p.agent === agent && powerOfAttorneyState(p, ctx) === 'valid',
    ) ?? null
  );
}

/** The key an owner is known by: a person's personnummer or an organisation's number. */
export const ownerKey = (owner: PropertyOwner) => (owner.kind === 'person' ? owner.personnummer : owner.orgnr);

/** How many signatures an owner needs: a person one (theirs or an agent's), an organisation its rule's count. */
export const signaturesNeeded = (owner: PropertyOwner) =>
  owner.kind === 'person' ? 1 : owner.rule.kind === 'alone' ? 1 : owner.rule.count;

export type OwnerSigningState = 'signed' | 'paper' | 'missing';

export interface OwnerSigning {
  owner: string;
  kind: PropertyOwner['kind'];
  state: OwnerSigningState;
  /** The personnummer whose signatures on this version count for this owner, in signing order. */
  signedBy: string[];
  needed: number;
  /** Set when an agent signed for a person: the power of attorney it rests on. */
  viaPower?: string;
}

/** One owner: signed (enough valid signatures on this version), consented on paper, or still missing. */
function ownerSigning(owner: PropertyOwner, signatures: readonly PartySignature[], ctx: SigningContext): OwnerSigning {
  // A signature on another version (the application changed after it) does not count for this one.
  const onThis = signatures.filter((s) => s.submissionHash === ctx.submissionHash);
  const key = ownerKey(owner);
  const needed = signaturesNeeded(owner);
  const base = { owner: key, kind: owner.kind, needed };
  if (owner.kind === 'person') {
    if (onThis.some((s) => s.personnummer === owner.personnummer))
      return { ...base, state: 'signed', signedBy: [owner.personnummer] };
    for (const s of onThis) {
      const power = validPowerFor(owner.personnummer, s.personnummer, ctx);
      if (power) return { ...base, state: 'signed', signedBy: [s.personnummer], viaPower: power.id };
    }
  } else {
    const signers = [...new Set(onThis.map((s) => s.personnummer))].filter((p) => owner.signatories.includes(p));
    if (signers.length >= needed) return { ...base, state: 'signed', signedBy: signers };
    if (ctx.paperConsents?.includes(key)) return { ...base, state: 'paper', signedBy: signers };
    return { ...base, state: 'missing', signedBy: signers };
  }
  if (ctx.paperConsents?.includes(key)) return { ...base, state: 'paper', signedBy: [] };
  return { ...base, state: 'missing', signedBy: [] };
}

export interface SigningStatus {
  /** Every owner has signed this version (or consented on paper, accepted by the officer). */
  complete: boolean;
  owners: OwnerSigning[];
}

/**
 * Who must sign, and whether they have: a sole owner alone, every co-owner, an organisation by its
 * firmateckning, a person through an agent holding a valid, unrevoked power of attorney in scope. No owner
 * known means nobody can have signed for the property: never complete.
 */
export function signingStatus(
  owners: readonly PropertyOwner[],
  signatures: readonly PartySignature[],
  ctx: SigningContext,
): SigningStatus {
  const each = owners.map((o) => ownerSigning(o, signatures, ctx));
  return { complete: each.length > 0 && each.every((o) => o.state !== 'missing'), owners: each };
}

export type ApplicantStanding =
  { as: 'owner' } | { as: 'signatory'; orgnr: string } | { as: 'agent'; principal: string; powerId: string };

/**
 * Whether a person may apply for (or act on a case of) the property, and as what: an owner, a signatory of an
 * owning organisation, or an agent with a valid power from an owner. Null: they may not.
 */
export function applicantStanding(
  personnummer: string,
  owners: readonly PropertyOwner[],
  ctx: Pick<SigningContext, 'propertyId' | 'caseId' | 'today' | 'powers'>,
): ApplicantStanding | null {
  if (owners.some((o) => o.kind === 'person' && o.personnummer === personnummer)) return { as: 'owner' };
  const org = owners.find((o) => o.kind === 'organisation' && o.signatories.includes(personnummer));
  if (org) return { as: 'signatory', orgnr: ownerKey(org) };
  for (const o of owners) {
    if (o.kind !== 'person') continue;
    const power = validPowerFor(o.personnummer, personnummer, ctx);
    if (power) return { as: 'agent', principal: o.personnummer, powerId: power.id };
  }
  return null;
}

/**
 * The string a party's signature binds (the server hashes it with SHA-256): the application exactly as
 * submitted. Any change to it gives another hash, so a signature request for the old version no longer matches.
 */
export function submissionCanonical(application: ApplicationSubmission): string {
  return canonicalJson({ v: 1, application });
}
