import { describe, expect, it } from 'vitest';
import { PhraseLibrarySchema, phrasesFor, type PhraseFacts } from './phrases';

const facts: PhraseFacts = {
  fastighet: 'Kjellstavik Eken 1:23',
  diarienummer: 'BN 2026-000042',
  åtgärd: 'komplementbyggnad',
  kontrollansvarig: 'Kim Kontroll',
};
const library = PhraseLibrarySchema.parse([
  { id: 'facade', label: { sv: 'Fasadkulör', en: 'Facade colour' }, text: 'Fasaden på {fastighet} ska vara röd.' },
  {
    id: 'ka',
    label: { sv: 'Kontrollansvarig', en: 'Certified inspector' },
    text: '{kontrollansvarig} ska närvara vid tekniskt samråd i ärende {diarienummer}.',
    measures: ['newMainBuilding'],
  },
]);

describe('the conditions library', () => {
  it('fills the case facts into the conditions that fit its measure', () => {
    expect(phrasesFor(library, 'outbuilding', facts)).toEqual([
      {
        id: 'facade',
        label: { sv: 'Fasadkulör', en: 'Facade colour' },
        text: 'Fasaden på Kjellstavik Eken 1:23 ska vara röd.',
      },
    ]);
    expect(phrasesFor(library, 'newMainBuilding', facts).map((p) => p.text)).toEqual([
      'Fasaden på Kjellstavik Eken 1:23 ska vara röd.',
      'Kim Kontroll ska närvara vid tekniskt samråd i ärende BN 2026-000042.',
    ]);
  });

  it.each([
    ['an unknown placeholder', [{ id: 'x', label: { sv: 'X', en: 'X' }, text: 'Gäller {fastiget}.' }]],
    [
      'two phrases with one id',
      [
        { id: 'x', label: { sv: 'X', en: 'X' }, text: 'Ett villkor.' },
        { id: 'x', label: { sv: 'Y', en: 'Y' }, text: 'Ett annat villkor.' },
      ],
    ],
    ['an id with spaces', [{ id: 'a b', label: { sv: 'X', en: 'X' }, text: 'Ett villkor.' }]],
  ])('refuses a library with %s', (_, data) => {
    expect(PhraseLibrarySchema.safeParse(data).success).toBe(false);
  });
});
