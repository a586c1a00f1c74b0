import { attachmentLabels, type AttachmentType } from '../attachment';
import type { ErrorCode } from '../errors';
import { caseStatusLabels, type CaseStatus } from './schemas';

/**
 * Why a case command was refused: a stable code a client can act on, the parameters its text needs, and the
 * field it is about. Texts come from `caseProblemText`, in either language; nothing looks them up by wording.
 */
export type CaseProblemCode =
  | 'WRONG_ROLE'
  | 'NOT_TEAM_LEAD'
  | 'ALREADY_DECIDED'
  | 'WITHDRAWN'
  | 'NOT_ALLOWED_NOW'
  | 'STALE_VERSION'
  | 'ASSIGNEE_NOT_IN_TEAM'
  | 'REPLY_BY_TOO_EARLY'
  | 'EXTENSION_ALREADY_USED'
  | 'EXTENSION_WAITING_FOR_COMPLETION'
  | 'EXTENSION_TOO_LONG'
  | 'EXTENSION_TOO_LATE'
  | 'NOTIFICATION_ENDS_IN_START_APPROVAL'
  | 'CONDITIONS_ONLY_ON_APPROVAL'
  | 'NOT_AWAITING_COMPLETION'
  | 'COMPLETION_ITEMS_MISSING'
  | 'COMPLETION_EMPTY';

export interface CaseProblem {
  code: CaseProblemCode;
  /** The field the problem is about, in the request's terms. */
  path?: string;
  status?: CaseStatus;
  items?: AttachmentType[];
  maxWeeks?: number;
}

/** How each refusal travels over HTTP: a conflict with the case's state, a bad input, or a missing right. */
export const caseProblemErrorCode: Record<CaseProblemCode, ErrorCode> = {
  WRONG_ROLE: 'forbidden',
  NOT_TEAM_LEAD: 'forbidden',
  ALREADY_DECIDED: 'conflict',
  WITHDRAWN: 'conflict',
  NOT_ALLOWED_NOW: 'conflict',
  STALE_VERSION: 'conflict',
  ASSIGNEE_NOT_IN_TEAM: 'invalidInput',
  REPLY_BY_TOO_EARLY: 'invalidInput',
  EXTENSION_ALREADY_USED: 'conflict',
  EXTENSION_WAITING_FOR_COMPLETION: 'invalidInput',
  EXTENSION_TOO_LONG: 'invalidInput',
  EXTENSION_TOO_LATE: 'invalidInput',
  NOTIFICATION_ENDS_IN_START_APPROVAL: 'invalidInput',
  CONDITIONS_ONLY_ON_APPROVAL: 'invalidInput',
  NOT_AWAITING_COMPLETION: 'conflict',
  COMPLETION_ITEMS_MISSING: 'invalidInput',
  COMPLETION_EMPTY: 'invalidInput',
};

type Lang = 'sv' | 'en';
type Text = (p: CaseProblem, lang: Lang) => string;
const both =
  (sv: (p: CaseProblem) => string, en: (p: CaseProblem) => string): Text =>
  (p, lang) =>
    lang === 'sv' ? sv(p) : en(p);
const fixed = (sv: string, en: string): Text => both(() => sv, () => en);
const label = (item: AttachmentType, lang: Lang) => attachmentLabels[item][lang].toLowerCase();

