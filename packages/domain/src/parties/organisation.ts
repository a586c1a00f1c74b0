import { z } from 'zod';
import { PersonnummerSchema, luhnCheckDigit } from '../personnummer';
import { SigningRuleSchema, type SigningRule } from './signingRules';
import { PropertySummarySchema } from '../property';

/**
 * Organisations as owners and applicants (issue #20): the organisationsnummer, what the company register
 * (Bolagsverket-like) says about an organisation, and how its firmateckning text becomes a signing rule.
 */

/**
 * An organisationsnummer: 10 digits NNNNNN-NNNC, the third digit at least 2 (so it is never a date of birth), C a
 * Luhn check digit over the first nine, as for a personnummer. The first digit is the group: 5 aktiebolag,
 * 7 ekonomisk förening and bostadsrättsförening, 8 ideell förening and stiftelse, 9 handelsbolag, 2 the state.
 */
export function isValidOrganisationsnummer(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  if (Number(value[2]) < 2) return false;
  return luhnCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** The forms people type (NNNNNN-NNNN, with or without the dash, a leading 16) to 10 digits, or null. */
export function normalizeOrganisationsnummer(input: string): string | null {
  const m = /^(?:16)?(\d{6})-?(\d{4})$/.exec(input.trim());
  if (!m) return null;
  const ten = m[1]! + m[2]!;
  return isValidOrganisationsnummer(ten) ? ten : null;
}

/** Written as the register writes it: NNNNNN-NNNN. */
export const formatOrganisationsnummer = (orgnr: string) => `${orgnr.slice(0, 6)}-${orgnr.slice(6)}`;

export const OrganisationsnummerSchema = z
  .string()
  .regex(/^\d{10}$/, 'Organisationsnumret ska ha 10 siffror.')
  .refine(isValidOrganisationsnummer, 'Organisationsnumret är inte giltigt (kontrollsiffran stämmer inte).');

/** Legal forms Lovisa meets as property owners (Bolagsverket's organisationsform codes). */
export const LegalFormSchema = z.enum(['AB', 'BRF', 'EK', 'HB', 'KB', 'I', 'S', 'E']);
export type LegalForm = z.infer<typeof LegalFormSchema>;

/**
 * The roles the register lists for a functionary (Bolagsverket's funktionärsroller): LE styrelseledamot,
 * OF ordförande (also a member of the board), SU suppleant, VD verkställande direktör, EVD extern VD.
 */
export const FunctionaryRoleSchema = z.enum(['LE', 'OF', 'SU', 'VD', 'EVD', 'REV']);
export type FunctionaryRole = z.infer<typeof FunctionaryRoleSchema>;

export const FunctionarySchema = z.object({
  personnummer: PersonnummerSchema,
  givenName: z.string().min(1),
  surname: z.string().min(1),
  roles: z.array(FunctionaryRoleSchema).min(1),
});
export type Functionary = z.infer<typeof FunctionarySchema>;

/** An organisation as the company register gives it: name, form, address, the firmateckning text and its people. */
export const OrganisationSchema = z.object({
  orgnr: OrganisationsnummerSchema,
  name: z.string().min(1),
  legalForm: LegalFormSchema,
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
  /** The registered text, e.g. "Firman tecknas av styrelsen. Firman tecknas två i förening av ledamöterna." */
  signingText: z.string(),
  functionaries: z.array(FunctionarySchema),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** Who signs for an organisation and how, as read from its firmateckning. */
export interface OrganisationSigning {
  signatories: string[];
  rule: SigningRule;
}

const BOARD: readonly FunctionaryRole[] = ['LE', 'OF'];
const COUNT_WORDS: Record<string, number> = { två: 2, tre: 3, fyra: 4, '2': 2, '3': 3, '4': 4 };

/**
 * Reads the register's firmateckning text the way the common registered phrasings mean it. The register gives
 * only the text; a phrasing this does not recognise gives null (the organisation then applies on paper), never
 * a guess. Recognised, first match wins:
 * - "… två (tre, fyra) i förening av ledamöterna": that many board members jointly;
 * - "… av ledamöterna var för sig" / "… av var och en av ledamöterna": any board member alone;
 * - "… verkställande direktören … var för sig" / "… ensam": the VD alone (with any above);
 * - "Firman tecknas av styrelsen." alone: the whole board jointly (alone when it has one member).
 * Suppleanter never sign: they are not the board until they step in.
 */
export function signingOf(
  organisation: Pick<Organisation, 'signingText' | 'functionaries'>,
): OrganisationSigning | null {
  const text = organisation.signingText.toLocaleLowerCase('sv').replace(/\s+/g, ' ');
  const board = organisation.functionaries
    .filter((f) => f.roles.some((r) => BOARD.includes(r)))
    .map((f) => f.personnummer);
  const vd = organisation.functionaries.filter((f) => f.roles.includes('VD')).map((f) => f.personnummer);
  const jointly = /(två|tre|fyra|\d) i förening av (?:styrelse)?ledamöterna/.exec(text);
  const boardAlone = /(?:ledamöterna var för sig|var och en av (?:styrelse)?ledamöterna)/.test(text);
  const vdAlone = /verkställande direktören[^.]*(?:var för sig|ensam)/.test(text);
  const unique = (list: string[]) => [...new Set(list)];
  if (boardAlone)
    return board.length > 0
      ? { signatories: unique([...board, ...(vdAlone ? vd : [])]), rule: { kind: 'alone' } }
      : null;
  if (jointly) {
    const count = COUNT_WORDS[jointly[1]!];
    if (!count || board.length < count) return null;
    // A VD who may sign alone is a signatory of another kind; mixing the two is left to paper.
    if (vdAlone) return null;
    return { signatories: board, rule: { kind: 'jointly', count } };
  }
  if (vdAlone) return vd.length > 0 ? { signatories: vd, rule: { kind: 'alone' } } : null;
  if (/^firman tecknas av styrelsen\.?$/.test(text.trim())) {
    if (board.length === 0) return null;
    return board.length === 1
      ? { signatories: board, rule: { kind: 'alone' } }
      : board.length <= 10
        ? { signatories: board, rule: { kind: 'jointly', count: board.length } }
        : null;
  }
  return null;
}

/**
 * The organisation a case was applied for, kept with the case: it is the applicant; the signatory who sent it is
 * named as acting for it ("genom …"), never by personnummer. The name is null for a protected identity.
 */
export const ApplicantOrganisationSchema = z.object({
  orgnr: OrganisationsnummerSchema,
  name: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
  signatoryName: z.string().nullable(),
});
export type ApplicantOrganisation = z.infer<typeof ApplicantOrganisationSchema>;

/** A letter to an organisation: its name, "genom" the signatory who applied, and its registered postal address. */
export function organisationRecipientLines(o: ApplicantOrganisation): string[] {
  return [
    o.name,
    ...(o.signatoryName ? [`genom ${o.signatoryName}`] : []),
    ...(o.address ? [o.address.street, `${o.address.postalCode} ${o.address.city}`] : []),
  ];
}

/** An organisation the signed-in person may act for, as the applicant's pages show it. */
export const RepresentedOrganisationSchema = z.object({
  orgnr: OrganisationsnummerSchema,
  name: z.string(),
  legalForm: LegalFormSchema,
  rule: SigningRuleSchema,
});
export type RepresentedOrganisation = z.infer<typeof RepresentedOrganisationSchema>;

/** A property on the applicant's start page: their own, or one an organisation they sign for owns. */
export const MyPropertySchema = PropertySummarySchema.extend({
  /** Set when the person may apply only as a signatory of this owning organisation. */
  representing: RepresentedOrganisationSchema.nullable().optional(),
});
export type MyProperty = z.infer<typeof MyPropertySchema>;
