import { caseStatusLabels, daysLeft, outcomeLabel, type CaseSummary, type Procedure } from '@lovisa/domain';
import { translate, type Lang } from '../../i18n/i18n';

/** One phrase for where a case stands, the same on every face (a notification's outcome reads as a start approval). */
export function caseStateText(
  c: Pick<CaseSummary, 'status' | 'outcome'> & { procedure?: Procedure },
  lang: Lang = 'sv',
): string {
  return c.outcome ? outcomeLabel(c.outcome, c.procedure ?? 'permit')[lang] : caseStatusLabels[c.status][lang];
}

/** Days to the statutory deadline, in words as well as colour: under 14 days is "soon", past it "overdue". */
export function deadlineTone(
  deadline: string,
  today = new Date(),
  lang: Lang = 'sv',
): { days: number; tone: 'ok' | 'soon' | 'overdue'; text: string } {
  return toneOfDays(daysLeft(deadline, today), lang);
}

/** The same words and colour from a number of days the server's clock already computed. */
export function toneOfDays(
  days: number,
  lang: Lang = 'sv',
): { days: number; tone: 'ok' | 'soon' | 'overdue'; text: string } {
  if (days < 0)
    return {
      days,
      tone: 'overdue',
      text: days === -1 ? translate(lang, 'case.dayLate') : translate(lang, 'case.daysLate', { n: -days }),
    };
  const text = days === 1 ? translate(lang, 'case.dayLeft') : translate(lang, 'case.daysLeft', { n: days });
  return { days, tone: days < 14 ? 'soon' : 'ok', text };
}

/** "40 %" from 0.4 (a share of the fee that falls away). */
export const percent = (share: number, lang: Lang = 'sv') =>
  `${Math.round(share * 100)}${lang === 'sv' ? '\u00a0' : ''}%`;
