import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApplicationDetailsSchema } from './application';
import { UNSTORABLE_TEXT_MESSAGE, findUnstorableText, isStorableText, storableText } from './text';

describe('text the database can keep', () => {
  it('refuses NUL and lone surrogates, keeps whole emoji and ordinary Swedish', () => {
    expect(isStorableText('Friggebod vid sjön, 15 m² 🏠')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800b')).toBe(false); // a high surrogate alone
    expect(isStorableText('a\udc00')).toBe(false); // a low surrogate alone
    expect(isStorableText('🏠'.slice(0, 1))).toBe(false); // half an emoji, as a cut leaves it
    expect(isStorableText('\ud83c\udfe0')).toBe(true);
  });

  it('finds the first bad place in a parsed body, keys included', () => {
    expect(findUnstorableText({ data: { step: 'map', list: ['ok', 'x\u0000'] } })).toEqual(['data', 'list', 1]);
    expect(findUnstorableText({ ['k\ud800']: 1 })).toEqual(['k\ud800']);
    expect(findUnstorableText({ a: [1, null, true, '🏠'] })).toBeNull();
  });

  it('refines a schema with the Swedish message, and the description field carries it', () => {
    const result = storableText(z.string()).safeParse('x\u0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(UNSTORABLE_TEXT_MESSAGE);
    const details = ApplicationDetailsSchema.shape.description.safeParse('En friggebod\u0000 vid sjön');
    expect(details.error?.issues[0]?.message).toBe(UNSTORABLE_TEXT_MESSAGE);
  });
});
