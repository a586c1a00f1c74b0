import { describe, expect, it } from 'vitest';
import { clockFactsAtReceipt } from '../case/clock';
import { applyCaseCommand, type CaseActor, type CaseState } from '../case/commands';
import { ruleSetFor } from '../rules/ruleSets';
import {
  applicantNotice,
  decisionNotice,
  initialDeliveries,
  plannedAnnouncement,
  type Announcement,
  type NoticeDelivery,
} from './notice';

const reform = ruleSetFor('2026-12-01')!;
const before = ruleSetFor('2025-06-01')!;
const granted = { procedure: 'permit' as const, outcome: 'approved' };

const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] as const;
const applicantBy = (how: 'email' | 'post', sentOn: string): NoticeDelivery => ({
  id: ids[0],
  party: 'applicant',
  name: 'Anna Lindqvist',
  propertyDesignation: null,
  purpose: 'service',
  method: how,
  sentOn,
  deliveredOn: how === 'email' ? sentOn : null,
});
const neighbour = (sentOn: string, deliveredOn: string | null = null): NoticeDelivery => ({
  id: ids[1],
  party: 'sakagare',
  name: null,
  propertyDesignation: 'Kjellstavik Björken 2:5',
  purpose: 'notice',
  method: 'forwarding',
  sentOn,
  deliveredOn,
});
const announced = (on: string) => plannedAnnouncement(granted, on, reform)!;
const noticeOn = (on: string, deliveries: NoticeDelivery[], announcement: Announcement | null = announced(on)) =>
  decisionNotice({ ...granted, announcement, deliveries }, reform);

describe('the announcement of a decision', () => {
  it('is made for a granted permit only, on the rule set’s channel', () => {
    expect(announced('2027-01-11')).toEqual({
      channel: 'anslagstavla',
      publishedOn: '2027-01-11',
      // A week after it counts as received (PBL 13 kap. 16 §), then three weeks: Monday 8 February.
      upUntil: '2027-02-08',
    });
    expect(plannedAnnouncement(granted, '2027-01-11', before)?.channel).toBe('postOchInrikesTidningar');
    expect(plannedAnnouncement({ procedure: 'permit', outcome: 'refused' }, '2027-01-11', reform)).toBeNull();
    expect(plannedAnnouncement({ procedure: 'permit', outcome: 'dismissed' }, '2027-01-11', reform)).toBeNull();
    expect(
      plannedAnnouncement({ procedure: 'notification', outcome: 'startApproval' }, '2027-01-11', reform),
    ).toBeNull();
  });

  it('stays up past midsummer when the last day falls on midsommarafton (announced the Friday four weeks before)', () => {
    // Friday 28 May 2027 + 7 = 4 June; + 21 = Friday 25 June, midsommarafton: closed, so Monday 28 June.
    const n = noticeOn('2027-05-28', [applicantBy('email', '2027-05-28')]);
    expect(n.announcement?.upUntil).toBe('2027-06-28');
    expect(n.legalForceOn).toBe('2027-06-29');
    // Building may start four weeks after the announcement: a date, not a deadline, so not moved.
    expect(n.earliestStart).toBe('2027-06-25');
    expect(n.lapses).toEqual({ startBy: '2029-06-29', finishBy: '2032-06-29' });
    expect(n.uncertain).toBe(true);
  });

  it('moves a last day on Christmas Day or New Year’s Day to the next working day', () => {
    // 27 Nov 2026 + 7 + 21 = Friday 25 December → Monday 28 December.
    expect(announced('2026-11-27').upUntil).toBe('2026-12-28');
    // 4 Dec 2026 + 7 + 21 = Friday 1 January 2027 → Monday 4 January.
    const n = noticeOn('2026-12-04', [applicantBy('email', '2026-12-04')]);
    expect(n.announcement?.upUntil).toBe('2027-01-04');
    expect(n.legalForceOn).toBe('2027-01-05');
  });

  it('waits for a party served later than the announcement, and moves a Sunday to the Monday', () => {
    // Announced Monday 11 January 2027: the announcement's time ends 8 February.
    expect(noticeOn('2027-01-11', [applicantBy('email', '2027-01-11'), neighbour('2027-01-11')]).legalForceOn).toBe(
      '2027-02-09',
    );
    // The neighbour is served on Wednesday 20 January: their three weeks end 10 February.
    const later = noticeOn('2027-01-11', [applicantBy('email', '2027-01-11'), neighbour('2027-01-11', '2027-01-20')]);
    expect(later.appealEnds).toContainEqual({ party: ids[1], lastDay: '2027-02-10' });
    expect(later.legalForceOn).toBe('2027-02-11');
    // Served on Sunday 3 October 2027: three weeks end Sunday 24 October, so the time runs to Monday 25 October.
    const sunday = noticeOn('2027-09-27', [applicantBy('email', '2027-09-27'), neighbour('2027-09-27', '2027-10-03')]);
    expect(sunday.appealEnds).toContainEqual({ party: ids[1], lastDay: '2027-10-25' });
    expect(sunday.legalForceOn).toBe('2027-10-26');
  });

  it('has no legal-force date while the applicant’s service by post is not recorded', () => {
    const n = noticeOn('2027-01-11', [applicantBy('post', '2027-01-11'), neighbour('2027-01-11')]);
    expect(n.legalForceOn).toBeNull();
    expect(n.waitingFor).toEqual([ids[0]]);
    expect(n.lapses).toBeNull();
    // Building may still start four weeks after the announcement (with a startbesked).
    expect(n.earliestStart).toBe('2027-02-08');
  });

  it('lets a refusal gain legal force three weeks after the applicant received it, with nothing announced', () => {
    const n = decisionNotice(
      {
        procedure: 'permit',
        outcome: 'refused',
        announcement: null,
        deliveries: [applicantBy('email', '2027-01-11')],
      },
      reform,
    );
    expect(n).toMatchObject({
      announcementRequired: false,
      legalForceOn: '2027-02-02',
      earliestStart: null,
      lapses: null,
      uncertain: false,
    });
  });

  it('shows the applicant their own delivery, never a neighbour’s', () => {
    const n = applicantNotice(
      noticeOn('2027-01-11', [applicantBy('email', '2027-01-11'), neighbour('2027-01-11', '2027-01-20')]),
    );
    expect(n.deliveries.map((d) => d.party)).toEqual(['applicant']);
    expect(n.appealEnds.map((a) => a.party).sort()).toEqual([ids[0], 'announcement'].sort());
    expect(JSON.stringify(n)).not.toContain('Björken');
    expect(n.legalForceOn).toBe('2027-02-11');
  });

  it('sends sakägare a letter only when the decision is announced; a protected owner’s through forwarding', () => {
    const input = {
      applicant: { name: 'Anna Lindqvist', email: true },
      sakagare: [
        { name: 'Maria Eriksson', propertyDesignation: 'Kjellstavik Eken 1:22', forwarding: false },
        { name: null, propertyDesignation: 'Kjellstavik Björken 2:5', forwarding: true },
      ],
    };
    const all = initialDeliveries({ ...input, announced: true }, '2027-01-11');
    expect(all.map((d) => [d.party, d.purpose, d.method, d.deliveredOn])).toEqual([
      ['applicant', 'service', 'email', '2027-01-11'],
      ['sakagare', 'notice', 'post', null],
      ['sakagare', 'notice', 'forwarding', null],
    ]);
    expect(initialDeliveries({ ...input, announced: false }, '2027-01-11')).toHaveLength(1);
  });

  it('serves the grant on a heard sakägare whose objection was not met (41 a §), by post or forwarding', () => {
    const served = initialDeliveries(
      {
        applicant: { name: 'Anna Lindqvist', email: true },
        sakagare: [
          { name: 'Per Eriksson', propertyDesignation: 'Kjellstavik Eken 1:22', forwarding: false, served: true },
          { name: null, propertyDesignation: 'Kjellstavik Björken 2:5', forwarding: true, served: false },
        ],
        announced: true,
      },
      '2027-01-11',
    );
    expect(served.map((d) => [d.name, d.purpose, d.method])).toEqual([
      ['Anna Lindqvist', 'service', 'email'],
      ['Per Eriksson', 'service', 'post'],
      [null, 'notice', 'forwarding'],
    ]);
  });
});

