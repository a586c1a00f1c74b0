import { z } from 'zod';

/**
 * Text the database can keep. PostgreSQL refuses a NUL character in text and JSON, and a lone UTF-16 surrogate
 * (half of an emoji, left by a broken copy-paste or a cut) has no UTF-8 form; both reached the database as a 500
 * and lost the autosave. Refused up front as the client's mistake, with words the applicant can act on.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE =
  'Texten innehåller tecken som inte kan sparas (ett osynligt styrtecken eller en halv emoji). Ta bort dem och försök igen.';

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** A string schema that also refuses what the database cannot keep. */
export const storableText = <S extends z.ZodType<string>>(schema: S) =>
  schema.refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });

/** The first place in a parsed value (strings and object keys, depth-first) holding unstorable text, as a path. */
export function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
  depth = 0,
): (string | number)[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  // Deeper than any schema goes: the schema refuses it anyway, and the walk stays bounded.
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, key];
    const found = findUnstorableText(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
