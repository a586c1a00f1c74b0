import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { sv } from './sv';
import { loadLanguage, messageText, translate } from './i18n';
import { deadlineTone } from '../features/cases/caseText';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('texts', () => {
  // English and most of Swedish are fetched on demand in the app (lazyEnglish.test.ts); here simply loaded first.
  beforeAll(() => Promise.all([loadLanguage('sv'), loadLanguage('en')]));

  it('has every Swedish text in English too, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv) as (keyof typeof sv)[])
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
  });

  it('renders a message by id with its parameters in each language, never by its Swedish words', () => {
    const missing = {
      id: 'finding.MISSING_ATTACHMENT',
      params: { attachment: { sv: 'situationsplan', en: 'site plan' } },
    };
    expect(messageText('sv', missing)).toBe('Bifoga situationsplan.');
    expect(messageText('en', missing)).toBe('Attach a site plan.');
    expect(messageText('sv', { id: 'finding.NOT_NEAR_DWELLING', params: { distance: 31.25, limit: 25 } })).toContain(
      '31,25 m',
    );
    expect(messageText('en', { id: 'finding.NOT_NEAR_DWELLING', params: { distance: 31.25, limit: 25 } })).toContain(
      '31.25 m',
    );
    expect(messageText('en', { id: 'Välj vad du vill bygga.' })).toBe('Something went wrong.');
    expect(messageText('en', { id: 'server.unknownToThisBuild', text: 'Serverns ord.' })).toBe('Serverns ord.');
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