describe('the case commands of notice and legal force', () => {
  const at = (day: string) => new Date(`${day}T12:00:00+01:00`);
  const received: CaseState = {
    diaryNumber: 'BN 2026-000042',
    version: 3,
    status: 'received',
    procedure: 'permit',
    outcome: null,
    deviation: false,
    clock: clockFactsAtReceipt('permit', '2026-12-07'),
    decisionDeadline: '2027-02-15',
    completionRequest: null,
    proposal: null,
    startApproved: false,
    neighbourConsentMissing: false,
    assessment: { conditions: [], advice: [], deviation: false },
  };
  const officer: CaseActor = { role: 'officer', personnummer: '198306219299', name: 'Oskar Wallin', teamLead: false };
  const decide = (outcome: 'approved' | 'refused') =>
    applyCaseCommand(
      received,
      { type: 'decide', version: 3, outcome, reason: 'Enligt planen.', conditions: [] },
      officer,
      at('2027-01-11'),
    );

  it('announces a granted permit with the decision, and no refusal', () => {
    const approved = decide('approved');
    expect(approved.ok && approved.change.announcement).toEqual(announced('2027-01-11'));
    const refused = decide('refused');
    expect(refused.ok && refused.change.announcement).toBeNull();
  });

  it('records a service on a decided case, on a day between sending and today', () => {
    const decided: CaseState = { ...received, status: 'decided', outcome: 'approved' };
    const record = (state: CaseState, deliveredOn: string) =>
      applyCaseCommand(
        state,
        { type: 'recordDecisionDelivery', version: 3, delivery: { id: ids[1], sentOn: '2027-01-11' }, deliveredOn },
        officer,
        at('2027-01-20'),
      );
    const ok = record(decided, '2027-01-19');
    expect(ok.ok && ok.change.events).toEqual([
      { type: 'decisionDelivered', data: { delivery: ids[1], deliveredOn: '2027-01-19' } },
    ]);
    expect(record(decided, '2027-01-10')).toMatchObject({ ok: false, problem: { code: 'DELIVERY_DATE_INVALID' } });
    expect(record(decided, '2027-01-21')).toMatchObject({ ok: false, problem: { code: 'DELIVERY_DATE_INVALID' } });
    expect(record(received, '2027-01-19')).toMatchObject({ ok: false, problem: { code: 'NOT_ALLOWED_NOW' } });
    const applicant: CaseActor = { role: 'applicant', personnummer: '198202029289', name: 'Anna Lindqvist' };
    expect(
      applyCaseCommand(
        decided,
        {
          type: 'recordDecisionDelivery',
          version: 3,
          delivery: { id: ids[1], sentOn: '2027-01-11' },
          deliveredOn: '2027-01-19',
        },
        applicant,
        at('2027-01-20'),
      ),
    ).toMatchObject({ ok: false, problem: { code: 'WRONG_ROLE' } });
  });
});
