/** A value put into a message: a number (written the language's way), a word, or a word in both languages. */
export type MessageParam = string | number | { sv: string; en: string };
export type MessageParams = Record<string, MessageParam>;

/**
 * A text addressed by a stable id, with what it needs filled in. The domain, the wizard and the server speak in
 * these; each face renders them in its language from its catalogue. `text` is the server's own (Swedish)
 * words, shown only when this build does not know `id` (an older page talking to a newer server).
 */
export interface Message {
  id: string;
  params?: MessageParams;
  text?: string;
}

/** Swedish decimals use a comma; two decimals at most, so 4,49 m and 4,5 m read as people write them. */
export function formatNumber(value: number, lang: 'sv' | 'en'): string {
  const rounded = Math.round(value * 100) / 100;
  const s = String(rounded);
  return lang === 'sv' ? s.replace('.', ',').replace('-', '−') : s;
}

/** Fills `{name}` placeholders; a missing value is left visible rather than silently dropped. */
export function fillMessage(template: string, params: MessageParams | undefined, lang: 'sv' | 'en'): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(v, lang) : typeof v === 'string' ? v : v[lang];
  });
}
