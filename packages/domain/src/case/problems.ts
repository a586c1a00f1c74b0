import { attachmentLabels, type AttachmentType } from '../attachment';
import type { ErrorCode } from '../errors';
import type { Message } from '../messages/fill';
import { message, type DomainMessageId } from '../messages/sv';
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
  | 'REPLY_BY_CLOSED_DAY'
  | 'EXTENSION_ALREADY_USED'
  | 'EXTENSION_WAITING_FOR_COMPLETION'
  | 'EXTENSION_TOO_LONG'
  | 'EXTENSION_TOO_LATE'
  | 'NOTIFICATION_ENDS_IN_START_APPROVAL'
  | 'CONDITIONS_ONLY_ON_APPROVAL'
  | 'NOT_AWAITING_COMPLETION'
  | 'COMPLETION_ITEMS_MISSING'
  | 'COMPLETION_EMPTY'
  | 'DELIVERY_DATE_INVALID'
  | 'HEARING_MISSING'
  | 'HEARING_RUNNING'
  | 'HEARING_NO_PARTIES'
  | 'HEARING_REPLY_BY_TOO_EARLY'
  | 'HEARING_NOT_RUNNING'
  | 'HEARING_NOT_A_PARTY'
  | 'HEARING_CLOSED'
  | 'HEARING_REPLY_BY_PASSED'
  | 'HEARING_RECEIVED_ON_INVALID'
  | 'HEARING_TEXT_MISSING'
  | 'HEARING_CLOSE_TOO_EARLY'
  | 'CONSULTATION_ANSWERED'
  | 'COMMITTEE_DECIDES'
  | 'MEETING_NOT_FOUND'
  | 'MEETING_PASSED'
  | 'MINUTES_PARAGRAPH_INVALID'
  | 'COMMITTEE_REASON_MISSING';

export interface CaseProblem {
  code: CaseProblemCode;
  /** The field the problem is about, in the request's terms. */
  path?: string;
  status?: CaseStatus;
  items?: AttachmentType[];
  maxWeeks?: number;
  /** The rule set's shortest hearing reply time, in days. */
  minDays?: number;
  /** The running hearing's reply-by day. */
  replyBy?: string;
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
  REPLY_BY_CLOSED_DAY: 'invalidInput',
  EXTENSION_ALREADY_USED: 'conflict',
  EXTENSION_WAITING_FOR_COMPLETION: 'invalidInput',
  EXTENSION_TOO_LONG: 'invalidInput',
  EXTENSION_TOO_LATE: 'invalidInput',
  NOTIFICATION_ENDS_IN_START_APPROVAL: 'invalidInput',
  CONDITIONS_ONLY_ON_APPROVAL: 'invalidInput',
  NOT_AWAITING_COMPLETION: 'conflict',
  COMPLETION_ITEMS_MISSING: 'invalidInput',
  COMPLETION_EMPTY: 'invalidInput',
  DELIVERY_DATE_INVALID: 'invalidInput',
  HEARING_MISSING: 'conflict',
  HEARING_RUNNING: 'conflict',
  HEARING_NO_PARTIES: 'invalidInput',
  HEARING_REPLY_BY_TOO_EARLY: 'invalidInput',
  HEARING_NOT_RUNNING: 'conflict',
  HEARING_NOT_A_PARTY: 'forbidden',
  HEARING_CLOSED: 'conflict',
  HEARING_REPLY_BY_PASSED: 'conflict',
  HEARING_RECEIVED_ON_INVALID: 'invalidInput',
  HEARING_TEXT_MISSING: 'invalidInput',
  HEARING_CLOSE_TOO_EARLY: 'conflict',
  CONSULTATION_ANSWERED: 'conflict',
  COMMITTEE_DECIDES: 'conflict',
  MEETING_NOT_FOUND: 'invalidInput',
  MEETING_PASSED: 'invalidInput',
  MINUTES_PARAGRAPH_INVALID: 'invalidInput',
  COMMITTEE_REASON_MISSING: 'invalidInput',
};

/** A refusal as a message by id (messages/sv.ts, `case.problem.*`): each face says it in its own language. */
export function caseProblemMessage(p: CaseProblem): Message {
  if (p.code === 'COMPLETION_ITEMS_MISSING' && p.items?.length === 1)
    return message('case.problem.COMPLETION_ITEM_MISSING', { item: itemWord(p.items[0]!) });
  if (p.code === 'NOT_ALLOWED_NOW') return message('case.problem.NOT_ALLOWED_NOW', { status: statusWord(p.status) });
  if (p.code === 'HEARING_REPLY_BY_TOO_EARLY')
    return message('case.problem.HEARING_REPLY_BY_TOO_EARLY', { minDays: p.minDays ?? 0 });
  if (p.code === 'HEARING_CLOSE_TOO_EARLY')
    return message('case.problem.HEARING_CLOSE_TOO_EARLY', { replyBy: p.replyBy ?? '' });
  if (p.code === 'EXTENSION_TOO_LONG') return message('case.problem.EXTENSION_TOO_LONG', { maxWeeks: p.maxWeeks ?? 0 });
  return message(`case.problem.${p.code}`);
}

const itemWord = (item: AttachmentType) => ({
  sv: attachmentLabels[item].sv.toLowerCase(),
  en: attachmentLabels[item].en.toLowerCase(),
});
const statusWord = (status: CaseStatus | undefined) =>
  status
    ? { sv: caseStatusLabels[status].sv.toLowerCase(), en: caseStatusLabels[status].en.toLowerCase() }
    : { sv: 'okänt', en: 'unknown' };

const fieldMessages: Partial<Record<CaseProblemCode, DomainMessageId>> = {
  ASSIGNEE_NOT_IN_TEAM: 'case.issue.ASSIGNEE_NOT_IN_TEAM',
  REPLY_BY_TOO_EARLY: 'case.issue.REPLY_BY_TOO_EARLY',
  REPLY_BY_CLOSED_DAY: 'case.issue.REPLY_BY_CLOSED_DAY',
  NOTIFICATION_ENDS_IN_START_APPROVAL: 'case.issue.NOTIFICATION_ENDS_IN_START_APPROVAL',
  CONDITIONS_ONLY_ON_APPROVAL: 'case.issue.CONDITIONS_ONLY_ON_APPROVAL',
  COMPLETION_EMPTY: 'case.issue.COMPLETION_EMPTY',
  HEARING_MISSING: 'case.issue.HEARING_MISSING',
  HEARING_RUNNING: 'case.issue.HEARING_RUNNING',
  HEARING_TEXT_MISSING: 'case.issue.HEARING_TEXT_MISSING',
  HEARING_RECEIVED_ON_INVALID: 'case.issue.HEARING_RECEIVED_ON_INVALID',
};

/** What each field of a refused command should say beside it (the form shows these under the inputs). */
export function caseProblemIssues(p: CaseProblem): { path: string; message: Message }[] {
  if (p.code === 'COMPLETION_ITEMS_MISSING') {
    return (p.items ?? []).map((m) => ({
      path: `items.${m}`,
      message: message('case.issue.COMPLETION_ITEM_MISSING', { item: itemWord(m) }),
    }));
  }
  if (!p.path) return [];
  const own = fieldMessages[p.code];
  return [{ path: p.path, message: own ? message(own) : caseProblemMessage(p) }];
}
