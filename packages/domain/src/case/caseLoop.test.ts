import { describe, expect, it } from 'vitest';
import { allowedActions, type CaseLifecycleState } from './limits';
import { maskPersonnummer } from './schemas';
import {
  applicantMessages,
  applicantStages,
  caseClock,
  clockFactsAtReceipt,
  decisionDocument,
  extensionProblem,
  findingText,
  hasPlaceholder,
  withCompletion,
  withCompletionOrder,
  withDecision,
} from './index';
import { findingTemplates, type FindingCode } from '../rules/findings';

const open: CaseLifecycleState = {
  status: 'received',
  procedure: 'permit',
  outcome: null,
  replyBy: null,
  extended: false,
  startApproved: false,
  proposalBy: null,
};
const officer = { personnummer: '198306219299', teamLead: false };
const lead = { personnummer: '198602179882', teamLead: true };

describe('finding texts from stored codes', () => {
  it('never shows a placeholder: every template with one has a short text of its own', () => {
    for (const code of Object.keys(findingTemplates) as FindingCode[]) {
      for (const lang of ['sv', 'en'] as const)
        expect(hasPlaceholder(findingText(code, lang)), `${code} (${lang})`).toBe(false);
    }
    expect(findingText('PERMIT_REQUIRED', 'sv')).toBe('Du behöver söka bygglov.');
    expect(findingText('PLAN_HEIGHT', 'sv')).toBe('Nockhöjden överskrider detaljplanens gräns.');
    expect(findingText('SOMETHING_NEW', 'sv')).toBe('SOMETHING_NEW');
  });
});

describe('the lifecycle: what an officer may do', () => {
  it('decides an open case, asks for completion, extends once', () => {
    expect(allowedActions(open, officer, '2026-12-01')).toEqual([
      'assign',
      'requestCompletion',
      'extendDeadline',
      'decide',
      'referToCommittee',
    ]);
    expect(allowedActions({ ...open, deviation: true }, officer, '2026-12-01')).toContain('startHearing');
    expect(allowedActions({ ...open, extended: true }, officer, '2026-12-01')).not.toContain('extendDeadline');
  });
  it('dismisses, or decides as it stands, only after the reply-by day of an ignored order', () => {
    const waiting = { ...open, status: 'awaitingCompletion' as const, replyBy: '2026-12-14' };
    expect(allowedActions(waiting, officer, '2026-12-14')).toEqual(['assign', 'extendDeadline']);
    expect(allowedActions(waiting, officer, '2026-12-15')).toEqual([
      'assign',
      'extendDeadline',
      'decide',
      'dismiss',
      'referToCommittee',
    ]);
  });
  it('lets a team lead, not the proposer, confirm or return a proposal', () => {
    const proposed = { ...open, status: 'proposed' as const, proposalBy: officer.personnummer };
    expect(allowedActions(proposed, officer, '2026-12-01')).toEqual(['assign']);
    expect(allowedActions(proposed, lead, '2026-12-01')).toEqual([
      'assign',
      'decide',
      'confirmProposal',
      'returnProposal',
    ]);
    expect(allowedActions({ ...proposed, proposalBy: lead.personnummer }, lead, '2026-12-01')).not.toContain(
      'confirmProposal',
    );
  });
  it("gives a start approval to a notification; a granted permit's startbesked is the after-permit chain's", () => {
    expect(allowedActions({ ...open, procedure: 'notification' }, officer, '2026-12-01')).toContain('startApproval');
    const granted = { ...open, status: 'decided' as const, outcome: 'approved' as const };
    expect(allowedActions(granted, officer, '2026-12-01')).toEqual([]);
    expect(allowedActions({ ...granted, startApproved: true }, officer, '2026-12-01')).toEqual([]);
    expect(allowedActions({ ...granted, outcome: 'refused' }, officer, '2026-12-01')).toEqual([]);
  });
});

describe('the clock of a case', () => {
  const received = clockFactsAtReceipt('permit', '2026-11-23');
  it('restarts from the answer to an order issued within three weeks, and not otherwise', () => {
    const inTime = withCompletion(withCompletionOrder(received, '2026-12-07'), '2026-12-10');
    expect(caseClock(withCompletionOrder(received, '2026-12-07'), new Date('2026-12-08T12:00:00Z'))).toMatchObject({
      waitingForCompletion: true,
      deadline: null,
    });
    expect(caseClock(inTime, new Date('2026-12-11T12:00:00Z'))).toMatchObject({
      basis: 'completion',
      deadline: '2027-02-18',
      completionOrders: [{ restarts: true }],
    });
    const late = withCompletion(withCompletionOrder(received, '2026-12-21'), '2026-12-28');
    expect(caseClock(late, new Date('2026-12-29T12:00:00Z'))).toMatchObject({
      basis: 'received',
      deadline: '2027-02-01',
      completionOrders: [{ restarts: false }],
    });
  });
  it('stops at the decision day and reduces the fee per started week late', () => {
    const decided = withDecision(received, '2027-02-09');
    expect(caseClock(decided, new Date('2027-06-01T12:00:00Z'))).toMatchObject({
      daysLeft: -8,
      overdueWeeksStarted: 2,
      feeReduction: 0.4,
    });
  });
  it('allows one extension, in time, within the law’s weeks', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(extensionProblem(received, { decidedOn: '2026-12-01', weeks: 10 }, now)).toBeNull();
    expect(extensionProblem(received, { decidedOn: '2026-12-01', weeks: 11 }, now)).toBe('tooLong');
    expect(extensionProblem(received, { decidedOn: '2027-02-02', weeks: 2 }, now)).toBe('tooLate');
    expect(
      extensionProblem(
        { ...received, extension: { decidedOn: '2026-12-01', weeks: 2, reason: 'x' } },
        { decidedOn: '2026-12-02', weeks: 2 },
        now,
      ),
    ).toBe('alreadyExtended');
    expect(
      extensionProblem(withCompletionOrder(received, '2026-11-30'), { decidedOn: '2026-12-01', weeks: 2 }, now),
    ).toBe('waitingForCompletion');
    expect(
      extensionProblem(clockFactsAtReceipt('notification', '2026-11-23'), { decidedOn: '2026-12-01', weeks: 5 }, now),
    ).toBe('tooLong');
  });
});

