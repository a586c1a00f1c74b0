import { describe, expect, it } from 'vitest';
import { clockFactsAtReceipt } from '../case/clock';
import { applyCaseCommand, minutesParagraph, type CaseActor, type CaseState } from '../case/commands';
import { caseCommandLimits } from '../case/limits';
import { decisionDocument } from '../case/texts';
import {
  committeeGrounds,
  DEFAULT_DELEGATION_ORDER,
  DelegationOrderSchema,
  meetingDateProblem,
  type CommitteeGround,
  type DelegationFacts,
  type DelegationOrder,
} from './delegation';

const house = (m2: number): DelegationFacts => ({
  procedure: 'permit',
  measure: 'newMainBuilding',
  buildingAreaM2: m2,
});
const strict: DelegationOrder = {
  committeeAboveAreaM2: 150,
  committeeRefusals: true,
  committeeMeasures: ['smallDwelling'],
};

describe('the delegation order: which decisions the board keeps', () => {
  const table: [string, DelegationFacts, 'approved' | 'refused' | 'dismissed', DelegationOrder, CommitteeGround[]][] = [
    ['a 250 m² house is delegated (the limit itself)', house(250), 'approved', DEFAULT_DELEGATION_ORDER, []],
    ['a 250.1 m² house goes to the board', house(250.1), 'approved', DEFAULT_DELEGATION_ORDER, ['area']],
    ['a refusal is delegated by default', house(120), 'refused', DEFAULT_DELEGATION_ORDER, []],
    ['a refusal goes to the board where the order keeps refusals', house(120), 'refused', strict, ['refusal']],
    ['a grant is delegated under a strict order below its size', house(150), 'approved', strict, []],
    ['size and refusal together', house(151), 'refused', strict, ['area', 'refusal']],
    [
      'a measure the board keeps',
      { procedure: 'permit', measure: 'smallDwelling', buildingAreaM2: 30 },
      'approved',
      strict,
      ['measure'],
    ],
    ['a dismissal is always delegated', house(900), 'dismissed', strict, []],
    [
      'a notification is no lov: delegated',
      { procedure: 'notification', measure: 'smallDwelling', buildingAreaM2: 30 },
      'refused',
      strict,
      [],
    ],
    [
      'no size limit in the order',
      house(2000),
      'approved',
      { ...DEFAULT_DELEGATION_ORDER, committeeAboveAreaM2: null },
      [],
    ],
    ['an unknown area counts as none', { ...house(0), buildingAreaM2: null }, 'approved', strict, []],
  ];
  it.each(table)('%s', (_name, facts, outcome, order, grounds) => {
    expect(committeeGrounds(facts, outcome, order)).toEqual(grounds);
  });

  it('reads an order from configuration with defaults, and refuses a nonsense limit', () => {
    expect(DelegationOrderSchema.parse({ committeeRefusals: true })).toEqual({
      committeeAboveAreaM2: 250,
      committeeRefusals: true,
      committeeMeasures: [],
    });
    expect(DelegationOrderSchema.safeParse({ committeeAboveAreaM2: -5 }).success).toBe(false);
    expect(DelegationOrderSchema.safeParse({ committeeMeasures: ['pool'] }).success).toBe(false);
  });

  it.each([
    ['2026-12-17', null],
    ['2026-12-02', 'past'],
    ['2026-12-01', 'past'],
    ['2026-12-19', 'closedDay'],
    ['2026-12-24', 'closedDay'],
    ['2027-01-06', 'closedDay'],
    ['2027-01-07', null],
  ] as const)('a meeting on %s, seen on 2 December 2026: %s', (date, problem) => {
    expect(meetingDateProblem(date, '2026-12-02')).toBe(problem);
  });

  it.each([
    ['12', '§ 12'],
    ['§12', '§ 12'],
    [' § 7 ', '§ 7'],
    ['012', '§ 12'],
    ['0', null],
    ['§', null],
    ['12a', null],
    ['12345', null],
  ])('the minutes paragraph %j reads as %j', (input, out) => {
    expect(minutesParagraph(input)).toBe(out);
  });
});

