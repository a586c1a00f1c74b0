import { describe, expect, it } from 'vitest';
import { ConsultationAnswerInputSchema, consultationReminderDue, consultationReplyBounds } from './consultation';

describe('remisser', () => {
  it('offers a reply-by day three weeks ahead, moved off weekends and holidays', () => {
    // 2026-12-03 + 21 days = Christmas Eve (a Thursday, closed) → the next working day is 28 December.
    expect(consultationReplyBounds('2026-12-03')).toEqual({ minReplyBy: '2026-12-04', defaultReplyBy: '2026-12-28' });
    expect(consultationReplyBounds('2026-11-23')).toEqual({ minReplyBy: '2026-11-24', defaultReplyBy: '2026-12-14' });
  });

  it.each([
    ['four days before', '2026-12-11', false],
    ['two days before', '2026-12-13', true],
    ['on the day', '2026-12-15', true],
    ['after it', '2026-12-20', true],
  ])('reminds %s the reply-by day: %s', (_, today, due) => {
    expect(consultationReminderDue({ replyBy: '2026-12-15', answered: false, reminded: false }, today)).toBe(due);
  });

  it('reminds neither an answered remiss nor one reminded already', () => {
    expect(consultationReminderDue({ replyBy: '2026-12-15', answered: true, reminded: false }, '2026-12-14')).toBe(
      false,
    );
    expect(consultationReminderDue({ replyBy: '2026-12-15', answered: false, reminded: true }, '2026-12-14')).toBe(
      false,
    );
  });

  it('wants comments written, and the name of who answers', () => {
    const parse = (v: object) => ConsultationAnswerInputSchema.safeParse(v);
    expect(parse({ kind: 'noObjection', answeredBy: 'Eva Berg' }).success).toBe(true);
    const noText = parse({ kind: 'comments', answeredBy: 'Eva Berg' });
    expect(noText.success || noText.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['text', 'form.consultation.commentsMissing'],
    ]);
    expect(parse({ kind: 'noObjection', answeredBy: ' ' }).success).toBe(false);
  });
});
