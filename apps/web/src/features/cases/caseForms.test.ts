import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { isMessageKey, loadLanguage } from '../../i18n/i18n';
import {
  assignFormSchema,
  completionAnswerFormSchema,
  completionRequestFormSchema,
  decisionFormSchema,
  extensionFormSchema,
  fieldMessage,
  issueField,
  showIssues,
} from './caseForms';

/** Each field's first issue: what react-hook-form's zodResolver puts beside the fields. */
const issues = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) => {
  const first = new Map<string, string>();
  for (const i of r.error?.issues ?? []) if (!first.has(i.path.join('.'))) first.set(i.path.join('.'), i.message);
  return [...first];
};

const completion = {
  minReplyBy: '2026-12-07',
  defaultReplyBy: '2026-12-28',
  restartsClock: true,
  lastDayThatRestarts: '2026-12-20',
};
const decision = {
  proposes: false,
  outcomes: ['refused', 'dismissed'] as ('approved' | 'refused' | 'dismissed')[],
  reasonMinLength: 5,
  hearingNeeded: false,
  committeeGrounds: { approved: [], refused: [] },
  mayRefer: true,
};

describe('case forms', () => {
  // The officer's pages come with all of the Swedish texts (App.tsx's withTexts).
  beforeAll(() => loadLanguage('sv'));

  it('asks an order to complete for something, by a day the case allows', () => {
    const schema = completionRequestFormSchema(completion);
    expect(issues(schema.safeParse({ items: [], text: '  ', replyBy: '2026-12-04' }))).toEqual([
      ['replyBy', 'case.issue.REPLY_BY_TOO_EARLY'],
      ['items', 'form.completion.empty'],
    ]);
    expect(issues(schema.safeParse({ items: [], text: '', replyBy: 'snart' }))).toContainEqual([
      'replyBy',
      'form.replyBy.invalid',
    ]);
    expect(schema.parse({ items: ['SEK'], text: ' Visa nocken. ', replyBy: '2026-12-07' })).toEqual({
      items: ['SEK'],
      text: 'Visa nocken.',
      replyBy: '2026-12-07',
    });
    for (const closed of ['2026-12-12', '2026-12-24', '2026-12-25', '2027-01-06'])
      expect(issues(schema.safeParse({ items: ['SEK'], text: '', replyBy: closed }))).toEqual([
        ['replyBy', 'case.issue.REPLY_BY_CLOSED_DAY'],
      ]);
  });

  it('bounds an extension by the case’s procedure, not by a number of its own', () => {
    const notification = extensionFormSchema({ maxWeeks: 4, defaultWeeks: 4, reasonMinLength: 5 });
    expect(issues(notification.safeParse({ weeks: 5, reason: 'Grannehöring' }))).toEqual([
      ['weeks', 'form.weeks.tooMany'],
    ]);
    expect(issues(notification.safeParse({ weeks: undefined, reason: 'kort' }))).toEqual([
      ['weeks', 'form.weeks.invalid'],
      ['reason', 'form.extension.reason.tooShort'],
    ]);
    expect(issues(notification.safeParse({ weeks: Number.NaN, reason: 'Grannehöring' }))).toEqual([
      ['weeks', 'form.weeks.invalid'],
    ]);
    expect(
      extensionFormSchema({ maxWeeks: 10, defaultWeeks: 4, reasonMinLength: 5 }).parse({
        weeks: 10,
        reason: ' Grannehöring ',
      }),
    ).toEqual({ weeks: 10, reason: 'Grannehöring' });
  });

  it('offers only the outcomes the case allows and reads conditions one a line', () => {
    const schema = decisionFormSchema(decision);
    expect(issues(schema.safeParse({ outcome: null, reason: ' ' }))).toEqual([
      ['outcome', 'form.outcome.required'],
      ['reason', 'form.decision.reason.tooShort'],
    ]);
    expect(issues(schema.safeParse({ outcome: 'approved', reason: 'Följer planen.' }))).toEqual([
      ['outcome', 'form.outcome.required'],
    ]);
    const grant = decisionFormSchema({ ...decision, outcomes: ['approved', 'refused'] });
    expect(
      grant.parse({ outcome: 'approved', reason: 'Följer planen.', conditions: 'Faluröd fasad.\n\n  Grönt tak. ' }),
    ).toEqual({
      outcome: 'approved',
      reason: 'Följer planen.',
      conditions: ['Faluröd fasad.', 'Grönt tak.'],
    });
    expect(grant.parse({ outcome: 'refused', reason: 'Strider mot planen.' }).conditions).toEqual([]);
    expect(
      issues(grant.safeParse({ outcome: 'approved', reason: 'Följer planen.', conditions: 'Faluröd fasad.\nx' })),
    ).toEqual([['conditions', 'form.conditions.tooShort']]);
  });

  it('requires a colleague to assign to, and keeps the applicant’s note within bounds', () => {
    expect(issues(assignFormSchema.safeParse({ officer: '' }))).toEqual([['officer', 'form.officer.required']]);
    expect(issues(assignFormSchema.safeParse({}))).toEqual([['officer', 'form.officer.required']]);
    expect(issues(completionAnswerFormSchema.safeParse({ note: 'x'.repeat(2001) }))).toEqual([
      ['note', 'form.answerNote.tooLong'],
    ]);
  });

  it('gives every schema message as an id both catalogues know', () => {
    const all = [
      ...issues(
        completionRequestFormSchema(completion).safeParse({
          items: ['SEK'],
          text: 'x'.repeat(2001),
          replyBy: '2026-12-07',
        }),
      ),
      ...issues(decisionFormSchema(decision).safeParse({ outcome: 'refused', reason: 'x'.repeat(4001) })),
      ...issues(
        extensionFormSchema({ maxWeeks: 10, defaultWeeks: 4, reasonMinLength: 5 }).safeParse({
          weeks: 0.5,
          reason: 'x'.repeat(2001),
        }),
      ),
    ];
    expect(all.length).toBe(4);
    expect(all.filter(([, m]) => !isMessageKey(m!))).toEqual([]);
  });

  it('puts a server refusal beside the field it names, focusing the first', () => {
    expect(issueField({ path: 'body.replyBy' }, ['replyBy', 'items'])).toBe('replyBy');
    expect(issueField({ path: 'items.SEK' }, ['replyBy', 'items'])).toBe('items');
    expect(issueField({ path: 'version' }, ['replyBy', 'items'])).toBeUndefined();
    const set: unknown[] = [];
    const refusal = new ApiError(400, 'invalidInput', 'Uppgifterna är inte giltiga.', [
      { path: 'body.weeks', message: 'Förläng med minst en vecka.', messageId: 'form.weeks.tooFew' },
      { path: 'body.weeks', message: 'Förlängningen är längre än lagen tillåter.', messageId: 'form.weeks.tooMany' },
      { path: 'reason', message: 'Nytt fel.', messageId: 'server.notKnownHere' },
      { path: 'version', message: 'Ändrat.' },
    ]);
    showIssues(
      refusal,
      ['weeks', 'reason'] as const,
      (name, error, options) => set.push([name, error.message, options.shouldFocus]),
      (m) => m.text ?? m.id,
    );
    expect(set).toEqual([
      ['weeks', 'form.weeks.tooFew', true],
      ['reason', 'Nytt fel.', false],
    ]);
    expect(fieldMessage({ message: 'form.weeks.tooMany' }, { max: 4 })).toEqual({
      id: 'form.weeks.tooMany',
      params: { max: 4 },
    });
    expect(fieldMessage({ message: 'Nytt fel.' })).toEqual({ id: '', text: 'Nytt fel.' });
    expect(fieldMessage(undefined)).toBeUndefined();
  });
});
