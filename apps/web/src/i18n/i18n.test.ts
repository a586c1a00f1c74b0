import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { sv } from './sv';
import { loadLanguage, translate } from './i18n';
import { deadlineTone } from '../features/cases/caseText';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('texts', () => {
  // English is fetched on demand in the app (lazyEnglish.test.ts); here it is simply loaded first.
  beforeAll(() => loadLanguage('en'));

  it('has every Swedish text in English too, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('sv', 'queue.countN', { n: 3, page: 1, pages: 2 })).toBe('3 ärenden, sida 1 av 2.');
    expect(translate('en', 'case.title', {})).toBe('Case {diary}');
  });

  it('says how many days are left in words, singular and plural', () => {
    const today = new Date('2026-11-23T10:00:00+01:00');
    expect(deadlineTone('2026-11-24', today)).toMatchObject({ tone: 'soon', text: '1 dag kvar' });
    expect(deadlineTone('2026-11-20', today)).toMatchObject({ tone: 'overdue', text: '3 dagar försenat' });
    expect(deadlineTone('2027-02-01', today, 'en')).toMatchObject({ tone: 'ok', text: '70 days left' });
  });
});