describe('what the applicant reads', () => {
  it('masks the personnummer but for the last four digits', () => {
    expect(maskPersonnummer('198202029289')).toBe('********-9289');
  });
  it('keeps personal data out of subject lines', () => {
    const m = applicantMessages.receipt({
      diaryNumber: 'BN 2026-000001',
      propertyDesignation: 'Kjellstavik Eken 1:23',
      procedure: 'permit',
      deadline: '2027-02-01',
    });
    expect(m.subject).toBe('Ärende BN 2026-000001: ansökan mottagen');
    expect(m.body).toContain('1 februari 2027');
  });
  it('tells the plain-language steps: received, completion requested, in handling, decided', () => {
    const at = '2026-11-23T09:00:00.000Z';
    const ev = (type: 'completionRequested' | 'completed' | 'decided', when: string) => ({
      type,
      at: when,
      actor: 'x',
      data: {},
    });
    const waiting = applicantStages({
      status: 'awaitingCompletion',
      receivedAt: at,
      decidedAt: null,
      events: [ev('completionRequested', '2026-12-07T09:00:00.000Z')],
    });
    expect(waiting.map((s) => [s.label.sv, s.state])).toEqual([
      ['Mottagen', 'done'],
      ['Komplettering begärd', 'current'],
      ['Under handläggning', 'upcoming'],
      ['Beslut fattat', 'upcoming'],
    ]);
    const decided = applicantStages({
      status: 'decided',
      receivedAt: at,
      decidedAt: '2027-01-11T09:00:00.000Z',
      events: [],
    });
    expect(decided.map((s) => [s.label.sv, s.state])).toEqual([
      ['Mottagen', 'done'],
      ['Under handläggning', 'done'],
      ['Beslut fattat', 'done'],
    ]);
  });
  it('writes a decision that names the appeal to Länsstyrelsen through the municipality, and who decided by delegation', () => {
    const input: Parameters<typeof decisionDocument>[0] = {
      kind: 'decision',
      diaryNumber: 'BN 2026-000001',
      decidedOn: '2027-01-11',
      propertyDesignation: 'Kjellstavik Eken 1:23',
      measure: { sv: 'Komplementbyggnad' },
      description: 'Garage.',
      applicantName: 'Anna Lindqvist',
      procedure: 'permit',
      outcome: 'approved',
      reason: 'Följer detaljplanen.',
      conditions: ['Fasaden ska vara röd.'],
      fee: {
        lines: [{ label: 'Bygglov', sek: 10656 }],
        totalSEK: 10656,
        reduction: 0.2,
        overdueWeeks: 1,
        payableSEK: 8525,
        scheduleName: 'Exempeltaxa.',
        example: true,
      },
      decidedBy: { name: 'Oskar Wallin', title: 'bygglovshandläggare' },
      proposedBy: null,
      municipality: 'Kjellstavik kommun',
    };
    const doc = decisionDocument(input);
    const text = JSON.stringify(doc);
    expect(doc.subtitle).toBe('Bygglov beviljat');
    expect(text).toContain('Länsstyrelsen');
    expect(text).toContain('inom tre veckor');
    expect(text).toContain('Skicka överklagandet till Kjellstavik kommun');
    expect(text).toContain('Oskar Wallin, bygglovshandläggare, med stöd av delegation');
    expect(text).toContain('sänks därför med 20 procent');
    expect(text).toContain('Att betala: 8\u00a0525 kr');
    expect(text).toContain('1. Fasaden ska vara röd.');
    // Where it is announced follows the case's rule set: the municipality's anslagstavla from 2025-12-01.
    expect(text).toContain('Beslutet kungörs i Post- och Inrikes Tidningar');
    const reform = JSON.stringify(decisionDocument({ ...input, announcement: 'anslagstavla' }));
    expect(reform).toContain('Beslutet kungörs på Kjellstavik kommuns digitala anslagstavla');
    expect(reform).not.toContain('Inrikes');
  });
});
