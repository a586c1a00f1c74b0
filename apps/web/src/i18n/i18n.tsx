import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fillMessage, type Message, type MessageParams } from '@lovisa/domain/messages/fill';
import { sv, type MessageKey } from './sv';

export type Lang = 'sv' | 'en';
export type { Message, MessageKey, MessageParams };
type Dictionary = Record<MessageKey, string>;

/**
 * Swedish, the default, is in the entry. English (≈ 10 KB gzip that most visitors never read) is fetched the
 * first time it is wanted: at start when this browser chose English last time (main.tsx waits for it before
 * the first render), and in the background once the page is idle, so that the switch also works after the
 * network has gone. Until it is here, English texts are the Swedish ones.
 */
const dictionaries: { sv: Dictionary; en?: Dictionary } = { sv };
let englishOnItsWay: Promise<void> | null = null;

export const hasLanguage = (lang: Lang): boolean => dictionaries[lang] !== undefined;

/** Resolves when `lang`'s texts are here; a failed fetch (offline) rejects, and the next call tries again. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (hasLanguage(lang)) return Promise.resolve();
  englishOnItsWay ??= import('./en').then(
    (m) => {
      dictionaries.en = m.en;
    },
    (err: unknown) => {
      englishOnItsWay = null;
      throw err;
    },
  );
  return englishOnItsWay;
}

/** Fills `{name}` placeholders (numbers the language's way); a missing value is left visible, not dropped. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return fillMessage((dictionaries[lang] ?? sv)[key], params, hasLanguage(lang) ? lang : 'sv');
}

export const isMessageKey = (id: string): id is MessageKey => Object.prototype.hasOwnProperty.call(sv, id);

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

/** Fetches English in the background once the page has loaded and is idle: the switch then needs no network. */
export function loadEnglishWhenIdle(): void {
  const fetchIt = () => void loadLanguage('en').catch(() => {});
  const whenIdle = () =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(fetchIt, { timeout: 5000 })
      : window.setTimeout(fetchIt, 2000);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
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