// Received Monday 23 November 2026; the board meets on Thursday 17 December.
const at = (day: string) => new Date(`${day}T12:00:00+01:00`);
const meeting = { id: '6f1c2b9e-1d2a-4c3b-8e4f-5a6b7c8d9e01', date: '2026-12-17' };
const large: CaseState = {
  diaryNumber: 'BN 2026-000077',
  version: 2,
  status: 'received',
  procedure: 'permit',
  outcome: null,
  deviation: false,
  clock: clockFactsAtReceipt('permit', '2026-11-23'),
  decisionDeadline: '2027-02-01',
  completionRequest: null,
  proposal: null,
  startApproved: false,
  neighbourConsentMissing: false,
  assessment: null,
  delegation: { order: DEFAULT_DELEGATION_ORDER, facts: house(310) },
};
const officer: CaseActor = { role: 'officer', personnummer: '198306219299', name: 'Olle Officer', teamLead: false };
const lead: CaseActor = { role: 'officer', personnummer: '198602179882', name: 'Lena Lead', teamLead: true };
const refer = (overrides: Partial<{ outcome: 'approved' | 'refused'; meeting: typeof meeting | null }> = {}) => ({
  type: 'referToCommittee' as const,
  version: 2,
  outcome: 'approved' as const,
  reason: 'Åtgärden följer detaljplanen.',
  conditions: ['Kontrollansvarig ska finnas.'],
  meeting,
  ...overrides,
});
const lifecycle = (s: CaseState) => ({
  ...s,
  replyBy: null,
  extended: false,
  proposalBy: s.proposal?.by.personnummer ?? null,
  committeeDate: s.proposal?.committee?.date ?? null,
});

function referred(): CaseState {
  const r = applyCaseCommand(large, refer(), officer, at('2026-12-02'));
  if (!r.ok) throw new Error(r.problem.code);
  return { ...large, version: 3, status: 'proposed', proposal: r.change.set.proposal! };
}

