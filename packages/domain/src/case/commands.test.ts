import { describe, expect, it } from 'vitest';
import { clockFactsAtReceipt } from './clock';
import { applyCaseCommand, type CaseActor, type CaseCommand, type CaseState } from './commands';
import { caseCommandLimits } from './limits';
import { DEFAULT_DELEGATION_ORDER } from '../decision/delegation';
import { fillMessage, type Message } from '../messages/fill';
import { domainEn } from '../messages/en';
import { domainSv, type DomainMessageId } from '../messages/sv';
import { caseProblemErrorCode, caseProblemIssues, caseProblemMessage, type CaseProblemCode } from './problems';

const say = (m: Message, lang: 'sv' | 'en') =>
  fillMessage((lang === 'sv' ? domainSv : domainEn)[m.id as DomainMessageId], m.params, lang);
const caseProblemText = (p: Parameters<typeof caseProblemMessage>[0], lang: 'sv' | 'en') =>
  say(caseProblemMessage(p), lang);

// Received Monday 23 November 2026; "now" is noon Stockholm time on the given day.
const at = (day: string) => new Date(`${day}T12:00:00+01:00`);
const received: CaseState = {
  diaryNumber: 'BN 2026-000042',
  version: 3,
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
  assessment: { conditions: [], advice: [], deviation: false },
};
const officer: CaseActor = { role: 'officer', personnummer: '198306219299', name: 'Olle Officer', teamLead: false };
const lead: CaseActor = { role: 'officer', personnummer: '198602179882', name: 'Lena Lead', teamLead: true };
const applicant: CaseActor = { role: 'applicant', personnummer: '194509123412', name: 'Anna Applicant' };
const consultee: CaseActor = { role: 'consultee', personnummer: null, name: 'Räddningstjänsten' };

const awaiting: CaseState = {
  ...received,
  status: 'awaitingCompletion',
  clock: { ...received.clock, completionOrders: [{ issuedOn: '2026-11-30', completedOn: null }] },
  completionRequest: { items: ['FAS'], text: null, replyBy: '2026-12-21', issuedAt: '2026-11-30T10:00:00.000Z' },
};
const proposal = {
  outcome: 'approved' as const,
  reason: 'Avvikelsen är liten.',
  conditions: [],
  by: { personnummer: '198306219299', name: 'Olle Officer' },
  at: '2026-12-01T10:00:00.000Z',
};
/** A deviation whose neighbours were heard (PBL 9 kap. 25 §): a permit may be granted. */
const heard = {
  startedAt: '2026-11-24T10:00:00.000Z',
  startedBy: 'Olle Officer',
  replyBy: '2026-12-09',
  closedOn: '2026-12-09',
  parties: [],
};
const proposed: CaseState = { ...received, deviation: true, status: 'proposed', proposal, hearing: heard };
const decided: CaseState = { ...received, status: 'decided', outcome: 'approved' };
const bigHouse = { procedure: 'permit' as const, measure: 'newMainBuilding' as const, buildingAreaM2: 300 };
const meetingId = '6f1c2b9e-1d2a-4c3b-8e4f-5a6b7c8d9e01';
/** A proposal waiting for the board's meeting on 17 December. */
const beforeBoard: CaseState = {
  ...received,
  status: 'proposed',
  proposal: { ...proposal, committee: { meetingId, date: '2026-12-17', grounds: ['area'] } },
};
const withdrawn: CaseState = { ...received, status: 'withdrawn' };
const v = 3;

