import { z } from 'zod';
import { MeasureTypeSchema, type MeasureType } from '../measure';

/**
 * The facts a phrase may name, filled from the case. Kept small on purpose: a placeholder outside this list is
 * refused when the library is loaded, so a misspelt one never reaches a decision as "{fastiget}".
 */
export const PHRASE_PLACEHOLDERS = ['fastighet', 'diarienummer', 'åtgärd', 'kontrollansvarig'] as const;
export type PhrasePlaceholder = (typeof PHRASE_PLACEHOLDERS)[number];
export type PhraseFacts = Record<PhrasePlaceholder, string>;

const placeholdersIn = (text: string) => [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);

/**
 * A municipality's library of decision conditions (villkor), administered as data (fixtures/phrases.json):
 * the officer picks one and it is written into the decision with the case's facts filled in.
 */
export const PhraseLibrarySchema = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      /** What the officer picks from: a short name. */
      label: z.object({ sv: z.string().min(1), en: z.string().min(1) }),
      /** The condition as the decision states it (Swedish: the decision's language), with {placeholders}. */
      text: z
        .string()
        .min(2)
        .max(1000)
        .refine((t) => placeholdersIn(t).every((p) => (PHRASE_PLACEHOLDERS as readonly string[]).includes(p)), {
          message: `a placeholder must be one of ${PHRASE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        }),
      /** The measures it fits; absent: every measure. */
      measures: z.array(MeasureTypeSchema).optional(),
    }),
  )
  .refine((all) => new Set(all.map((p) => p.id)).size === all.length, { message: 'phrase ids must be unique' });
export type PhraseLibrary = z.infer<typeof PhraseLibrarySchema>;

export interface FilledPhrase {
  id: string;
  label: { sv: string; en: string };
  text: string;
}

/** The library's conditions that fit the case's measure, with its facts filled in. */
export function phrasesFor(library: PhraseLibrary, measure: MeasureType, facts: PhraseFacts): FilledPhrase[] {
  return library
    .filter((p) => !p.measures || p.measures.includes(measure))
    .map((p) => ({
      id: p.id,
      label: p.label,
      text: p.text.replace(/\{([^{}]+)\}/g, (_, name: PhrasePlaceholder) => facts[name]),
    }));
}

export const FilledPhraseSchema = z.object({
  id: z.string(),
  label: z.object({ sv: z.string(), en: z.string() }),
  text: z.string(),
});
