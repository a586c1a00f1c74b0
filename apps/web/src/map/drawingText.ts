import type { Lang } from '../i18n/i18n';
import type { MessageKey } from '../i18n/sv';
import { formatAreaPlain as formatArea, formatDecimal } from '../numbers';
import type { BoundarySide } from './mapSite';
import type { BuildingFacts, DrawingWarning } from './drawingWarnings';

// The drawing in words: the same facts the map shows, for everyone who reads rather than looks.

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "2,1" or "4,46" (sv): centimetres at most, as the rules read a drawing. */
export const formatMetres = (m: number, lang: Lang): string => formatDecimal(Math.round(m * 100) / 100, lang, 1, 2);

export const buildingName = (n: number, t: Translate): string => t('map.building', { n });

/** "gränsen mot Kjellstavik Eken 1:22", "gränsen mot Ekvägen" or "norra gränsen". */
export function boundaryText(b: BoundarySide | null, t: Translate): string {
  if (!b) return t('map.boundary.any');
  return b.name ? t('map.boundaryTowards', { name: b.name }) : t(`map.boundary.${b.side}`);
}

/** "Byggnad 1: 4,0 × 3,5 m, 14,0 m², 2,1 m från gränsen mot Kjellstavik Eken 1:24". */
export function buildingSummary(f: BuildingFacts, t: Translate, lang: Lang): string {
  const parts: string[] = [];
  if (f.rectangle)
    parts.push(
      t('map.summaryDims', {
        width: formatMetres(f.rectangle.widthM, lang),
        depth: formatMetres(f.rectangle.depthM, lang),
      }),
    );
  parts.push(formatArea(f.areaM2, lang));
  if (!f.usable) parts.push(t('map.summaryUnusable'));
  else if (!f.within) parts.push(t('map.summaryOutside'));
  else if (f.nearest)
    parts.push(
      t('map.summaryDistance', {
        distance: formatMetres(f.nearest.distanceM, lang),
        boundary: boundaryText(f.boundary, t),
      }),
    );
  return `${buildingName(f.number, t)}: ${parts.join(', ')}`;
}

/** A list of names as people write it: "A", "A och B", "A, B och C". */
function listOf(names: string[], t: Translate): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${t('map.and')} ${names.at(-1)}`;
}

/** What is wrong and what to do about it, in the page's language. */
export function warningText(w: DrawingWarning, t: Translate, lang: Lang): string {
  const name = 'building' in w ? buildingName(w.building, t) : '';
  switch (w.code) {
    case 'invalidShape':
      return t('map.warn.invalidShape', { name });
    case 'selfIntersecting':
      return t('map.warn.selfIntersecting', { name });
    case 'outside':
      return t('map.warn.outside', { name });
    case 'prickmark':
      return t('map.warn.prickmark', { name, area: formatArea(w.areaM2, lang) });
    case 'korsmark':
      return t('map.warn.korsmark', { name, area: formatArea(w.areaM2, lang) });
    case 'overlapsExisting':
      return t('map.warn.overlapsExisting', { name, area: formatArea(w.areaM2, lang) });
    case 'overlapsDrawn':
      return t('map.warn.overlapsDrawn', { name, other: buildingName(w.other, t) });
    case 'neighbourConsent':
      return t('map.warn.neighbourConsent', {
        name,
        distance: formatMetres(w.distanceM, lang),
        boundary: boundaryText(w.boundary, t),
        limit: formatMetres(w.limitM, lang),
        neighbours: w.neighbours.length ? listOf(w.neighbours, t) : t('map.theNeighbour'),
      });
    case 'planBoundaryDistance':
      return t('map.warn.planBoundaryDistance', {
        name,
        distance: formatMetres(w.distanceM, lang),
        boundary: boundaryText(w.boundary, t),
        limit: formatMetres(w.limitM, lang),
      });
    case 'allowanceExceeded':
      return t('map.warn.allowanceExceeded', { finding: w.finding[lang] });
    case 'buildingAreaExceeded':
      return t('map.warn.buildingAreaExceeded', {
        used: formatArea(w.usedM2, lang),
        limit: formatArea(w.limitM2, lang),
      });
  }
}

/** A stable key for a warning in a list. */
export const warningKey = (w: DrawingWarning): string =>
  `${w.code}-${'building' in w ? w.building : ''}-${'other' in w ? w.other : ''}`;
