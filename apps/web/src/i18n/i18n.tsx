import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { en } from './en';
import { sv, type MessageKey } from './sv';

export type Lang = 'sv' | 'en';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { sv, en };

const I18nContext = createContext<{ lang: Lang; setLang(l: Lang): void; t(key: MessageKey): string }>({
  lang: 'sv',
  setLang: () => {},
  t: (key) => sv[key],
});

/** Swedish first; the choice lives in memory only (a shared kiosk must not remember it). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>('sv');
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={{ lang, setLang, t: (key) => dictionaries[lang][key] }}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
