import { useEffect, useState } from 'react';
import { GET, oncePerVisit, type ApiAnswer } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { EVERY_PAGE_FIRST_CALLS } from '../firstCalls';

/** The municipality's name, logo, colour and contact, as GET /api/municipality gives them. */
export type PublicMunicipality = ApiAnswer<'/api/municipality', 'get'>;

/** The answer, once it has come: a page rendered after that has it in its first paint. */
let arrived: PublicMunicipality | null = null;

/** GET /api/municipality, once a visit: asked for by the entry as the page opens (main.tsx), and by the header. */
export const loadMunicipality = () =>
  oncePerVisit('municipality', () => GET(EVERY_PAGE_FIRST_CALLS.municipality)).then((m) => (arrived = m));

/**
 * The configured municipality, fetched once a visit; null until it arrives (and if it never does: the page then
 * keeps the demo's texts and colours from the catalogue and the stylesheet, which is better than no page).
 */
export function useMunicipality(): PublicMunicipality | null {
  const [municipality, setMunicipality] = useState<PublicMunicipality | null>(() => arrived);
  useEffect(() => {
    let live = true;
    loadMunicipality().then(
      (m) => {
        if (live) setMunicipality(m);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!municipality) return;
    // The server refused any colour white text fails on (WCAG AA), so the stylesheet's pairs stay readable.
    const root = document.documentElement.style;
    root.setProperty('--brand', municipality.colours.primary);
    if (municipality.colours.primaryDark) root.setProperty('--brand-dark', municipality.colours.primaryDark);
  }, [municipality]);
  return municipality;
}

/** The municipality's name in the page's language; the catalogue's (the demo town's) until the server has said. */
export function useMunicipalityName(): string {
  const { t, lang } = useI18n();
  const municipality = useMunicipality();
  if (!municipality) return t('app.municipality');
  return lang === 'en' ? (municipality.nameEn ?? municipality.name) : municipality.name;
}
