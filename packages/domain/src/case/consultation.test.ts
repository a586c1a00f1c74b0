import { describe, expect, it } from 'vitest';
import {
  ConsultationAnswerInputSchema,
  consultationReminderDue,
  consultationReplyBounds,
  suggestedConsultees,
} from './consultation';

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

  it.each([
    ['a garage in a plan, nothing special', ['INSIDE_PLAN'], [], 'outbuilding', []],
    ['the shore', ['INSIDE_PLAN'], ['SHORELINE_DISPENSATION'], 'outbuilding', ['Miljö- och hälsoskyddsenheten']],
    [
      'a railway and a valuable environment',
      ['NEAR_RAILWAY', 'CULTURAL_HERITAGE'],
      [],
      'carport',
      ['Trafikverket', 'Länsstyrelsen'],
    ],
    ['total defence', ['DEFENCE_INTEREST'], [], 'extension', ['Försvarsmakten']],
    [
      'a new house outside a plan',
      ['OUTSIDE_PLAN', 'NEW_MAIN_BUILDING'],
      [],
      'newMainBuilding',
      ['Miljö- och hälsoskyddsenheten'],
    ],
    ['a garage outside a plan', ['OUTSIDE_PLAN'], [], 'outbuilding', []],
  ] as const)('suggests from the site: %s', (_, reasons, conditions, measure, names) => {
    expect(suggestedConsultees({ reasons, conditions }, measure).map((s) => s.name)).toEqual(names);
  });

  it('names a body once, with every reason it has', () => {
    const [one, ...rest] = suggestedConsultees(
      { reasons: ['RURAL', 'NEW_MAIN_BUILDING'], conditions: ['SHORELINE_DISPENSATION'] },
      'newMainBuilding',
    );
    expect(rest).toEqual([]);
    expect(one!.why.sv).toBe(
      'byggnaden ligger inom strandskyddat område; nytt hus utanför detaljplan: eget vatten och avlopp',
    );
    expect(suggestedConsultees(null, 'newMainBuilding')).toEqual([]);
  });

  it("carries the municipality's address for a suggested body, and none for a body it has no address for", () => {
    const bodies = [
      { name: 'Miljö- och hälsoskyddsenheten', email: 'miljo@example.se', why: { sv: 'avlopp', en: 'sewage' } },
    ];
    const site = { reasons: ['RURAL', 'NEW_MAIN_BUILDING'], conditions: ['NEAR_RAILWAY'] };
    const found = suggestedConsultees(site, 'newMainBuilding', bodies);
    expect(found.map((b) => [b.name, b.email])).toEqual([
      ['Trafikverket', null],
      ['Miljö- och hälsoskyddsenheten', 'miljo@example.se'],
    ]);
  });
});
