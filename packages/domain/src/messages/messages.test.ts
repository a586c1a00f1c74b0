import { describe, expect, it } from 'vitest';
import { ApplicationDetailsSchema, ApplicationSubmissionSchema } from '../application';
import {
  AssignInputSchema,
  CompletionAnswerInputSchema,
  CompletionRequestInputSchema,
  DecisionInputSchema,
  ExtensionInputSchema,
  ProposalActionInputSchema,
  StartApprovalInputSchema,
} from '../case/schemas';
import { bankIdMessage, bankIdMessageId } from '../auth';
import { PolygonSchema } from '../geometry';
import { finding, findingMessage } from '../rules/findings';
import { UNSTORABLE_TEXT_MESSAGE } from '../text';
import { domainEn } from './en';
import { fillMessage } from './fill';
import { domainSv, isDomainMessageId, swedishText } from './sv';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('domain messages', () => {
  it('has every id in Swedish and English, with the same placeholders', () => {
    expect(Object.keys(domainEn).sort()).toEqual(Object.keys(domainSv).sort());
    for (const [id, sv] of Object.entries(domainSv))
      expect(placeholders(domainEn[id as keyof typeof domainEn]), id).toEqual(placeholders(sv));
  });

  it('gives every schema issue of an application an id, never words', () => {
    const details = ApplicationDetailsSchema.safeParse({
      description: 'kort',
      ridgeHeightM: 40,
      plannedStart: 'snart',
      grossFloorAreaM2: -1,
      email: 'x',
      phone: 'abc',
      kaName: 'x'.repeat(201),
    });
    const submission = ApplicationSubmissionSchema.safeParse({
      propertyId: '00000000-0000-4000-8000-000000000000',
      measure: 'outbuilding',
      footprints: [],
      details: {},
    });
    const polygon = PolygonSchema.safeParse({
      type: 'Polygon',
      coordinates: [
        [
          [600_000, 6_600_000],
          [600_001, 6_600_000],
          [600_000, 6_600_000],
        ],
      ],
    });
    const ids = [...details.error!.issues, ...submission.error!.issues, ...polygon.error!.issues].map((i) => i.message);
    expect(ids).toEqual(
      expect.arrayContaining([
        'form.description.tooShort',
        'form.ridgeHeight.tooHigh',
        'form.plannedStart.invalid',
        'form.footprints.none',
        'form.ridgeHeight.required',
        'geometry.tooFewPositions',
      ]),
    );
    expect(ids.filter((id) => !isDomainMessageId(id))).toEqual([]);
  });

  it('gives every issue of a case command an id, never words', () => {
    const long = 'x'.repeat(4001);
    const results = [
      AssignInputSchema.safeParse({ version: 1, officer: '123' }),
      CompletionRequestInputSchema.safeParse({ version: 1, items: [], text: long, replyBy: 'snart' }),
      CompletionRequestInputSchema.safeParse({ version: 1, replyBy: '2026-12-01' }),
      ExtensionInputSchema.safeParse({ version: 1, weeks: 11, reason: 'kort' }),
      ExtensionInputSchema.safeParse({ version: 1, weeks: 0.5, reason: long }),
      DecisionInputSchema.safeParse({
        version: 1,
        outcome: 'maybe',
        reason: long,
        conditions: Array(21).fill('Villkor'),
      }),
      DecisionInputSchema.safeParse({
        version: 1,
        outcome: 'approved',
        reason: 'Följer planen.',
        conditions: ['x', 'y'.repeat(1001)],
      }),
      DecisionInputSchema.safeParse({ version: 1 }),
      ProposalActionInputSchema.safeParse({ version: 1, comment: long }),
      StartApprovalInputSchema.safeParse({ version: 1, note: long }),
      CompletionAnswerInputSchema.safeParse({ version: 1, note: long }),
    ];
    const ids = results.flatMap((r) => r.error!.issues.map((i) => i.message));
    expect(ids).toEqual(
      expect.arrayContaining([
        'form.completion.empty',
        'form.weeks.tooMany',
        'form.outcome.required',
        'form.conditions.tooShort',
        'form.conditions.tooLong',
        'form.conditions.tooMany',
      ]),
    );
    expect(ids.filter((id) => !isDomainMessageId(id))).toEqual([]);
  });

  it('fills parameters per language: numbers the language’s way, words in both languages', () => {
    expect(fillMessage('{n} m, {what}', { n: 4.5, what: { sv: 'förråd', en: 'shed' } }, 'sv')).toBe('4,5 m, förråd');
    expect(fillMessage('{n} m, {what}', { n: 4.5, what: { sv: 'förråd', en: 'shed' } }, 'en')).toBe('4.5 m, shed');
    expect(fillMessage('{missing}', {}, 'en')).toBe('{missing}');
    expect(swedishText('server.notFound.case')).toBe('Ärendet finns inte.');
  });

  it('says a finding by its code, with its words in both languages', () => {
    const f = finding('MISSING_ATTACHMENT', { attachment: { sv: 'en situationsplan', en: 'site plan' } });
    const m = findingMessage(f);
    expect(m).toEqual({
      id: 'finding.MISSING_ATTACHMENT',
      params: { attachment: { sv: 'en situationsplan', en: 'site plan' } },
    });
    expect(fillMessage(domainEn[m.id as keyof typeof domainEn], m.params, 'en')).toBe('Attach a site plan.');
    expect(fillMessage(domainSv[m.id as keyof typeof domainSv], m.params, 'sv')).toBe(f.text.sv);
    expect(findingMessage(finding('OUTSIDE_PROPERTY'))).toEqual({ id: 'finding.OUTSIDE_PROPERTY' });
  });

  it('says unstorable text in the same Swedish in the schemas (a zod message) and the server’s answer (an id)', () => {
    expect(swedishText('server.unstorableText')).toBe(UNSTORABLE_TEXT_MESSAGE);
  });

  it('names BankID’s hint codes by id, Swedish for API clients', () => {
    expect(bankIdMessageId('userSign', 'pending')).toBe('bankid.userSign');
    expect(bankIdMessageId('somethingNew', 'pending')).toBe('bankid.startApp');
    expect(bankIdMessageId('somethingNew', 'failed')).toBe('bankid.failed');
    expect(bankIdMessageId('toString', 'failed')).toBe('bankid.failed');
    expect(bankIdMessageId(undefined, 'complete')).toBe('bankid.loggedIn');
    expect(bankIdMessage('userCancel', 'failed')).toBe('Åtgärden avbröts.');
  });
});
