import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../rules/ruleSets';
import { clockFactsAtReceipt } from './clock';
import { applyCaseCommand, type CaseActor, type CaseCommand, type CaseState } from './commands';
import { hearingReplyBounds, type Hearing, type HearingParty } from './hearing';
import { allowedActions, caseCommandLimits } from './limits';

// A deviation received Monday 23 November 2026; "now" is noon Stockholm time on the given day.
const at = (day: string) => new Date(`${day}T12:00:00+01:00`);
const deviation: CaseState = {
  diaryNumber: 'BN 2026-000042',
  version: 3,
  status: 'received',
  procedure: 'permit',
  outcome: null,
  deviation: true,
  clock: clockFactsAtReceipt('permit', '2026-11-23'),
  decisionDeadline: '2027-02-01',
  completionRequest: null,
  proposal: null,
  startApproved: false,
  neighbourConsentMissing: false,
  assessment: { conditions: [], advice: ['DEVIATION_HEARING'], deviation: true },
  hearing: null,
};
const viktor: CaseActor = { role: 'officer', personnummer: '198011169235', name: 'Viktor Holm', teamLead: false };
const johanna: CaseActor = { role: 'officer', personnummer: '199208182387', name: 'Johanna Ek', teamLead: true };
const maria: CaseActor = { role: 'neighbour', personnummer: '196411193086', name: 'Maria Eriksson' };
const per: CaseActor = { role: 'neighbour', personnummer: '194509123412', name: 'Per Eriksson' };
const anna: CaseActor = { role: 'applicant', personnummer: '198202029289', name: 'Anna Lindqvist' };

const party = (id: string, personnummer: string, name: string | null): Omit<HearingParty, 'answer'> => ({
  id,
  propertyId: '4b1c0b6e-0000-4000-8000-000000000122',
  designation: 'Kjellstavik Eken 1:22',
  relation: 'adjoining',
  personnummer,
  name,
  protectedIdentity: name === null,
  share: '1/2',
  delivery: name === null ? 'forwarding' : 'post',
});
const MARIA = '00000000-0000-4000-8000-00000000000a';
const PER = '00000000-0000-4000-8000-00000000000b';
const parties = [party(MARIA, maria.personnummer, 'Maria Eriksson'), party(PER, per.personnummer, 'Per Eriksson')];
const start = (replyBy: string): CaseCommand => ({ type: 'startHearing', version: 3, replyBy, parties });

function run(state: CaseState, command: CaseCommand, actor: CaseActor, day: string) {
  return applyCaseCommand(state, command, actor, at(day));
}
function ok(state: CaseState, command: CaseCommand, actor: CaseActor, day: string) {
  const r = run(state, command, actor, day);
  if (!r.ok) throw new Error(`refused: ${r.problem.code}`);
  return r.change;
}
const code = (r: ReturnType<typeof run>) => (r.ok ? 'ok' : r.problem.code);

/** A running hearing started on 1 December 2026 with reply-by Friday 18 December. */
const running: CaseState = {
  ...deviation,
  hearing: ok(deviation, start('2026-12-18'), viktor, '2026-12-01').set.hearing!,
};
const answer = (
  partyId: string,
  kind: 'noObjection' | 'objection' | 'comment',
  channel: 'online' | 'paper',
  text: string | null = null,
  receivedOn: string | null = null,
): CaseCommand => ({ type: 'recordHearingAnswer', version: 3, partyId, kind, text, channel, receivedOn });

describe('the hearing reply-by day (PBL 9 kap. 25 §; the act names no period, the rule set does)', () => {
  const rules = ruleSetFor('2026-12-01')!;

  it('is a rule-set value flagged uncertain, with a source note', () => {
    expect(rules.hearing.minReplyDays).toMatchObject({ value: 10, uncertain: true });
    expect(rules.hearing.defaultReplyDays.note).toMatch(/skälig tid/);
  });

  it.each([
    ['Christmas: 25 Dec is a Friday holiday, then a weekend', '2026-12-04', '2026-12-28'],
    ['Easter: Good Friday, the weekend and Easter Monday', '2027-03-05', '2027-03-30'],
    ['midsummer: midsummer eve, then the weekend', '2027-06-04', '2027-06-28'],
    ['an ordinary Tuesday three weeks on', '2026-12-01', '2026-12-22'],
  ])('offers the default on a working day across %s', (_name, today, expected) => {
    expect(hearingReplyBounds(today, rules).defaultReplyBy).toBe(expected);
  });

  it('refuses a Saturday, a public holiday and a holiday eve', () => {
    expect(code(run(deviation, start('2026-12-19'), viktor, '2026-12-01'))).toBe('REPLY_BY_CLOSED_DAY');
    expect(code(run(deviation, start('2027-01-06'), viktor, '2026-12-01'))).toBe('REPLY_BY_CLOSED_DAY');
    expect(code(run(deviation, start('2026-12-24'), viktor, '2026-12-01'))).toBe('REPLY_BY_CLOSED_DAY');
  });

  it('refuses a day below the minimum, and takes the minimum itself', () => {
    const r = run(deviation, start('2026-12-10'), viktor, '2026-12-01');
    expect(r).toMatchObject({ ok: false, problem: { code: 'HEARING_REPLY_BY_TOO_EARLY', minDays: 10 } });
    expect(code(run(deviation, start('2026-12-11'), viktor, '2026-12-01'))).toBe('ok');
  });

  it('tells the form the bounds only while a hearing may start', () => {
    const limits = caseCommandLimits(
      { ...lifecycleOf(deviation), deviation: true, clock: deviation.clock },
      viktor,
      '2026-12-01',
    );
    expect(limits.hearing).toEqual({
      minReplyBy: '2026-12-11',
      defaultReplyBy: '2026-12-22',
      minReplyDays: 10,
      uncertain: true,
    });
    const none = caseCommandLimits(
      { ...lifecycleOf(running), deviation: true, clock: running.clock },
      viktor,
      '2026-12-01',
    );
    expect(none.hearing).toBeNull();
  });
});

