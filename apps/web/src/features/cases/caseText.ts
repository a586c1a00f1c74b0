import { caseStatusLabels, daysLeft, outcomeLabels, type CaseSummary } from '@lovisa/domain';
import { translate, type Lang } from '../../i18n/i18n';

/** One phrase for where a case stands, the same on every face. */
export function caseStateText(c: Pick<CaseSummary, 'status' | 'outcome'>, lang: Lang = 'sv'): string {
  return c.outcome ? outcomeLabels[c.outcome][lang] : caseStatusLabels[c.status][lang];
}

/** Days to the statutory deadline, in words as well as colour: under 14 days is "soon", past it "overdue". */
export function deadlineTone(deadline: string, today = new Date(), lang: Lang = 'sv'): { days: number; tone: 'ok' | 'soon' | 'overdue'; text: string } {
  const days = daysLeft(deadline, today);
  if (days < 0) return { days, tone: 'overdue', text: days === -1 ? translate(lang, 'case.dayLate') : translate(lang, 'case.daysLate', { n: -days }) };
  const text = days === 1 ? translate(lang, 'case.dayLeft') : translate(lang, 'case.daysLeft', { n: days });
  return { days, tone: days < 14 ? 'soon' : 'ok', text };
}
