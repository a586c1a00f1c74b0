import { describe, expect, it, vi } from 'vitest';
import type { Lang } from './i18n';

// The unit project shares a worker's modules between files (isolate: false): this file asks for an i18n module
// of its own, as a freshly opened page has.
vi.resetModules();
const {
  hasAllSwedish,
  hasLanguage,
  isMessageKey,
  languageSwitch,
  loadLanguage,
  loadSwedish,
  messageText,
  translate,
  withTexts,
} = await import('./i18n');

// English is not in the entry: it arrives with loadLanguage('en') (a dynamic import). Nor is most of Swedish: the
// entry has the first screens' texts (core.sv.ts), the rest arrives with the first lazy page (withTexts). This
// file's module instance starts without either, as a browser does.

/** A load the test settles by hand. */
function manualLoad() {
  const pending = new Map<Lang, { resolve(): void; reject(e: Error): void }>();
  const load = (lang: Lang) =>
    new Promise<void>((resolve, reject) => {
      pending.set(lang, { resolve, reject });
    });
  return { load, pending };
}

describe('Swedish beyond the first screens, with the first lazy page', () => {
  it('has the entry texts at once, the rest once a page is loaded through withTexts', async () => {
    expect(hasAllSwedish()).toBe(false);
    expect(translate('sv', 'start.title')).toBe('Ansök om bygglov');
    expect(isMessageKey('finding.MISSING_MEASURE')).toBe(false);
    // A server message by an id not here yet: its own words, never the id.
    expect(messageText('sv', { id: 'finding.MISSING_MEASURE', text: 'Serverns ord.' })).toBe('Serverns ord.');
    let pageLoaded = false;
    const page = await withTexts(async () => {
      pageLoaded = true;
      return { default: 'the page' };
    })();
    expect([pageLoaded, page.default, hasAllSwedish()]).toEqual([true, 'the page', true]);
    expect(messageText('sv', { id: 'finding.MISSING_MEASURE' })).toBe('Välj vad du vill bygga.');
    expect(isMessageKey('finding.MISSING_MEASURE')).toBe(true);
    await loadSwedish();
  });
});

describe('English on demand', () => {
  it('shows Swedish for English until the English texts are here, then English; one fetch for many callers', async () => {
    expect(hasLanguage('sv')).toBe(true);
    expect(hasLanguage('en')).toBe(false);
    expect(translate('en', 'nav.myCases')).toBe('Mina ärenden');
    expect(messageText('en', { id: 'finding.MISSING_MEASURE' })).toBe('Välj vad du vill bygga.');

    const [a, b] = [loadLanguage('en'), loadLanguage('en')];
    expect(a).toBe(b);
    await a;
    expect(hasLanguage('en')).toBe(true);
    expect(translate('en', 'nav.myCases')).toBe('My cases');
    expect(translate('en', 'queue.countN', { n: 3, page: 1, pages: 2 })).toMatch(/^3 cases/);
    expect(messageText('en', { id: 'finding.MISSING_MEASURE' })).toBe('Choose what you want to build.');
    expect(messageText('en', { id: 'form.ridgeHeight.tooHigh' })).toBe('The ridge height may be at most 30 metres.');
    expect(translate('sv', 'nav.myCases')).toBe('Mina ärenden');
  });

  it('switches once the texts are here; the last wish wins when wishes cross', async () => {
    const shown: Lang[] = [];
    const { load, pending } = manualLoad();
    const choose = languageSwitch((l) => shown.push(l), load);

    const toEnglish = choose('en');
    expect(shown).toEqual([]); // nothing changes before English has arrived
    const backToSwedish = choose('sv'); // pressed again before it arrived
    pending.get('sv')!.resolve();
    expect(await backToSwedish).toBe(true);
    pending.get('en')!.resolve();
    expect(await toEnglish).toBe(false);
    expect(shown).toEqual(['sv']);

    const again = choose('en');
    pending.get('en')!.resolve();
    expect(await again).toBe(true);
    expect(shown).toEqual(['sv', 'en']);
  });

  it('leaves the page as it was when English cannot be fetched (offline), and tries again on the next press', async () => {
    const shown: Lang[] = [];
    const { load, pending } = manualLoad();
    const choose = languageSwitch((l) => shown.push(l), load);

    const offline = choose('en');
    pending.get('en')!.reject(new TypeError('Failed to fetch dynamically imported module'));
    expect(await offline).toBe(false);
    expect(shown).toEqual([]);

    const online = choose('en');
    pending.get('en')!.resolve();
    expect(await online).toBe(true);
    expect(shown).toEqual(['en']);
  });
});