function lifecycleOf(s: CaseState) {
  return {
    status: s.status,
    procedure: s.procedure,
    outcome: s.outcome,
    replyBy: null,
    extended: false,
    startApproved: false,
    proposalBy: null,
    hearing: s.hearing ?? null,
    deviation: s.deviation,
  };
}

describe('starting, answering and closing a hearing', () => {
  it('starts with every party unanswered, and the clock untouched', () => {
    const c = ok(deviation, start('2026-12-18'), viktor, '2026-12-01');
    expect(c.set.hearing).toMatchObject({ replyBy: '2026-12-18', closedOn: null, startedBy: 'Viktor Holm' });
    expect(c.set.hearing!.parties.map((p) => p.answer)).toEqual([null, null]);
    expect(c.set.clock).toBeUndefined();
    expect(c.events[0]).toEqual({
      type: 'hearingStarted',
      data: { replyBy: '2026-12-18', properties: ['Kjellstavik Eken 1:22'], parties: 2 },
    });
  });

  it('refuses a hearing without parties, a second one, one on a notification, and one on a case within the plan', () => {
    expect(code(run(deviation, { ...start('2026-12-18'), parties: [] } as CaseCommand, viktor, '2026-12-01'))).toBe(
      'HEARING_NO_PARTIES',
    );
    expect(code(run(running, start('2026-12-18'), viktor, '2026-12-02'))).toBe('NOT_ALLOWED_NOW');
    expect(code(run({ ...deviation, procedure: 'notification' }, start('2026-12-18'), viktor, '2026-12-01'))).toBe(
      'NOT_ALLOWED_NOW',
    );
    expect(code(run(deviation, start('2026-12-18'), anna, '2026-12-01'))).toBe('WRONG_ROLE');
    expect(code(run({ ...deviation, deviation: false }, start('2026-12-18'), viktor, '2026-12-01'))).toBe(
      'NOT_ALLOWED_NOW',
    );
  });

  it('takes the neighbour’s own online answer, never another person’s, and only until the reply-by day', () => {
    const c = ok(running, answer(MARIA, 'noObjection', 'online'), maria, '2026-12-02');
    expect(c.set.hearing!.parties.find((p) => p.id === MARIA)!.answer).toMatchObject({
      kind: 'noObjection',
      channel: 'online',
      receivedOn: null,
    });
    expect(c.events[0]!.data).toEqual({
      property: 'Kjellstavik Eken 1:22',
      kind: 'noObjection',
      channel: 'online',
      replaced: false,
    });
    expect(code(run(running, answer(MARIA, 'noObjection', 'online'), per, '2026-12-02'))).toBe('HEARING_NOT_A_PARTY');
    expect(code(run(running, answer(MARIA, 'noObjection', 'online'), viktor, '2026-12-02'))).toBe('WRONG_ROLE');
    expect(code(run(running, answer(MARIA, 'noObjection', 'online'), maria, '2026-12-18'))).toBe('ok');
    expect(code(run(running, answer(MARIA, 'noObjection', 'online'), maria, '2026-12-21'))).toBe(
      'HEARING_REPLY_BY_PASSED',
    );
  });

  it('registers a paper answer with its received day, also after the reply-by day while open; a later answer replaces', () => {
    const c = ok(running, answer(PER, 'objection', 'paper', 'Skymmer utsikten.', '2026-12-17'), viktor, '2026-12-21');
    const per1 = c.set.hearing!.parties.find((p) => p.id === PER)!;
    expect(per1.answer).toMatchObject({ kind: 'objection', receivedOn: '2026-12-17', recordedBy: 'Viktor Holm' });
    const again = ok(
      { ...running, hearing: c.set.hearing! },
      answer(PER, 'comment', 'paper', 'Ändrat.', '2026-12-21'),
      viktor,
      '2026-12-21',
    );
    expect(again.events[0]!.data).toMatchObject({ replaced: true, kind: 'comment' });
    expect(code(run(running, answer(PER, 'objection', 'paper', null, '2026-12-17'), viktor, '2026-12-21'))).toBe(
      'HEARING_TEXT_MISSING',
    );
    expect(code(run(running, answer(PER, 'noObjection', 'paper', null, '2026-12-22'), viktor, '2026-12-21'))).toBe(
      'HEARING_RECEIVED_ON_INVALID',
    );
    expect(code(run(running, answer(PER, 'noObjection', 'paper', null, null), viktor, '2026-12-21'))).toBe(
      'HEARING_RECEIVED_ON_INVALID',
    );
  });

  it('closes on the reply-by day, or earlier once everyone answered; records who did not answer', () => {
    const close: CaseCommand = { type: 'closeHearing', version: 3 };
    expect(run(running, close, viktor, '2026-12-17')).toMatchObject({
      ok: false,
      problem: { code: 'HEARING_CLOSE_TOO_EARLY', replyBy: '2026-12-18' },
    });
    const half = ok(running, answer(MARIA, 'noObjection', 'online'), maria, '2026-12-02').set.hearing!;
    const closed = ok({ ...running, hearing: half }, close, viktor, '2026-12-18');
    expect(closed.set.hearing!.closedOn).toBe('2026-12-18');
    expect(closed.events[0]!.data).toMatchObject({ answered: 1, notAnswered: ['Kjellstavik Eken 1:22'] });
    const both: Hearing = ok(
      { ...running, hearing: half },
      answer(PER, 'comment', 'paper', 'Tänk på dagvattnet.', '2026-12-03'),
      viktor,
      '2026-12-03',
    ).set.hearing!;
    expect(allowedActions(lifecycleOf({ ...running, hearing: both }), viktor, '2026-12-03')).toContain('closeHearing');
    expect(ok({ ...running, hearing: both }, close, viktor, '2026-12-03').set.hearing!.closedOn).toBe('2026-12-03');
    const after = { ...running, hearing: { ...both, closedOn: '2026-12-03' } };
    expect(code(run(after, answer(MARIA, 'comment', 'online', 'Sent'), maria, '2026-12-04'))).toBe('HEARING_CLOSED');
  });
});

