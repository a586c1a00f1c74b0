import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fillMessage, type Message, type MessageParams } from '@lovisa/domain/messages/fill';
import { coreSv } from './core.sv';
import type { MessageKey } from './sv';

export type Lang = 'sv' | 'en';
export type { Message, MessageKey, MessageParams };
type Dictionary = Record<MessageKey, string>;

/**
 * Swedish, the default, is in the entry for the first screens only (./core.sv.ts: the frame, start, login, the
 * legal pages); the rest of it (≈ 27 KB gzip) comes with the first page that needs it: App.tsx loads every lazy
 * page through `withTexts`, so a page never renders before its texts are here. English (≈ 10 KB gzip that most
 * visitors never read) is fetched the first time it is wanted: at start when this browser chose English last
 * time (main.tsx waits for it before the first render), and in the background once the page is idle, so that
 * the switch also works after the network has gone. Until it is here, English texts are the Swedish ones.
 */
const dictionaries: { sv: Partial<Dictionary>; en?: Dictionary } = { sv: coreSv };
const onItsWay: { sv?: Promise<void> | undefined; en?: Promise<void> | undefined } = {};

export const hasLanguage = (lang: Lang): boolean => dictionaries[lang] !== undefined;

/** A catalogue's dynamic import, once; a failed one (offline) is forgotten, so the next call tries again. */
function fetchOnce(lang: Lang, load: () => Promise<void>): Promise<void> {
  return (onItsWay[lang] ??= load().catch((err: unknown) => {
    onItsWay[lang] = undefined;
    throw err;
  }));
}

/** Resolves when all of the Swedish texts are here (the entry holds only the first screens' ones). */
export const hasAllSwedish = (): boolean => dictionaries.sv !== coreSv;
export function loadSwedish(): Promise<void> {
  if (hasAllSwedish()) return Promise.resolve();
  return fetchOnce('sv', () =>
    import('./sv').then((m) => {
      dictionaries.sv = m.sv;
    }),
  );
}

/** Resolves when `lang`'s texts are here; a failed fetch (offline) rejects, and the next call tries again. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'sv') return loadSwedish();
  if (hasLanguage(lang)) return Promise.resolve();
  return fetchOnce('en', () =>
    import('./en').then((m) => {
      dictionaries.en = m.en;
    }),
  );
}

/** A lazy page's module together with all the Swedish texts: `lazy(withTexts(() => import('./Page')))`. */
export const withTexts =
  <T,>(load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), loadSwedish()]).then(([m]) => m);

/** Fills `{name}` placeholders (numbers the language's way); a missing value is left visible, not dropped. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const own = dictionaries[lang]?.[key];
  // A text not here yet (only possible for a module that bypasses withTexts; coreTexts.test.ts guards the
  // entry's): empty rather than the id, and the rest of Swedish is fetched.
  const text = own ?? dictionaries.sv[key] ?? (void loadSwedish().catch(() => {}), '');
  return fillMessage(text, params, own !== undefined ? lang : 'sv');
}

/** Whether `id` is a text of this build (asked of the texts here: all of them once a lazy page has loaded). */
export const isMessageKey = (id: string): id is MessageKey =>
  Object.prototype.hasOwnProperty.call(dictionaries.sv, id) ||
  (dictionaries.en !== undefined && Object.prototype.hasOwnProperty.call(dictionaries.en, id));

/**
 * A message by id (a domain problem, a server answer, a client-side error) in `lang`. An id this build does not
 * know (a newer server) shows the server's own words, or else a general error: never the id itself.
 */
export function messageText(lang: Lang, m: Message): string {
  if (isMessageKey(m.id)) return translate(lang, m.id, m.params);
  return m.text ?? translate(lang, 'common.error');
}

export interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(key: MessageKey, params?: MessageParams): string;
  /** Picks the language's half of a domain label (`measureLabels[m]`, `outcomeLabels[o]`, …). */
  label(l: { sv: string; en: string }): string;
  /** A message by id (domain problem, server answer, client error): see messageText. */
  msg(m: Message): string;
}

const I18nContext = createContext<I18n>({
  lang: 'sv',
  setLang: () => {},
  t: (key, params) => translate('sv', key, params),
  label: (l) => l.sv,
  msg: (m) => messageText('sv', m),
});

const LANG_KEY = 'lovisa.lang';
/** The browser's remembered choice; storage may be unavailable (privacy modes), and then Swedish it is. */
export function rememberedLang(): Lang {
  try {
    return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

function remember(lang: Lang) {
  try {
    if (lang === 'en') window.localStorage.setItem(LANG_KEY, 'en');
    else window.localStorage.removeItem(LANG_KEY);
  } catch {
    // Not remembered, still used.
  }
}

/**
 * The language switch: `show`s a language once its texts are here. When wishes cross (English asked for, then
 * Swedish before English arrived), the last one wins; a fetch that fails leaves the page as it was and resolves
 * false (the next press tries again).
 */
export function languageSwitch(
  show: (lang: Lang) => void,
  load: (lang: Lang) => Promise<void> = loadLanguage,
): (lang: Lang) => Promise<boolean> {
  let wanted: Lang | null = null;
  return async (lang) => {
    wanted = lang;
    try {
      await load(lang);
    } catch {
      if (wanted === lang) wanted = null;
      return false;
    }
    if (wanted !== lang) return false;
    show(lang);
    return true;
  };
}

/** How long the network must have been quiet before the page counts as settled, and how long to wait at most. */
const QUIET_MS = 1500;
const SETTLE_AT_MOST_MS = 15000;

/**
 * Resolves once the page has settled: loaded, and no request of its own has ended for a while (a lazy page's
 * chunks and data come well after the load event on a slow phone). A background fetch started earlier would take
 * bandwidth from what the visitor is waiting to see (docs/performance.md, session 10).
 */
export function whenSettled(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      const last = performance
        .getEntriesByType('resource')
        .reduce((end, e) => Math.max(end, (e as PerformanceResourceTiming).responseEnd), 0);
      const now = performance.now();
      if (now - Math.max(last, started) >= QUIET_MS || now - started >= SETTLE_AT_MOST_MS) resolve();
      else window.setTimeout(check, QUIET_MS - (now - Math.max(last, started)));
    };
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  });
}

/** Fetches English (and the rest of Swedish) in the background once the page has settled and is idle: the switch then needs no network. */
export function loadEnglishWhenIdle(): void {
  // The rest of Swedish too: the next page, and a server's message by id, then need no network.
  const fetchIt = () => {
    void loadSwedish().catch(() => {});
    void loadLanguage('en').catch(() => {});
  };
  void whenSettled().then(() =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(fetchIt, { timeout: 5000 })
      : window.setTimeout(fetchIt, 0),
  );
}

/**
 * Swedish first. The choice is remembered in this browser (a language is no personal data); the kiosk wipes
 * all storage when a visitor leaves, so the next visitor starts in Swedish.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  // English only once its texts are here (main.tsx fetches them before the first render when remembered).
  const [lang, setShown] = useState<Lang>(() => (hasLanguage(rememberedLang()) ? rememberedLang() : 'sv'));
  const setLang = useMemo(() => {
    const choose = languageSwitch((l) => {
      setShown(l);
      remember(l);
    });
    return (l: Lang) => void choose(l);
  }, []);
  useEffect(() => {
    // English remembered but not fetched before the first render (the fetch failed): once it can be.
    if (rememberedLang() === 'en' && !hasLanguage('en')) setLang('en');
  }, [setLang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      label: (l) => l[lang],
      msg: (m) => messageText(lang, m),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
