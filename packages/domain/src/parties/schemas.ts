import { z } from 'zod';
import { MeasureTypeSchema } from '../measure';
import { PowerLifeStateSchema } from './powers';

/**
 * The parties of a case as people see them (issue #20): the applicant, the co-owners who must sign the same
 * submission, and (later) agents and company signatories. One schema per view, used by routes and the web.
 */
export const CasePartyRoleSchema = z.enum(['applicant', 'coOwner', 'agent', 'signatory']);
export type CasePartyRole = z.infer<typeof CasePartyRoleSchema>;

/** `invited`: asked to sign, not yet; `signed`: with BankID, this version; `paper`: the officer recorded a paper consent. */
export const CasePartyStateSchema = z.enum(['invited', 'signed', 'paper']);
export type CasePartyState = z.infer<typeof CasePartyStateSchema>;

export const CasePartySchema = z.object({
  id: z.uuid(),
  /** Null for a protected identity: never named, never addressed. */
  name: z.string().nullable(),
  role: CasePartyRoleSchema,
  state: CasePartyStateSchema,
  signedAt: z.iso.datetime().nullable(),
  /** The officer who recorded a paper consent. */
  paperRecordedBy: z.string().nullable(),
  /** A link to sign has been made (its code is shown only once, to the applicant). */
  invited: z.boolean(),
  /** An agent's power of attorney (ADR 0023): for whom, until when, revoked when, and its state today. */
  power: z
    .object({
      principalName: z.string().nullable(),
      validUntil: z.iso.date(),
      revokedAt: z.iso.datetime().nullable(),
      state: PowerLifeStateSchema,
    })
    .nullable(),
});
export type CaseParty = z.infer<typeof CasePartySchema>;

/** A case's signatures: who must sign, who has, and whether the submission is signed by every owner. */
export const CasePartiesSchema = z.object({
  complete: z.boolean(),
  signed: z.number().int().nonnegative(),
  needed: z.number().int().nonnegative(),
  /** The SHA-256 of the submission every signature binds. */
  submissionHash: z.string(),
  parties: z.array(CasePartySchema),
  /** What the caller is on this case (null for an officer). */
  me: CasePartyRoleSchema.nullable(),
  /** The caller still has to sign (a co-owner whose own signature is missing). */
  meToSign: z.boolean(),
  /** The applicant may make signing links for the parties still to sign. */
  mayInvite: z.boolean(),
  /**
   * The organisation that applied through its signatories (issue #20): `signed`/`needed` then count signatures
   * against its firmateckning ("1 av 2 firmatecknare"). Null when people applied.
   */
  organisation: z.object({ orgnr: z.string(), name: z.string() }).nullable(),
});
export type CaseParties = z.infer<typeof CasePartiesSchema>;

/** A signing link, shown once: only its hash is kept. */
export const PartyLinkSchema = z.object({ code: z.string(), path: z.string() });
export type PartyLink = z.infer<typeof PartyLinkSchema>;

/** What a co-owner opening a signing link sees: exactly what they sign, and whether they have. */
export const PartySignRequestSchema = z.object({
  applicantName: z.string(),
  /** What the signer signs as: a co-owner, or a signatory of the organisation that applied. */
  role: CasePartyRoleSchema,
  diaryNumber: z.string(),
  propertyDesignation: z.string(),
  measure: MeasureTypeSchema,
  areaM2: z.number(),
  description: z.string(),
  /** The text the BankID app shows. */
  signText: z.string(),
  submissionHash: z.string(),
  caseId: z.uuid(),
  state: CasePartyStateSchema,
});
export type PartySignRequest = z.infer<typeof PartySignRequestSchema>;

/** The officer records that a party consented on paper (a signed letter): who received it and when. */
export const PaperConsentInputSchema = z.object({ receivedOn: z.iso.date() });
export type PaperConsentInput = z.infer<typeof PaperConsentInputSchema>;

/** A signing link's code: 24 random bytes, base64url. */
export const PartyCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);