const refusals: {
  name: string;
  state: CaseState;
  command: CaseCommand;
  actor: CaseActor;
  day?: string;
  code: CaseProblemCode;
  path?: string;
}[] = [
  {
    name: 'an officer cannot grant what the delegation order keeps for the board',
    state: { ...received, delegation: { order: DEFAULT_DELEGATION_ORDER, facts: bigHouse } },
    command: { type: 'decide', version: v, outcome: 'approved', reason: 'Följer planen.', conditions: [] },
    actor: officer,
    code: 'COMMITTEE_DECIDES',
    path: 'outcome',
  },
  {
    name: 'a referral names a meeting the board has',
    state: received,
    command: {
      type: 'referToCommittee',
      version: v,
      outcome: 'refused',
      reason: 'Strider mot planen.',
      conditions: [],
      meeting: null,
    },
    actor: officer,
    code: 'MEETING_NOT_FOUND',
    path: 'meetingId',
  },
  {
    name: 'a referral to a meeting already held',
    state: received,
    command: {
      type: 'referToCommittee',
      version: v,
      outcome: 'refused',
      reason: 'Strider mot planen.',
      conditions: [],
      meeting: { id: meetingId, date: '2026-12-01' },
    },
    actor: officer,
    code: 'MEETING_PASSED',
    path: 'meetingId',
  },
  {
    name: 'the minutes paragraph is a number',
    state: beforeBoard,
    command: {
      type: 'recordCommitteeDecision',
      version: v,
      outcome: 'approved',
      paragraph: 'x',
      reason: null,
      board: 'Byggnadsnämnden',
    },
    actor: officer,
    day: '2026-12-17',
    code: 'MINUTES_PARAGRAPH_INVALID',
    path: 'paragraph',
  },
  {
    name: 'the board deciding otherwise than proposed gives its reason',
    state: beforeBoard,
    command: {
      type: 'recordCommitteeDecision',
      version: v,
      outcome: 'refused',
      paragraph: '§ 3',
      reason: null,
      board: 'Byggnadsnämnden',
    },
    actor: officer,
    day: '2026-12-17',
    code: 'COMMITTEE_REASON_MISSING',
    path: 'reason',
  },
  {
    name: 'an applicant cannot decide',
    state: received,
    command: { type: 'decide', version: v, outcome: 'approved', reason: 'Bra.', conditions: [] },
    actor: applicant,
    code: 'WRONG_ROLE',
  },
  {
    name: 'an officer cannot withdraw for the applicant',
    state: received,
    command: { type: 'withdraw', version: v },
    actor: officer,
    code: 'WRONG_ROLE',
  },
  {
    name: 'only a team lead confirms',
    state: proposed,
    command: { type: 'confirmProposal', version: v },
    actor: officer,
    code: 'NOT_TEAM_LEAD',
  },
  {
    name: 'only a team lead returns',
    state: proposed,
    command: { type: 'returnProposal', version: v, comment: null },
    actor: officer,
    code: 'NOT_TEAM_LEAD',
  },
  {
    name: 'a decided case is not decided again',
    state: decided,
    command: { type: 'decide', version: v, outcome: 'refused', reason: 'Nej nej.', conditions: [] },
    actor: officer,
    code: 'ALREADY_DECIDED',
  },
  {
    name: 'a decided case is not withdrawn',
    state: decided,
    command: { type: 'withdraw', version: v },
    actor: applicant,
    code: 'ALREADY_DECIDED',
  },
  {
    name: 'a withdrawn case is not assigned',
    state: withdrawn,
    command: { type: 'assign', version: v, to: { personnummer: '198306219299', name: 'O' } },
    actor: officer,
    code: 'WITHDRAWN',
  },
  {
    name: 'no second order while one waits',
    state: awaiting,
    command: { type: 'requestCompletion', version: v, items: ['PLA'], text: null, replyBy: '2026-12-30' },
    actor: officer,
    code: 'NOT_ALLOWED_NOW',
  },
  {
    name: 'no dismissal before the reply-by day',
    state: awaiting,
    command: { type: 'decide', version: v, outcome: 'dismissed', reason: 'Inget svar.', conditions: [] },
    actor: officer,
    day: '2026-12-21',
    code: 'NOT_ALLOWED_NOW',
  },
  {
    name: 'the proposer cannot confirm their own proposal',
    state: { ...proposed, proposal: { ...proposal, by: { personnummer: '198602179882', name: 'Lena Lead' } } },
    command: { type: 'confirmProposal', version: v },
    actor: lead,
    code: 'NOT_ALLOWED_NOW',
  },
  {
    name: 'a refused permit gets no start approval',
    state: { ...decided, outcome: 'refused' },
    command: { type: 'giveStartApproval', version: v, note: null },
    actor: officer,
    code: 'ALREADY_DECIDED',
  },
  {
    name: 'a stale version changes nothing',
    state: received,
    command: { type: 'assign', version: 2, to: { personnummer: '198306219299', name: 'O' } },
    actor: officer,
    code: 'STALE_VERSION',
    path: 'version',
  },
  {
    name: 'the assignee must be of the team',
    state: received,
    command: { type: 'assign', version: v, to: null },
    actor: officer,
    code: 'ASSIGNEE_NOT_IN_TEAM',
    path: 'officer',
  },
  {
    name: 'a reply-by day must be after today',
    state: received,
    command: { type: 'requestCompletion', version: v, items: ['PLA'], text: null, replyBy: '2026-12-01' },
    actor: officer,
    day: '2026-12-01',
    code: 'REPLY_BY_TOO_EARLY',
    path: 'replyBy',
  },
  {
    name: 'a reply-by day is a working day, not Christmas Day',
    state: received,
    command: { type: 'requestCompletion', version: v, items: ['PLA'], text: null, replyBy: '2026-12-25' },
    actor: officer,
    day: '2026-12-04',
    code: 'REPLY_BY_CLOSED_DAY',
    path: 'replyBy',
  },
  {
    name: 'the time is extended once',
    state: {
      ...received,
      clock: { ...received.clock, extension: { decidedOn: '2026-11-30', weeks: 2, reason: 'Remiss.' } },
    },
    command: { type: 'extendDeadline', version: v, weeks: 2, reason: 'Igen igen.' },
    actor: officer,
    code: 'EXTENSION_ALREADY_USED',
    path: 'weeks',
  },
  {
    name: 'no extension while the clock waits',
    state: awaiting,
    command: { type: 'extendDeadline', version: v, weeks: 2, reason: 'Remiss ute.' },
    actor: officer,
    code: 'EXTENSION_WAITING_FOR_COMPLETION',
    path: 'weeks',
  },
  {
    name: 'a notification is extended at most 4 weeks',
    state: { ...received, procedure: 'notification', clock: clockFactsAtReceipt('notification', '2026-11-23') },
    command: { type: 'extendDeadline', version: v, weeks: 5, reason: 'Remiss ute.' },
    actor: officer,
    code: 'EXTENSION_TOO_LONG',
    path: 'weeks',
  },
  {
    name: 'no extension after the limit passed',
    state: received,
    command: { type: 'extendDeadline', version: v, weeks: 2, reason: 'För sent.' },
    actor: officer,
    day: '2027-02-02',
    code: 'EXTENSION_TOO_LATE',
    path: 'weeks',
  },
  {
    name: 'a notification is not granted a permit',
    state: { ...received, procedure: 'notification' },
    command: { type: 'decide', version: v, outcome: 'approved', reason: 'Bra nog.', conditions: [] },
    actor: officer,
    code: 'NOTIFICATION_ENDS_IN_START_APPROVAL',
    path: 'outcome',
  },
  {
    name: 'conditions only on a grant',
    state: received,
    command: { type: 'decide', version: v, outcome: 'refused', reason: 'Strider mot planen.', conditions: ['Villkor'] },
    actor: officer,
    code: 'CONDITIONS_ONLY_ON_APPROVAL',
    path: 'conditions',
  },
  {
    name: 'no answer without an order',
    state: received,
    command: { type: 'answerCompletion', version: v, note: 'Här.', answerFiles: [], caseFileTypes: [] },
    actor: applicant,
    code: 'NOT_AWAITING_COMPLETION',
  },
  {
    name: 'the answer carries every drawing asked for',
    state: awaiting,
    command: { type: 'answerCompletion', version: v, note: 'Här.', answerFiles: [], caseFileTypes: [] },
    actor: applicant,
    code: 'COMPLETION_ITEMS_MISSING',
  },
  {
    name: 'an answer is a file or a note',
    state: { ...awaiting, completionRequest: { ...awaiting.completionRequest!, items: [] } },
    command: { type: 'answerCompletion', version: v, note: '  ', answerFiles: [], caseFileTypes: [] },
    actor: applicant,
    code: 'COMPLETION_EMPTY',
    path: 'note',
  },
  {
    name: 'a service is recorded on a day between sending and today',
    state: decided,
    command: {
      type: 'recordDecisionDelivery',
      version: v,
      delivery: { id: '00000000-0000-4000-8000-000000000002', sentOn: '2026-12-01' },
      deliveredOn: '2026-11-30',
    },
    actor: officer,
    day: '2026-12-02',
    code: 'DELIVERY_DATE_INVALID',
    path: 'deliveredOn',
  },
  ...hearingRefusals(),
  {
    name: 'a remiss is answered once',
    state: received,
    command: {
      type: 'recordConsultationAnswer',
      version: v,
      consultationId: 'r1',
      consultee: 'Räddningstjänsten',
      kind: 'noObjection',
      answered: true,
    },
    actor: consultee,
    code: 'CONSULTATION_ANSWERED',
  },
  {
    name: 'a decided case takes no remiss answer',
    state: decided,
    command: {
      type: 'recordConsultationAnswer',
      version: v,
      consultationId: 'r1',
      consultee: 'Räddningstjänsten',
      kind: 'comments',
      answered: false,
    },
    actor: consultee,
    code: 'ALREADY_DECIDED',
  },
  {
    name: 'an officer cannot answer a remiss for the consultee',
    state: received,
    command: {
      type: 'recordConsultationAnswer',
      version: v,
      consultationId: 'r1',
      consultee: 'Räddningstjänsten',
      kind: 'noObjection',
      answered: false,
    },
    actor: officer,
    code: 'WRONG_ROLE',
  },
  {
    name: 'a remiss reply-by day on Christmas Eve',
    state: received,
    command: {
      type: 'sendConsultation',
      version: v,
      consultationId: 'r1',
      consultee: 'Trafikenheten',
      replyBy: '2026-12-24',
    },
    actor: officer,
    code: 'REPLY_BY_CLOSED_DAY',
    path: 'replyBy',
  },
  {
    name: 'a remiss is not sent once a decision is proposed',
    state: proposed,
    command: {
      type: 'sendConsultation',
      version: v,
      consultationId: 'r1',
      consultee: 'Trafikenheten',
      replyBy: '2026-12-21',
    },
    actor: lead,
    code: 'NOT_ALLOWED_NOW',
  },
  {
    name: 'an applicant cannot set the fee',
    state: received,
    command: { type: 'decideFee', version: v, totalSEK: 100, reason: 'Låg kostnad.' },
    actor: applicant,
    code: 'WRONG_ROLE',
  },
  {
    name: 'the fee is not changed once a decision is proposed (the team lead confirms what they read)',
    state: proposed,
    command: { type: 'decideFee', version: v, totalSEK: 100, reason: 'Låg kostnad.' },
    actor: lead,
    code: 'NOT_ALLOWED_NOW',
  },
  {
    name: "the fee of a decided case is the decision's",
    state: decided,
    command: { type: 'decideFee', version: v, totalSEK: 100, reason: 'Låg kostnad.' },
    actor: officer,
    code: 'ALREADY_DECIDED',
  },
  {
    name: 'an applicant cannot write a tjänsteanteckning',
    state: received,
    command: { type: 'writeNote', version: v, text: 'Ringde handläggaren.' },
    actor: applicant,
    code: 'WRONG_ROLE',
  },
  {
    name: 'a note on a stale version',
    state: received,
    command: { type: 'writeNote', version: v - 1, text: 'Platsbesök gjort.' },
    actor: officer,
    code: 'STALE_VERSION',
    path: 'version',
  },
];