describe('decisions above delegation go to the board', () => {
  it('refuses an officer’s and a team lead’s own decision the board keeps, and says why in the limits', () => {
    for (const actor of [officer, lead]) {
      const r = applyCaseCommand(
        large,
        { type: 'decide', version: 2, outcome: 'approved', reason: 'Följer planen.', conditions: [] },
        actor,
        at('2026-12-02'),
      );
      expect(r.ok ? null : r.problem).toEqual({ code: 'COMMITTEE_DECIDES', path: 'outcome' });
    }
    const limits = caseCommandLimits(lifecycle(large), officer, '2026-12-02');
    expect(limits.decision?.committeeGrounds).toEqual({ approved: ['area'], refused: ['area'] });
    expect(limits.decision?.mayRefer).toBe(true);
    expect(limits.committee).toBeNull();
  });

  it('puts the proposal on the meeting’s agenda and tells the applicant the day', () => {
    const r = applyCaseCommand(large, refer(), officer, at('2026-12-02'));
    if (!r.ok) throw new Error(r.problem.code);
    expect(r.change.set.status).toBe('proposed');
    expect(r.change.set.proposal?.committee).toEqual({ meetingId: meeting.id, date: '2026-12-17', grounds: ['area'] });
    expect(r.change.events[0]?.type).toBe('referredToCommittee');
    expect(r.change.documents).toEqual([]);
    expect(r.change.messages[0]?.body).toContain('byggnadsnämnden vid sammanträdet den 17 december 2026');
  });

  it('lets an officer refer a delegated decision as a matter of principle', () => {
    const small = { ...large, delegation: { order: DEFAULT_DELEGATION_ORDER, facts: house(140) } };
    const r = applyCaseCommand(small, refer({ outcome: 'refused' }), officer, at('2026-12-02'));
    expect(r.ok ? null : r.problem).toEqual({ code: 'CONDITIONS_ONLY_ON_APPROVAL', path: 'conditions' });
    const ok = applyCaseCommand(small, { ...refer({ outcome: 'refused' }), conditions: [] }, officer, at('2026-12-02'));
    expect(ok.ok && ok.change.set.proposal?.committee?.grounds).toEqual(['principle']);
  });

  it.each([
    ['no such meeting', { meeting: null }, '2026-12-02', 'MEETING_NOT_FOUND'],
    ['the meeting is today', {}, '2026-12-17', 'MEETING_PASSED'],
  ] as const)('refuses a referral: %s', (_n, o, day, code) => {
    const r = applyCaseCommand(large, refer(o), officer, at(day));
    expect(r.ok ? null : r.problem.code).toBe(code);
  });

  it('refuses to put an unheard deviation’s grant before the board', () => {
    const r = applyCaseCommand({ ...large, deviation: true }, refer(), officer, at('2026-12-02'));
    expect(r.ok ? null : r.problem.code).toBe('HEARING_MISSING');
  });

  it('waits for the meeting day: no team lead confirms, nobody records before it', () => {
    const state = referred();
    const before = caseCommandLimits(lifecycle(state), lead, '2026-12-16');
    expect(before.actions).not.toContain('confirmProposal');
    expect(before.actions).not.toContain('decide');
    expect(before.actions).not.toContain('recordCommitteeDecision');
    expect(before.committee).toEqual({ date: '2026-12-17', mayRecord: false });
    expect(before.actions).toContain('withdrawFromAgenda');
    expect(caseCommandLimits(lifecycle(state), lead, '2026-12-17').actions).not.toContain('withdrawFromAgenda');
    const record = {
      type: 'recordCommitteeDecision' as const,
      version: 3,
      outcome: 'approved' as const,
      paragraph: '§ 12',
      reason: null,
      board: 'Byggnadsnämnden',
    };
    const early = applyCaseCommand(state, record, officer, at('2026-12-16'));
    expect(early.ok ? null : early.problem.code).toBe('NOT_ALLOWED_NOW');
    expect(caseCommandLimits(lifecycle(state), officer, '2026-12-17').committee).toEqual({
      date: '2026-12-17',
      mayRecord: true,
    });
  });

  it('records the board’s decision as proposed: the decision letter names the board, the day and the paragraph', () => {
    const r = applyCaseCommand(
      referred(),
      {
        type: 'recordCommitteeDecision',
        version: 3,
        outcome: 'approved',
        paragraph: '12',
        reason: null,
        board: 'Byggnadsnämnden',
      },
      officer,
      at('2026-12-17'),
    );
    if (!r.ok) throw new Error(r.problem.code);
    expect(r.change.set).toMatchObject({
      status: 'decided',
      outcome: 'approved',
      decisionReason: 'Åtgärden följer detaljplanen.',
      decisionConditions: ['Kontrollansvarig ska finnas.'],
      decidedByName: 'Byggnadsnämnden',
    });
    const doc = r.change.documents[0]!;
    expect(doc.committee).toEqual({ board: 'Byggnadsnämnden', meetingDate: '2026-12-17', paragraph: '§ 12' });
    expect(r.change.events[0]?.data.committee).toEqual({
      meetingId: meeting.id,
      date: '2026-12-17',
      paragraph: '§ 12',
    });
    const letter = decisionDocument({
      kind: 'decision',
      diaryNumber: 'BN 2026-000077',
      decidedOn: '2026-12-17',
      propertyDesignation: 'Kjellstavik Eken 1:23',
      measure: { sv: 'Nytt bostadshus' },
      description: 'Villa',
      applicantName: 'Anna Applicant',
      procedure: 'permit',
      outcome: 'approved',
      reason: doc.reason,
      conditions: doc.conditions,
      fee: null,
      decidedBy: { name: 'Olle Officer', title: 'bygglovshandläggare' },
      proposedBy: doc.proposedBy,
      committee: doc.committee,
      municipality: 'Kjellstavik kommun',
    });
    expect(letter.signature.join('\n')).toContain(
      'Beslutet har fattats av byggnadsnämnden i Kjellstavik kommun vid sammanträdet den 17 december 2026, § 12.',
    );
    expect(letter.signature.join('\n')).toContain('Föredragande: Olle Officer.');
    expect(letter.signature.join('\n')).not.toContain('delegation');
  });

  it('records a different outcome only with the board’s reason, and then without the proposal’s conditions', () => {
    const base = {
      type: 'recordCommitteeDecision' as const,
      version: 3,
      outcome: 'refused' as const,
      paragraph: '§ 13',
      board: 'Byggnadsnämnden',
    };
    const bare = applyCaseCommand(referred(), { ...base, reason: '  ' }, officer, at('2026-12-17'));
    expect(bare.ok ? null : bare.problem).toEqual({ code: 'COMMITTEE_REASON_MISSING', path: 'reason' });
    const r = applyCaseCommand(
      referred(),
      { ...base, reason: 'Byggnaden är för stor för platsen.' },
      officer,
      at('2026-12-18'),
    );
    expect(r.ok && r.change.set).toMatchObject({
      outcome: 'refused',
      decisionReason: 'Byggnaden är för stor för platsen.',
      decisionConditions: [],
    });
    // Entered the day after the meeting, the decision still dates from the meeting (noon, Stockholm time).
    expect(r.ok && r.change.set.decidedAt?.toISOString()).toBe('2026-12-17T11:00:00.000Z');
    expect(r.ok && r.change.set.clock?.decidedOn).toBe('2026-12-17');
    expect(r.ok && r.change.documents[0]?.at?.toISOString()).toBe('2026-12-17T11:00:00.000Z');
  });

  it('takes a proposal off the agenda before the meeting: back to the officer, the applicant told', () => {
    const r = applyCaseCommand(referred(), { type: 'withdrawFromAgenda', version: 3 }, officer, at('2026-12-10'));
    if (!r.ok) throw new Error(r.problem.code);
    expect(r.change.set).toEqual({ status: 'received', proposal: null });
    expect(r.change.events[0]).toEqual({
      type: 'removedFromAgenda',
      data: { meetingId: meeting.id, date: '2026-12-17' },
    });
    expect(r.change.messages[0]?.body).toContain('tas inte upp vid byggnadsnämndens sammanträde den 17 december 2026');
    const late = applyCaseCommand(referred(), { type: 'withdrawFromAgenda', version: 3 }, officer, at('2026-12-17'));
    expect(late.ok ? null : late.problem.code).toBe('NOT_ALLOWED_NOW');
  });

  it('sends the case back to the officer on återremiss, and refuses a paragraph that is no number', () => {
    const bad = applyCaseCommand(
      referred(),
      {
        type: 'recordCommitteeDecision',
        version: 3,
        outcome: 'returned',
        paragraph: 'tolv',
        reason: 'x',
        board: 'Byggnadsnämnden',
      },
      officer,
      at('2026-12-17'),
    );
    expect(bad.ok ? null : bad.problem).toEqual({ code: 'MINUTES_PARAGRAPH_INVALID', path: 'paragraph' });
    const r = applyCaseCommand(
      referred(),
      {
        type: 'recordCommitteeDecision',
        version: 3,
        outcome: 'returned',
        paragraph: '§ 14',
        reason: 'Nämnden vill ha ett yttrande från miljöenheten.',
        board: 'Byggnadsnämnden',
      },
      officer,
      at('2026-12-17'),
    );
    expect(r.ok && r.change.set).toEqual({ status: 'received', proposal: null });
    expect(r.ok && r.change.events[0]?.type).toBe('committeeReturned');
  });
});