describe('deciding a deviation and the hearing', () => {
  const grant: CaseCommand = {
    type: 'decide',
    version: 3,
    outcome: 'approved',
    reason: 'Liten avvikelse.',
    conditions: [],
  };
  const refuseIt: CaseCommand = {
    type: 'decide',
    version: 3,
    outcome: 'refused',
    reason: 'För stor avvikelse.',
    conditions: [],
  };

  it('blocks every decision while the hearing runs, and says why', () => {
    expect(allowedActions(lifecycleOf(running), viktor, '2026-12-02')).not.toContain('decide');
    expect(code(run(running, grant, johanna, '2026-12-02'))).toBe('HEARING_RUNNING');
    expect(code(run(running, refuseIt, viktor, '2026-12-02'))).toBe('HEARING_RUNNING');
  });

  it('grants a deviation only after a closed hearing; a refusal needs none (9 kap. 25 § third paragraph)', () => {
    expect(code(run(deviation, grant, johanna, '2026-12-02'))).toBe('HEARING_MISSING');
    expect(code(run(deviation, grant, viktor, '2026-12-02'))).toBe('HEARING_MISSING');
    expect(code(run(deviation, refuseIt, johanna, '2026-12-02'))).toBe('ok');
    const closed = { ...running, hearing: { ...running.hearing!, closedOn: '2026-12-18' } };
    expect(ok(closed, grant, johanna, '2026-12-21').set.status).toBe('decided');
    expect(ok(closed, grant, viktor, '2026-12-21').set.status).toBe('proposed');
  });

  it('tells the form: no "grant" on a deviation until its hearing is closed', () => {
    const limits = (st: CaseState) =>
      caseCommandLimits({ ...lifecycleOf(st), deviation: st.deviation, clock: st.clock }, johanna, '2026-12-21')
        .decision;
    expect(limits(deviation)).toMatchObject({ outcomes: ['refused'], hearingNeeded: true });
    expect(limits(running)).toBeNull();
    const closed = { ...running, hearing: { ...running.hearing!, closedOn: '2026-12-18' } };
    expect(limits(closed)).toMatchObject({ outcomes: ['approved', 'refused'], hearingNeeded: false });
  });

  it('leaves a case without deviation as it was', () => {
    expect(code(run({ ...deviation, deviation: false }, grant, viktor, '2026-12-02'))).toBe('ok');
  });
});