/** One row per hearing refusal (hearing.test.ts tests them in depth): the catalogue test below needs each. */
function hearingRefusals(): typeof refusals {
  const party = {
    id: '00000000-0000-4000-8000-00000000000a',
    propertyId: '00000000-0000-4000-8000-000000000122',
    designation: 'Kjellstavik Eken 1:22',
    relation: 'adjoining' as const,
    personnummer: '196411193086',
    name: 'Maria Eriksson',
    protectedIdentity: false,
    share: '1/2',
    delivery: 'post' as const,
  };
  const maria: CaseActor = { role: 'neighbour', personnummer: '196411193086', name: 'Maria Eriksson' };
  const hearing = { ...heard, closedOn: null, replyBy: '2026-12-18', parties: [{ ...party, answer: null }] };
  const running: CaseState = { ...received, deviation: true, hearing };
  const start = (replyBy: string, parties = [party]): CaseCommand => ({
    type: 'startHearing',
    version: v,
    replyBy,
    parties,
  });
  const answer = (over: Partial<Extract<CaseCommand, { type: 'recordHearingAnswer' }>> = {}): CaseCommand => ({
    type: 'recordHearingAnswer',
    version: v,
    partyId: party.id,
    kind: 'noObjection',
    text: null,
    channel: 'online',
    receivedOn: null,
    ...over,
  });
  const grant: CaseCommand = { type: 'decide', version: v, outcome: 'approved', reason: 'Liten.', conditions: [] };
  return [
    {
      name: 'a deviation is granted after a hearing',
      state: { ...received, deviation: true },
      command: grant,
      actor: lead,
      code: 'HEARING_MISSING',
      path: 'outcome',
    },
    {
      name: 'no decision while the hearing runs',
      state: running,
      command: grant,
      actor: lead,
      code: 'HEARING_RUNNING',
      path: 'outcome',
    },
    {
      name: 'a hearing hears someone',
      state: { ...received, deviation: true },
      command: start('2026-12-18', []),
      actor: officer,
      code: 'HEARING_NO_PARTIES',
      path: 'propertyIds',
    },
    {
      name: 'a hearing gives the minimum time',
      state: { ...received, deviation: true },
      command: start('2026-12-04'),
      actor: officer,
      code: 'HEARING_REPLY_BY_TOO_EARLY',
      path: 'replyBy',
    },
    {
      name: 'no answer without a hearing',
      state: received,
      command: answer(),
      actor: maria,
      code: 'HEARING_NOT_RUNNING',
    },
    {
      name: 'only a party answers',
      state: running,
      command: answer(),
      actor: { ...maria, personnummer: '194509123412' },
      code: 'HEARING_NOT_A_PARTY',
    },
    {
      name: 'no answer after close',
      state: { ...running, hearing: { ...hearing, closedOn: '2026-12-18' } },
      command: answer(),
      actor: maria,
      code: 'HEARING_CLOSED',
      day: '2026-12-19',
    },
    {
      name: 'no online answer after the reply-by day',
      state: running,
      command: answer(),
      actor: maria,
      code: 'HEARING_REPLY_BY_PASSED',
      day: '2026-12-21',
    },
    {
      name: 'a paper answer has its received day',
      state: running,
      command: answer({ channel: 'paper' }),
      actor: officer,
      code: 'HEARING_RECEIVED_ON_INVALID',
      path: 'receivedOn',
    },
    {
      name: 'an objection says what',
      state: running,
      command: answer({ kind: 'objection' }),
      actor: maria,
      code: 'HEARING_TEXT_MISSING',
      path: 'text',
    },
    {
      name: 'a hearing closes on its day',
      state: running,
      command: { type: 'closeHearing', version: v },
      actor: officer,
      code: 'HEARING_CLOSE_TOO_EARLY',
    },
  ];
}

