import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../rules/ruleSets';
import { decisionNextSteps, DecisionNextStepsSchema, type DecidedCaseFacts } from './nextSteps';
import { decisionNotice, initialDeliveries, plannedAnnouncement, type NoticeDelivery } from './notice';

const ruleSet = ruleSetFor('2026-12-01')!;
const decidedAt = '2026-12-07T10:00:00+01:00';

/** The notice the server writes when a decision is issued on 7 December 2026, with the applicant served by e-mail. */
function noticeFor(procedure: 'permit' | 'notification', outcome: 'approved' | 'refused') {
  const announcement = plannedAnnouncement({ procedure, outcome }, '2026-12-07', ruleSet);
  const deliveries: NoticeDelivery[] = initialDeliveries(
    { applicant: { name: 'Lars Holmberg', email: true }, sakagare: [], announced: announcement !== null },
    '2026-12-07',
  ).map((d, i) => ({ ...d, id: `00000000-0000-4000-8000-00000000000${i}` }));
  return decisionNotice({ procedure, outcome, announcement, deliveries }, ruleSet);
}

const facts = (over: Partial<DecidedCaseFacts>): DecidedCaseFacts => ({
  procedure: 'permit',
  outcome: 'approved',
  decidedAt,
  startApprovedAt: null,
  notice: noticeFor('permit', 'approved'),
  documents: [{ kind: 'decision' }],
  ...over,
});

describe('what a decision means for the applicant', () => {
  it('is nothing before a decision', () => {
    expect(decisionNextSteps(facts({ outcome: null, decidedAt: null }), ruleSet)).toBeNull();
  });

  it('a granted permit: wait for a startbesked and four weeks after the announcement; legal force and lapse dates from the notice', () => {
    const n = decisionNextSteps(facts({}), ruleSet)!;
    expect(DecisionNextStepsSchema.parse(n)).toEqual(n);
    // Announced 7 December: four weeks later is 4 January 2027.
    expect(n.start).toEqual({ kind: 'waitForStartbesked', weeks: 4, earliestStart: '2027-01-04' });
    const notice = noticeFor('permit', 'approved');
    expect(n.legalForce).toEqual({ on: notice.legalForceOn, uncertain: notice.uncertain });
    expect(n.legalForce!.on! > '2026-12-28').toBe(true);
    expect(n.validity).toEqual(notice.lapses);
    expect(n.validity!.startBy.slice(0, 4)).toBe('2029');
    expect(n.validity!.finishBy.slice(0, 4)).toBe('2032');
    expect(n.appealBy).toBe('2026-12-28');
    expect(n.document).toBe('decision');
  });

  it('a granted permit with its startbesked: may start, never before the wait after the announcement; the startbesked PDF first', () => {
    const early = decisionNextSteps(
      facts({
        startApprovedAt: '2026-12-20T09:00:00+01:00',
        documents: [{ kind: 'decision' }, { kind: 'startApproval' }],
      }),
      ruleSet,
    )!;
    expect(early.start).toEqual({ kind: 'mayStart', from: '2027-01-04' });
    expect(early.document).toBe('startApproval');
    const late = decisionNextSteps(facts({ startApprovedAt: '2027-02-01T09:00:00+01:00' }), ruleSet)!;
    expect(late.start).toEqual({ kind: 'mayStart', from: '2027-02-01' });
    // The startbesked given with the permit, before the announcement is published: not yet, and not from today.
    const unannounced = decisionNextSteps(
      facts({ startApprovedAt: decidedAt, notice: { ...noticeFor('permit', 'approved'), earliestStart: null } }),
      ruleSet,
    )!;
    expect(unannounced.start).toEqual({ kind: 'waitForAnnouncement', weeks: 4 });
  });

  it('a notification: the decision is the startbesked; building may start that day; it lapses from it; no legal-force line', () => {
    const n = decisionNextSteps(
      facts({ procedure: 'notification', notice: noticeFor('notification', 'approved') }),
      ruleSet,
    )!;
    expect(n.start).toEqual({ kind: 'mayStart', from: '2026-12-07' });
    expect(n.legalForce).toBeNull();
    expect(n.validity).toEqual({ startBy: '2028-12-07', finishBy: '2031-12-07' });
  });

  it('a refusal: no right to build, no startbesked text, no validity; the last day to appeal', () => {
    const n = decisionNextSteps(facts({ outcome: 'refused', notice: noticeFor('permit', 'refused') }), ruleSet)!;
    expect(n.start).toEqual({ kind: 'mayNotBuild' });
    expect(n.validity).toBeNull();
    expect(n.legalForce).toBeNull();
    expect(n.appealBy).toBe('2026-12-28');
  });

  it('a dismissal builds nothing either; without a recorded receipt there is no appeal date yet', () => {
    const notice = noticeFor('permit', 'refused');
    const unserved = {
      ...notice,
      deliveries: notice.deliveries.map((d) => ({ ...d, deliveredOn: null })),
      appealEnds: [],
    };
    const n = decisionNextSteps(facts({ outcome: 'dismissed', notice: unserved }), ruleSet)!;
    expect(n.start.kind).toBe('mayNotBuild');
    expect(n.appealBy).toBeNull();
  });
});
