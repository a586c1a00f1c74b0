import { describe, expect, it } from 'vitest';
import { statutoryClock, type ClockInput } from './clock';
import { ruleSetFor } from './ruleSets';

const rules = ruleSetFor('2026-01-15')!;
/** Noon in Stockholm on a day, as an instant. */
const noon = (day: string) => new Date(`${day}T12:00:00+01:00`);
const clock = (input: Partial<ClockInput> & Pick<ClockInput, 'received'>, today = '2026-01-01') =>
  statutoryClock({ procedure: 'permit', ...input }, rules, noon(today));

describe('statutoryClock: the decision deadline', () => {
  it('is ten weeks after the day the application arrived', () => {
    expect(clock({ received: '2026-02-02' }, '2026-02-02')).toMatchObject({
      startsOn: '2026-02-02',
      deadline: '2026-04-13',
      daysLeft: 70,
      basis: 'received',
    });
  });

  it('crosses the spring DST change without losing a day', () => {
    // Summer time starts 2026-03-29 02:00; a deadline is a day, not 70 × 24 hours.
    const c = clock({ received: '2026-03-20' }, '2026-03-28');
    expect(c.deadline).toBe('2026-05-29');
    expect(c.daysLeft).toBe(62);
  });

  it('crosses the autumn DST change without losing a day', () => {
    const c = clock({ received: '2026-10-20' }, '2026-10-24');
    expect(c.deadline).toBe('2026-12-29');
    expect(c.daysLeft).toBe(66);
  });

  it('reads an instant as the Stockholm date: 23:30 UTC on New Year’s Eve is the first of January', () => {
    const c = clock({ received: new Date('2026-12-31T23:30:00Z') }, '2027-01-01');
    expect(c.startsOn).toBe('2027-01-01');
    expect(c.deadline).toBe('2027-03-12');
  });

  it('an instant just after midnight on the night summer time starts is still that day', () => {
    expect(clock({ received: new Date('2026-03-28T23:30:00Z') }).startsOn).toBe('2026-03-29');
    expect(clock({ received: new Date('2026-10-24T22:30:00Z') }).startsOn).toBe('2026-10-25');
  });

  it('runs over the year end', () => {
    expect(clock({ received: '2026-12-28' }).deadline).toBe('2027-03-08');
  });

  it('handles the leap day of 2028', () => {
    expect(clock({ received: '2027-12-30' }).deadline).toBe('2028-03-09');
    expect(clock({ received: '2028-02-22' }).deadline).toBe('2028-05-02');
  });

  it('a notification has four weeks', () => {
    expect(
      statutoryClock({ procedure: 'notification', received: '2026-12-21' }, rules, noon('2026-12-21')).deadline,
    ).toBe('2027-01-18');
  });
});

describe('statutoryClock: orders to complete', () => {
  it('an order within three weeks stops the clock until the completion arrives', () => {
    const c = clock({ received: '2026-03-02', completionOrders: [{ issuedOn: '2026-03-16' }] }, '2026-03-20');
    expect(c).toMatchObject({
      startsOn: null,
      deadline: null,
      waitingForCompletion: true,
      daysLeft: null,
      feeReduction: 0,
    });
  });

  it('then the ten weeks run from the day the completion arrived', () => {
    const c = clock(
      { received: '2026-03-02', completionOrders: [{ issuedOn: '2026-03-23', completedOn: '2026-04-07' }] },
      '2026-04-07',
    );
    expect(c).toMatchObject({
      startsOn: '2026-04-07',
      basis: 'completion',
      deadline: '2026-06-16',
      waitingForCompletion: false,
    });
  });

  it('an order on day 22 does not restart the clock', () => {
    const c = clock({
      received: '2026-03-02',
      completionOrders: [{ issuedOn: '2026-03-24', completedOn: '2026-04-20' }],
    });
    expect(c).toMatchObject({ startsOn: '2026-03-02', basis: 'received', deadline: '2026-05-11' });
  });

  it('an applicant’s own supplement restarts the time, flagged as uncertain law', () => {
    const c = clock({ received: '2026-03-02', ownSupplements: ['2026-03-10'] });
    expect(c).toMatchObject({ startsOn: '2026-03-10', basis: 'supplement', deadline: '2026-05-19', uncertain: true });
  });

  it('a supplement after the limit has passed restarts nothing', () => {
    const c = clock({ received: '2026-03-02', ownSupplements: ['2026-05-12'] }, '2026-05-20');
    expect(c).toMatchObject({ startsOn: '2026-03-02', deadline: '2026-05-11', uncertain: false, daysLeft: -9 });
  });
});

describe('statutoryClock: extension', () => {
  it('once, by at most ten weeks, decided before the limit', () => {
    const c = clock({ received: '2026-03-02', extension: { decidedOn: '2026-05-04', weeks: 10 } });
    expect(c).toMatchObject({
      originalDeadline: '2026-05-11',
      deadline: '2026-07-20',
      extended: true,
      extensionProblem: null,
    });
  });

  it('eleven weeks is more than the law allows', () => {
    const c = clock({ received: '2026-03-02', extension: { decidedOn: '2026-05-04', weeks: 11 } });
    expect(c).toMatchObject({ deadline: '2026-05-11', extended: false, extensionProblem: 'tooLong' });
  });

  it('an extension decided after the limit passed does not count', () => {
    const c = clock({ received: '2026-03-02', extension: { decidedOn: '2026-05-12', weeks: 4 } });
    expect(c).toMatchObject({ deadline: '2026-05-11', extended: false, extensionProblem: 'tooLate' });
  });

  it('a notification may be extended by four weeks, not five', () => {
    const ok = statutoryClock(
      { procedure: 'notification', received: '2026-03-02', extension: { decidedOn: '2026-03-20', weeks: 4 } },
      rules,
      noon('2026-03-02'),
    );
    expect(ok.deadline).toBe('2026-04-27');
    const tooLong = statutoryClock(
      { procedure: 'notification', received: '2026-03-02', extension: { decidedOn: '2026-03-20', weeks: 5 } },
      rules,
      noon('2026-03-02'),
    );
    expect(tooLong.extensionProblem).toBe('tooLong');
  });
});

describe('statutoryClock: fee reduction', () => {
  const overdue = (today: string) => clock({ received: '2026-03-02' }, today); // deadline 2026-05-11
  it.each([
    ['on the deadline day', '2026-05-11', 0, 0],
    ['one day late: one started week', '2026-05-12', 1, 0.2],
    ['seven days late: still one week', '2026-05-18', 1, 0.2],
    ['eight days late: the second week has started', '2026-05-19', 2, 0.4],
    ['29 days late: five started weeks, the whole fee', '2026-06-09', 5, 1],
    ['far later: never more than the whole fee', '2026-09-01', 17, 1],
  ])('%s', (_name, today, weeks, reduction) => {
    const c = overdue(today);
    expect(c.overdueWeeksStarted).toBe(weeks);
    expect(c.feeReduction).toBe(reduction);
  });

  it('a decision stops the clock: judged on the day of the decision', () => {
    const c = clock({ received: '2026-03-02', decidedOn: '2026-05-13' }, '2026-07-01');
    expect(c).toMatchObject({ daysLeft: -2, overdueWeeksStarted: 1, feeReduction: 0.2 });
  });

  it('the extended deadline is the one that counts for the reduction', () => {
    const c = clock({ received: '2026-03-02', extension: { decidedOn: '2026-05-04', weeks: 2 } }, '2026-05-26');
    expect(c).toMatchObject({ deadline: '2026-05-25', daysLeft: -1, feeReduction: 0.2 });
  });
});
