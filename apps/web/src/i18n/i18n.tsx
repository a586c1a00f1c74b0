import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, enFromSwedish } from './en';
import { sv, type MessageKey } from './sv';

export type Lang = 'sv' | 'en';
export type { MessageKey };
const dictionaries: Record<Lang, Record<MessageKey, string>> = { sv, en };

/** Fills `{name}` placeholders; a missing value is left visible rather than silently dropped. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

// For the few texts made outside React (the API client's network error), the language last chosen.
let current: Lang = 'sv';
export const currentLang = (): Lang => current;

export interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Picks the language's half of a domain label (`measureLabels[m]`, `outcomeLabels[o]`, …). */
  label(l: { sv: string; en: string }): string;
  /** A message written in Swedish by the server or a domain rule, in the chosen language when known. */
  msg(text: string): string;
}

export const translateMessage = (lang: Lang, text: string): string => (lang === 'en' ? (enFromSwedish[text] ?? text) : text);

const I18nContext = createContext<I18n>({
  lang: 'sv',
  setLang: () => {},
  t: (key, params) => translate('sv', key, params),
  label: (l) => l.sv,
  msg: (text) => text,
});

const LANG_KEY = 'lovisa.lang';
/** The browser's remembered choice; storage may be unavailable (privacy modes), and then Swedish it is. */
function rememberedLang(): Lang {
  try {
    return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

/**
 * Swedish first. The choice is remembered in this browser (a language is no personal data); the kiosk wipes
 * all storage when a visitor leaves, so the next visitor starts in Swedish.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(rememberedLang);
  useEffect(() => {
    current = lang;
    document.documentElement.lang = lang;
    try {
      if (lang === 'en') window.localStorage.setItem(LANG_KEY, 'en');
      else window.localStorage.removeItem(LANG_KEY);
    } catch {
      // Not remembered, still used.
    }
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params), label: (l) => l[lang], msg: (text) => translateMessage(lang, text) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
