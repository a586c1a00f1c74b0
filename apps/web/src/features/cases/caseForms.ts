import { z } from 'zod';
import {
  AssignInputSchema,
  CompletionAnswerInputSchema,
  CompletionRequestFieldsSchema,
  DecisionInputSchema,
  ConsultationInputSchema,
  ExtensionInputSchema,
  FeeDecisionInputSchema,
  NoteInputSchema,
  HearingOnlineAnswerInputSchema,
  HearingPaperAnswerInputSchema,
  HearingStartInputSchema,
  ProposalActionInputSchema,
  StartApprovalInputSchema,
  WithdrawInputSchema,
  completionRequestAsksForSomething,
  completionRequestEmptyIssue,
  isWorkingDay,
  type CaseCommandLimits,
  type DecidableOutcome,
  type DomainMessageId,
} from '@lovisa/domain';
import { isMessageKey, type Message, type MessageParams } from '../../i18n/i18n';
import { ApiError, apiIssueMessage, type ApiIssue } from '../../api/http';

/**
 * The case forms' schemas: the domain's request schemas without `version` (the page adds the version it shows),
 * narrowed by the case's own bounds from `caseCommandLimits`. No rule is written here, so the browser refuses
 * what the server would and nothing more.
 */

type Limits = CaseCommandLimits;
const id = (messageId: DomainMessageId) => messageId;

/** "Assign to colleague": unlike the API, the form has no "me" (that is its own button), so a colleague is required. */
export const assignFormSchema = AssignInputSchema.omit({ version: true }).extend({
  officer: AssignInputSchema.shape.officer.unwrap(),
});

export const proposalReturnFormSchema = ProposalActionInputSchema.omit({ version: true });

/**
 * The reply-by day may not come before the case's earliest one, nor be a weekend, holiday or holiday eve: the
 * bounds the server checks too.
 */
export const completionRequestFormSchema = (limits: NonNullable<Limits['completion']>) =>
  CompletionRequestFieldsSchema.omit({ version: true })
    .extend({
      items: CompletionRequestFieldsSchema.shape.items.unwrap(),
      replyBy: CompletionRequestFieldsSchema.shape.replyBy
        .refine((day) => day >= limits.minReplyBy, id('case.issue.REPLY_BY_TOO_EARLY'))
        .refine(isWorkingDay, id('case.issue.REPLY_BY_CLOSED_DAY')),
    })
    .refine(completionRequestAsksForSomething, completionRequestEmptyIssue);

/** Weeks as typed; the law's maximum for this case's procedure comes from the limits. */
export const extensionFormSchema = (limits: NonNullable<Limits['extension']>) =>
  ExtensionInputSchema.omit({ version: true }).extend({
    weeks: ExtensionInputSchema.shape.weeks.max(limits.maxWeeks, id('form.weeks.tooMany')),
    reason: ExtensionInputSchema.shape.reason.min(limits.reasonMinLength, id('form.extension.reason.tooShort')),
  });

export const startApprovalFormSchema = StartApprovalInputSchema.omit({ version: true });

export const feeDecisionFormSchema = FeeDecisionInputSchema.omit({ version: true });

export const noteFormSchema = NoteInputSchema.omit({ version: true });

/** A remiss's reply-by day: a working day, checked here as the server checks it. */
export const consultationFormSchema = ConsultationInputSchema.omit({ version: true }).extend({
  replyBy: ConsultationInputSchema.shape.replyBy.refine(isWorkingDay, id('case.issue.REPLY_BY_CLOSED_DAY')),
});

/** The hearing's reply-by day: a working day no earlier than the rule set's minimum (the server checks the same). */
export const hearingStartFormSchema = (limits: NonNullable<Limits['hearing']>) =>
  HearingStartInputSchema.omit({ version: true }).extend({
    replyBy: HearingStartInputSchema.shape.replyBy
      .refine((day) => day >= limits.minReplyBy, 'hearing.replyByEarly')
      .refine(isWorkingDay, id('case.issue.REPLY_BY_CLOSED_DAY')),
  });

/** An objection or a comment says what; "no objection" needs no words. */
const saysWhat = (v: { kind: string; text?: string | undefined }) => v.kind === 'noObjection' || !!v.text?.trim();
const saysWhatIssue = { message: id('case.issue.HEARING_TEXT_MISSING'), path: ['text'] };
export const hearingPaperFormSchema = HearingPaperAnswerInputSchema.omit({ version: true }).refine(
  saysWhat,
  saysWhatIssue,
);
export const hearingOnlineFormSchema = HearingOnlineAnswerInputSchema.refine(saysWhat, saysWhatIssue);

/** One condition a line, blank lines left out. */
export const conditionLines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const ConditionListSchema = DecisionInputSchema.shape.conditions.unwrap();

/**
 * The decision: only the outcomes this case allows, and conditions written one a line. The conditions field is
 * there only for a grant (it unregisters otherwise), so a refusal sends none, as the server requires.
 */
export const decisionFormSchema = (limits: NonNullable<Limits['decision']>) =>
  DecisionInputSchema.omit({ version: true }).extend({
    outcome: DecisionInputSchema.shape.outcome.extract(limits.outcomes as [DecidableOutcome, ...DecidableOutcome[]]),
    reason: DecisionInputSchema.shape.reason.min(limits.reasonMinLength, id('form.decision.reason.tooShort')),
    // A line's problem is reported on the one field the officer sees, not on a line index.
    conditions: z
      .string()
      .optional()
      .transform((text, ctx) => {
        const parsed = ConditionListSchema.safeParse(conditionLines(text));
        if (parsed.success) return parsed.data;
        for (const issue of parsed.error.issues)
          ctx.issues.push({ code: 'custom', message: issue.message, input: text });
        return z.NEVER;
      }),
  });

export const completionAnswerFormSchema = CompletionAnswerInputSchema.omit({ version: true });

export const withdrawFormSchema = WithdrawInputSchema.omit({ version: true });

/**
 * A form field's error as a message: a schema's message is an id (rendered in the visitor's language, with the
 * form's `params`); a server issue that could not stay an id was put there as words, shown as they are.
 */
export function fieldMessage(error: { message?: string } | undefined, params?: MessageParams): Message | undefined {
  const m = error?.message;
  if (!m) return undefined;
  return isMessageKey(m) ? { id: m, ...(params ? { params } : {}) } : { id: '', text: m };
}

/** The form field an API issue names: `body.replyBy`, `replyBy` and `items.SEK` name `replyBy` and `items`. */
export function issueField<F extends string>(issue: Pick<ApiIssue, 'path'>, fields: readonly F[]): F | undefined {
  const [first, second] = issue.path.split('.');
  const name = first === 'body' ? second : first;
  return fields.find((f) => f === name);
}

/**
 * Puts a refusal's issues beside the fields they name (the first one of each field, focus on the first), so the
 * officer sees where as well as what; the page's notice still says what went wrong as a whole.
 * `say` renders an issue that carries parameters, since a form error holds a string.
 */
export function showIssues<F extends string>(
  error: unknown,
  fields: readonly F[],
  setError: (name: F, error: { type: string; message: string }, options: { shouldFocus: boolean }) => void,
  say: (m: Message) => string,
): void {
  if (!(error instanceof ApiError)) return;
  const done = new Set<F>();
  for (const issue of error.issues) {
    const field = issueField(issue, fields);
    if (!field || done.has(field)) continue;
    const message =
      issue.messageId && isMessageKey(issue.messageId) && !issue.params ? issue.messageId : say(apiIssueMessage(issue));
    setError(field, { type: 'server', message }, { shouldFocus: done.size === 0 });
    done.add(field);
  }
}