const texts: Record<CaseProblemCode, Text> = {
  WRONG_ROLE: fixed('Du har inte behörighet till detta.', 'You do not have permission for this.'),
  NOT_TEAM_LEAD: fixed('Det är bara en gruppledare som kan bekräfta eller returnera ett beslutsförslag.', 'Only a team lead can confirm or return a proposed decision.'),
  ALREADY_DECIDED: fixed('Ärendet är redan beslutat.', 'The case has already been decided.'),
  WITHDRAWN: fixed('Ansökan har återkallats.', 'The application has been withdrawn.'),
  NOT_ALLOWED_NOW: both(
    (p) => `Det går inte i ärendets nuvarande läge (${p.status ? caseStatusLabels[p.status].sv.toLowerCase() : 'okänt'}).`,
    (p) => `That cannot be done in the case's present state (${p.status ? caseStatusLabels[p.status].en.toLowerCase() : 'unknown'}).`,
  ),
  STALE_VERSION: fixed('Ärendet har ändrats sedan du hämtade det. Ladda om sidan och försök igen.', 'The case has changed since you opened it. Reload the page and try again.'),
  ASSIGNEE_NOT_IN_TEAM: fixed('Handläggaren finns inte i din grupp.', 'The officer is not in your team.'),
  REPLY_BY_TOO_EARLY: fixed('Svarsdatumet måste ligga efter i dag.', 'The reply-by date must be after today.'),
  EXTENSION_ALREADY_USED: fixed('Tiden har redan förlängts en gång. Den får bara förlängas en gång.', 'The time has already been extended once. It may only be extended once.'),
  EXTENSION_WAITING_FOR_COMPLETION: fixed(
    'Tiden står still i väntan på komplettering. Förläng när kompletteringen har kommit in.',
    'The clock is stopped while waiting for completion. Extend once the completion has arrived.',
  ),
  EXTENSION_TOO_LONG: both(
    (p) => `Förlängningen är längre än lagen tillåter${p.maxWeeks ? ` (högst ${p.maxWeeks} veckor)` : ''}.`,
    (p) => `The extension is longer than the law allows${p.maxWeeks ? ` (at most ${p.maxWeeks} weeks)` : ''}.`,
  ),
  EXTENSION_TOO_LATE: fixed('Tidsfristen har redan passerat. Den kan bara förlängas innan den går ut.', 'The time limit has already passed. It can only be extended before it runs out.'),
  NOTIFICATION_ENDS_IN_START_APPROVAL: fixed('Ett anmälningsärende avslutas med startbesked, inte med bygglov.', 'A notification ends in a start approval, not in a permit.'),
  CONDITIONS_ONLY_ON_APPROVAL: fixed('Villkor hör bara till ett beviljat lov.', 'Conditions belong only to a granted permit.'),
  NOT_AWAITING_COMPLETION: fixed('Kommunen har inte begärt någon komplettering som väntar på svar.', 'The municipality has not asked for a completion that awaits an answer.'),
  COMPLETION_ITEMS_MISSING: both(
    (p) => (p.items?.length === 1 ? `Bifoga ${label(p.items[0]!, 'sv')} innan du skickar.` : 'Bifoga de handlingar som kommunen bad om innan du skickar.'),
    (p) => (p.items?.length === 1 ? `Attach the ${label(p.items[0]!, 'en')} before you send.` : 'Attach the documents the municipality asked for before you send.'),
  ),
  COMPLETION_EMPTY: fixed('Bifoga en fil eller skriv ett svar.', 'Attach a file or write an answer.'),
};

/** The text of a refusal in one language. */
export const caseProblemText = (p: CaseProblem, lang: Lang): string => texts[p.code](p, lang);

/** What each field of a refused command should say beside it (the form shows these under the inputs). */
export function caseProblemIssues(p: CaseProblem, lang: Lang): { path: string; message: string }[] {
  if (p.code === 'COMPLETION_ITEMS_MISSING') {
    return (p.items ?? []).map((m) => ({ path: `items.${m}`, message: lang === 'sv' ? `Bifoga ${label(m, 'sv')}.` : `Attach the ${label(m, 'en')}.` }));
  }
  const field: Partial<Record<CaseProblemCode, [string, string]>> = {
    ASSIGNEE_NOT_IN_TEAM: ['Välj en handläggare i gruppen.', 'Choose an officer of the team.'],
    REPLY_BY_TOO_EARLY: ['Välj ett datum efter i dag.', 'Choose a date after today.'],
    NOTIFICATION_ENDS_IN_START_APPROVAL: ['Ge startbesked i stället.', 'Give a start approval instead.'],
    CONDITIONS_ONLY_ON_APPROVAL: ['Ta bort villkoren eller bevilja.', 'Remove the conditions or grant the permit.'],
    COMPLETION_EMPTY: ['Skriv ett svar.', 'Write an answer.'],
  };
  const own = field[p.code];
  if (!p.path) return [];
  return [{ path: p.path, message: own ? own[lang === 'sv' ? 0 : 1] : caseProblemText(p, lang) }];
}
