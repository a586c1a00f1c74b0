import { caseStatusLabels, daysLeft, outcomeLabels, type CaseSummary } from '@lovisa/domain';

/** One phrase for where a case stands, the same on every face. */
export function caseStateText(c: Pick<CaseSummary, 'status' | 'outcome'>): string {
  return c.outcome ? outcomeLabels[c.outcome].sv : caseStatusLabels[c.status].sv;
}

export function deadlineTone(deadline: string, today = new Date()): { days: number; tone: 'ok' | 'soon' | 'overdue'; text: string } {
  const days = daysLeft(deadline, today);
  if (days < 0) return { days, tone: 'overdue', text: `${-days} dagar försenat` };
  if (days < 14) return { days, tone: 'soon', text: `${days} dagar kvar` };
  return { days, tone: 'ok', text: `${days} dagar kvar` };
}
