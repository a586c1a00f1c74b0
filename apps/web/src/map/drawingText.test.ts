import { beforeAll, describe, expect, it } from 'vitest';
import { rectangleAtCorner } from '@lovisa/geo';
import { loadLanguage, translate } from '../i18n/i18n';
import { buildingFacts } from './drawingWarnings';
import { buildingSummary, formatMetres, warningText } from './drawingText';
import { eken123 } from './testSite';

const sv = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('sv', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params);

describe('the drawing in words', () => {
  beforeAll(() => Promise.all([loadLanguage('sv'), loadLanguage('en')]));

  it('sums up a building as the applicant reads it', () => {
    const [f] = buildingFacts(
      [{ id: 'byggnad-1', measure: 'outbuilding', geometry: rectangleAtCorner([620084, 6650020], 4, 3.5) }],
      eken123,
    );
    expect(buildingSummary(f!, sv, 'sv')).toBe(
      'Byggnad 1: 4,0 × 3,5 m, 14,0 m², 2,0 m från gränsen mot Kjellstavik Björken 2:5',
    );
    expect(buildingSummary(f!, en, 'en')).toBe(
      'Building 1: 4.0 × 3.5 m, 14.0 m², 2.0 m from the boundary with Kjellstavik Björken 2:5',
    );
    const [north] = buildingFacts(
      [{ id: 'byggnad-1', measure: 'outbuilding', geometry: rectangleAtCorner([620074, 6650037], 2, 2) }],
      eken123,
    );
    expect(buildingSummary(north!, sv, 'sv')).toBe('Byggnad 1: 2,0 × 2,0 m, 4,0 m², 1,0 m från norra gränsen');
  });

  it('says what is wrong and what to do', () => {
    expect(warningText({ code: 'prickmark', building: 2, areaM2: 12 }, sv, 'sv')).toBe(
      'Byggnad 2: 12,0 m² ligger på prickmark, mark som inte får bebyggas. Flytta byggnaden.',
    );
    expect(
      warningText(
        {
          code: 'neighbourConsent',
          building: 1,
          distanceM: 2.1,
          limitM: 4.5,
          boundary: { side: 'west', kind: 'neighbour', name: 'Kjellstavik Eken 1:22' },
          neighbours: ['Kjellstavik Eken 1:22', 'Kjellstavik Eken 1:24'],
        },
        sv,
        'sv',
      ),
    ).toBe(
      'Byggnad 1 ligger 2,1 m från gränsen mot Kjellstavik Eken 1:22. Närmare än 4,5 m behöver du skriftligt medgivande från ägarna till Kjellstavik Eken 1:22 och Kjellstavik Eken 1:24. Vill du slippa det, flytta byggnaden minst 4,5 m från gränsen.',
    );
    expect(warningText({ code: 'allowanceExceeded', finding: { sv: 'För mycket.', en: 'Too much.' } }, en, 'en')).toBe(
      'Too much. Make the building smaller if you want to build without a permit.',
    );
  });

  it('writes metres with a decimal comma and at most centimetres', () => {
    expect(formatMetres(4.499, 'sv')).toBe('4,5');
    expect(formatMetres(4.46, 'sv')).toBe('4,46');
    expect(formatMetres(13, 'en')).toBe('13.0');
  });
});