describe('applyCaseCommand refuses, with a stable code', () => {
  it.each(refusals)('$code: $name', ({ state, command, actor, day, code, path }) => {
    const result = applyCaseCommand(state, command, actor, at(day ?? '2026-12-01'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.path).toBe(path);
  });

  it('covers every code, each with a text in both languages and an HTTP class', () => {
    const codes = Object.keys(caseProblemErrorCode) as CaseProblemCode[];
    expect(new Set(refusals.map((r) => r.code))).toEqual(new Set(codes));
    for (const code of codes) {
      const sv = caseProblemText({ code, status: 'received', items: ['FAS'], maxWeeks: 4 }, 'sv');
      const en = caseProblemText({ code, status: 'received', items: ['FAS'], maxWeeks: 4 }, 'en');
      expect(sv).not.toBe(en);
      expect(sv.length).toBeGreaterThan(10);
      expect(`${sv} ${en}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('names the missing drawings, one issue each', () => {
    const result = applyCaseCommand(
      { ...awaiting, completionRequest: { ...awaiting.completionRequest!, items: ['FAS', 'SEK'] } },
      {
        type: 'answerCompletion',
        version: v,
        note: null,
        answerFiles: [{ id: 'f1', type: 'FAS', fileName: 'f.pdf' }],
        caseFileTypes: ['FAS'],
      },
      applicant,
      at('2026-12-05'),
    );
    expect(result.ok ? null : result.problem).toEqual({ code: 'COMPLETION_ITEMS_MISSING', items: ['SEK'] });
    if (!result.ok) {
      expect(caseProblemText(result.problem, 'sv')).toBe('Bifoga sektionsritning innan du skickar.');
      expect(caseProblemIssues(result.problem).map((i) => ({ path: i.path, text: say(i.message, 'sv') }))).toEqual([
        { path: 'items.SEK', text: 'Bifoga sektionsritning.' },
      ]);
      expect(caseProblemText(result.problem, 'en')).toBe('Attach the section drawing before you send.');
    }
  });
});

describe('applyCaseCommand allows, and says what changes', () => {
  const ok = (state: CaseState, command: CaseCommand, actor: CaseActor, day = '2026-12-01') => {
    const result = applyCaseCommand(state, command, actor, at(day));
    if (!result.ok) throw new Error(`refused: ${result.problem.code}`);
    return result.change;
  };

  it('assigns, with the assigner in the event', () => {
    const c = ok(
      received,
      { type: 'assign', version: v, to: { personnummer: '198306219299', name: 'Olle Officer' } },
      lead,
    );
    expect(c.set).toEqual({ assignedTo: '198306219299', assignedName: 'Olle Officer' });
    expect(c.events).toEqual([
      { type: 'assigned', data: { to: '198306219299', name: 'Olle Officer', by: 'Lena Lead' } },
    ]);
  });

  it('orders a completion that restarts the clock within three weeks of receipt, and one that does not after', () => {
    const early = ok(
      received,
      { type: 'requestCompletion', version: v, items: ['FAS', 'FAS'], text: ' Skala 1:100 ', replyBy: '2026-12-22' },
      officer,
      '2026-12-14',
    );
    expect(early.set.status).toBe('awaitingCompletion');
    expect(early.set.completionRequest).toMatchObject({ items: ['FAS'], text: 'Skala 1:100', replyBy: '2026-12-22' });
    expect(early.events[0]!.data.restartsClock).toBe(true);
    expect(early.messages[0]!.body).toContain('räknas från den dag kompletteringen kommer in');
    const late = ok(
      received,
      { type: 'requestCompletion', version: v, items: ['FAS'], text: null, replyBy: '2026-12-30' },
      officer,
      '2026-12-15',
    );
    expect(late.events[0]!.data.restartsClock).toBe(false);
  });

  it('extends the deadline once and moves the sorting deadline with it', () => {
    const c = ok(
      received,
      { type: 'extendDeadline', version: v, weeks: 10, reason: 'Remiss till Trafikverket.' },
      officer,
    );
    expect(c.set.decisionDeadline).toBe('2027-04-12');
    expect(c.set.clock?.extension).toEqual({ decidedOn: '2026-12-01', weeks: 10, reason: 'Remiss till Trafikverket.' });
    expect(c.messages[0]!.kind).toBe('extension');
  });

  it('lets an officer propose on a deviation, and a team lead confirm it into a decision with its document', () => {
    const p = ok(
      { ...received, deviation: true, hearing: heard },
      { type: 'decide', version: v, outcome: 'approved', reason: 'Avvikelsen är liten.', conditions: ['Fasad i trä.'] },
      officer,
    );
    expect(p.set.status).toBe('proposed');
    expect(p.documents).toEqual([]);
    expect(p.messages).toEqual([]);
    const d = ok(proposed, { type: 'confirmProposal', version: v }, lead);
    expect(d.set).toMatchObject({
      status: 'decided',
      outcome: 'approved',
      decidedBy: lead.personnummer,
      proposal: null,
    });
    expect(d.events[0]!.data).toMatchObject({ proposedBy: 'Olle Officer', byTeamLead: true, feeReduction: 0 });
    expect(d.documents).toEqual([
      {
        kind: 'decision',
        outcome: 'approved',
        reason: 'Avvikelsen är liten.',
        conditions: [],
        decidedBy: { name: 'Lena Lead', teamLead: true },
        proposedBy: 'Olle Officer',
      },
    ]);
  });

  it('records the fee reduction of a late decision', () => {
    const d = ok(
      received,
      { type: 'decide', version: v, outcome: 'refused', reason: 'Strider mot planen.', conditions: [] },
      officer,
      '2027-02-09',
    );
    expect(d.events[0]!.data.feeReduction).toBe(0.4);
  });

  it('returns a proposal to handling', () => {
    const c = ok(proposed, { type: 'returnProposal', version: v, comment: ' Motivera mer. ' }, lead);
    expect(c.set).toEqual({ status: 'received', proposal: null });
    expect(c.events[0]!.data).toEqual({ comment: 'Motivera mer.', proposal });
  });

  it("gives a notification's start approval as its decision; a permit's is the after-permit chain's", () => {
    const n = ok(
      { ...received, procedure: 'notification' },
      { type: 'giveStartApproval', version: v, note: null },
      officer,
    );
    expect(n.set).toMatchObject({ status: 'decided', outcome: 'startApproval' });
    expect(n.set.startApprovedAt).toBeInstanceOf(Date);
    const p = applyCaseCommand(
      decided,
      { type: 'giveStartApproval', version: v, note: null },
      officer,
      at('2026-12-01'),
    );
    expect(p.ok ? null : p.problem.code).toBe('ALREADY_DECIDED');
  });

  it("takes the applicant's answer, restarts the clock and re-judges the consent flag", () => {
    const state = {
      ...awaiting,
      assessment: { conditions: ['NEIGHBOUR_CONSENT'], advice: [], deviation: false },
      neighbourConsentMissing: true,
    };
    const c = ok(
      state,
      {
        type: 'answerCompletion',
        version: v,
        note: null,
        answerFiles: [{ id: 'f1', type: 'FAS', fileName: 'f.pdf' }],
        caseFileTypes: ['FAS', 'GRAM'],
      },
      applicant,
      '2026-12-10',
    );
    expect(c.set).toMatchObject({
      status: 'received',
      completionRequest: null,
      neighbourConsentMissing: false,
      decisionDeadline: '2027-02-18',
    });
    expect(c.events[0]!.data).toMatchObject({ clockRestarted: true, deadline: '2027-02-18' });
  });

  it('lets the applicant withdraw an open case', () => {
    const c = ok(awaiting, { type: 'withdraw', version: v }, applicant);
    expect(c.set).toMatchObject({ status: 'withdrawn', completionRequest: null, proposal: null });
  });
});

describe("the officer's record: notes and the fee decision", () => {
  it('keeps a note as an officers-only event, on an open or a decided case, changing nothing else', () => {
    for (const state of [received, decided]) {
      const r = applyCaseCommand(
        state,
        { type: 'writeNote', version: v, text: '  Platsbesök gjort.  ' },
        officer,
        at('2026-12-01'),
      );
      expect(r).toEqual({
        ok: true,
        change: {
          set: {},
          events: [{ type: 'noteWritten', data: { text: 'Platsbesök gjort.' } }],
          messages: [],
          documents: [],
        },
      });
    }
  });

  it('records the fee the decision will charge, before a proposal', () => {
    for (const state of [received, awaiting]) {
      const r = applyCaseCommand(
        state,
        { type: 'decideFee', version: v, totalSEK: 5000, reason: 'Ansökan gäller en enkel åtgärd. ' },
        officer,
        at('2026-12-01'),
      );
      expect(r.ok && r.change.events).toEqual([
        { type: 'feeDecided', data: { totalSEK: 5000, reason: 'Ansökan gäller en enkel åtgärd.' } },
      ]);
      expect(r.ok && r.change.messages).toEqual([]);
    }
  });

  it('records a remiss sent and its answer as events, changing nothing else', () => {
    const sent = applyCaseCommand(
      received,
      { type: 'sendConsultation', version: v, consultationId: 'r1', consultee: 'Trafikenheten', replyBy: '2026-12-21' },
      officer,
      at('2026-12-01'),
    );
    expect(sent.ok && sent.change).toMatchObject({
      set: {},
      events: [{ type: 'consultationSent', data: { id: 'r1', consultee: 'Trafikenheten', replyBy: '2026-12-21' } }],
      messages: [],
    });
    const answered = applyCaseCommand(
      awaiting,
      {
        type: 'recordConsultationAnswer',
        version: v,
        consultationId: 'r1',
        consultee: 'Trafikenheten',
        kind: 'comments',
        answered: false,
      },
      consultee,
      at('2026-12-10'),
    );
    expect(answered.ok && answered.change.events).toEqual([
      { type: 'consultationAnswered', data: { id: 'r1', consultee: 'Trafikenheten', kind: 'comments' } },
    ]);
  });

  it('offers the fee form only before a proposal, and notes always', () => {
    const today = '2026-12-01';
    const limitsOf = (s: CaseState, who = officer as Extract<CaseActor, { role: 'officer' }>) =>
      caseCommandLimits(
        { ...s, replyBy: null, extended: false, proposalBy: s.proposal?.by.personnummer ?? null },
        who,
        today,
      ).actions;
    expect(limitsOf(received)).toEqual(expect.arrayContaining(['decideFee', 'writeNote']));
    expect(limitsOf(proposed, lead as Extract<CaseActor, { role: 'officer' }>)).not.toContain('decideFee');
    expect(limitsOf(decided)).toContain('writeNote');
    expect(limitsOf(decided)).not.toContain('decideFee');
  });
});

describe('caseCommandLimits tells a view what it may offer', () => {
  const lifecycle = { ...received, replyBy: null, extended: false, startApproved: false, proposalBy: null };
  it('bounds the forms by the rule set: reply-by days, restart window, extension weeks per procedure', () => {
    const l = caseCommandLimits(lifecycle, officer, '2026-12-01');
    expect(l.completion).toEqual({
      minReplyBy: '2026-12-02',
      defaultReplyBy: '2026-12-22',
      restartsClock: true,
      lastDayThatRestarts: '2026-12-14',
    });
    expect(l.extension).toEqual({ maxWeeks: 10, defaultWeeks: 4, reasonMinLength: 5 });
    expect(l.decision).toEqual({
      proposes: false,
      outcomes: ['approved', 'refused'],
      reasonMinLength: 5,
      hearingNeeded: false,
      committeeGrounds: { approved: [], refused: [] },
      mayRefer: true,
    });
    expect(caseCommandLimits(lifecycle, officer, '2026-12-15').completion?.restartsClock).toBe(false);
    // On a Friday three weeks before Christmas: the first day is Monday, the default the first working day after.
    expect(caseCommandLimits(lifecycle, officer, '2026-12-04').completion).toMatchObject({
      minReplyBy: '2026-12-07',
      defaultReplyBy: '2026-12-28',
    });
    const notification = caseCommandLimits(
      { ...lifecycle, procedure: 'notification', clock: clockFactsAtReceipt('notification', '2026-11-23') },
      officer,
      '2026-12-01',
    );
    expect(notification.extension?.maxWeeks).toBe(4);
    expect(notification.decision?.outcomes).toEqual(['refused']);
    expect(notification.startApproval).toEqual({ decidesCase: true, proposes: false });
  });
  it('says an officer proposes on a deviation and a team lead decides', () => {
    expect(caseCommandLimits({ ...lifecycle, deviation: true }, officer, '2026-12-01').decision?.proposes).toBe(true);
    expect(caseCommandLimits({ ...lifecycle, deviation: true }, lead, '2026-12-01').decision?.proposes).toBe(false);
  });
  it('offers nothing on a granted permit: its startbesked is the after-permit chain’s (ADR 0015)', () => {
    const l = caseCommandLimits({ ...lifecycle, status: 'decided', outcome: 'approved' }, officer, '2026-12-01');
    expect(l).toMatchObject({
      actions: ['writeNote'],
      decision: null,
      completion: null,
      extension: null,
      startApproval: null,
    });
  });
});
