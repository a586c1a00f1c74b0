import { z } from 'zod';
import { PolygonSchema } from '../geometry';
import { measureLabels, MeasureTypeSchema, type MeasureType } from '../measure';
import { canonicalJson } from '../neighbours/consent';
import { minorMeasureLabels, MinorMeasureTypeSchema, type MinorMeasureType } from '../measures/kinds';
import { MeasureDrawingSchema, type MeasureDrawing } from '../measures/drawing';
import type { Polygon } from '@lovisa/geo';

/** What an answer is about: a building (it counts against the allowance) or a measure beyond buildings (it does not). */
export const AnsweredMeasureSchema = z.union([MeasureTypeSchema, MinorMeasureTypeSchema]);
export type AnsweredMeasure = MeasureType | MinorMeasureType;
const isMinor = (m: AnsweredMeasure): m is MinorMeasureType => MinorMeasureTypeSchema.safeParse(m).success;

/**
 * A signed "no permit needed" answer (issue #23): the owner signs, with BankID, the answer Lovisa gave and they
 * saved to the plot's allowance ledger, so they have evidence if supervision asks later. The signature covers the
 * SHA-256 of this canonical text: the rule set, the drawing, the answers given and the verdict. Anyone holding the
 * saved answer can compute it again and compare it with the hash the signature recorded.
 */
export interface SignedAnswerContent {
  answerId: string;
  propertyId: string;
  ruleSetId: string;
  measure: AnsweredMeasure;
  footprints: Polygon[];
  /** A measure beyond buildings: its drawing (a plank's line, an altan's area), or null when none was drawn. */
  drawing?: MeasureDrawing | null;
  /** What was asked and answered, and the verdict: outcome, reasons, conditions (as the ledger row keeps them). */
  answers: unknown;
}

/** The string the signature's hash covers: the same on the server and in any later reader's hands. */
export function signedAnswerCanonical(content: SignedAnswerContent): string {
  return canonicalJson({
    v: 1,
    kind: 'permitFreeAnswer',
    answerId: content.answerId,
    propertyId: content.propertyId,
    ruleSetId: content.ruleSetId,
    measure: content.measure,
    footprints: content.footprints.map((f) => f.coordinates),
    // Only a measure beyond buildings carries it: a building's canonical text stays what it was signed as.
    ...(content.drawing === undefined ? {} : { drawing: content.drawing }),
    answers: content.answers,
  });
}

const n = (v: number) => String(Math.round(v * 100) / 100).replace('.', ',');

/** What BankID shows the owner (userVisibleData), in Swedish, the language of the record. */
export function signedAnswerText(input: {
  designation: string;
  measure: AnsweredMeasure;
  areaM2: number;
  outcome: 'none' | 'notification';
  ruleSetName: string;
  savedOn: string;
}): string {
  const label = isMinor(input.measure) ? minorMeasureLabels[input.measure] : measureLabels[input.measure];
  const what = label.sv.replace(/\s*\(.*\)$/, '').toLowerCase();
  const verdict = input.outcome === 'none' ? 'varken bygglov eller anmälan behövs' : 'anmälan behövs men inte bygglov';
  if (isMinor(input.measure))
    return (
      `Jag skriver under Lovisas svar från ${input.savedOn} att för åtgärden ${what} på ${input.designation} ` +
      `${verdict}, enligt ${input.ruleSetName}. Åtgärden räknas inte i tomtens pott. Svaren och ritningen är de jag lämnade.`
    );
  return (
    `Jag skriver under Lovisas svar från ${input.savedOn} att ${what} om ${n(input.areaM2)} m² på ` +
    `${input.designation} är sparad i tomtens pott och att ${verdict}, enligt ${input.ruleSetName}. ` +
    `Ritningen och svaren är de jag lämnade.`
  );
}

export const AnswerSignatureSchema = z.object({
  /** The signer's name as BankID gave it. */
  signedBy: z.string(),
  signedAt: z.iso.datetime({ offset: true }),
  /** The SHA-256 (hex) of the canonical answer the signature covered. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AnswerSignature = z.infer<typeof AnswerSignatureSchema>;

/** A saved answer as its owner (or an officer) reads it back, with its signature and whether it still matches. */
export const SavedAnswerSchema = z.object({
  answerId: z.uuid(),
  propertyId: z.uuid(),
  designation: z.string(),
  ruleSetId: z.string(),
  measure: AnsweredMeasureSchema,
  outcome: z.enum(['none', 'notification']),
  /** A building's footprints (they count against the allowance); none for a measure beyond buildings. */
  footprints: z.array(PolygonSchema),
  /** A measure beyond buildings: what was drawn, or null. Absent for a building. */
  drawing: MeasureDrawingSchema.nullable().optional(),
  /** What was asked and answered, and the verdict, as stored. */
  answers: z.unknown(),
  areaM2: z.number(),
  savedAt: z.iso.datetime({ offset: true }),
  /** The canonical text and its SHA-256 as they stand now, for anyone to compute again. */
  canonical: z.string(),
  sha256: z.string(),
  signature: AnswerSignatureSchema.nullable(),
  /** Whether the signed hash is the hash of the answer as stored: null when unsigned. */
  verified: z.boolean().nullable(),
});
export type SavedAnswer = z.infer<typeof SavedAnswerSchema>;
