import { describe, expect, it } from 'vitest';
import { ruleSetFor, ruleSets } from '../rules/ruleSets';
import {
  NO_MORE_REMINDERS,
  nextReminderDay,
  dueReminders,
  latestDecisionWithReminderDue,
  permitValidity,
  reminderKey,
  reminderSendAt,
  validityReminders,
} from './validity';

const reform = ruleSetFor('2026-12-01')!;
const before = ruleSetFor('2025-06-01')!;

describe('permit validity (PBL 9 kap. 43 §, 10 kap. 25 §)', () => {
  it.each([
    // legal force on        start by       finish by      why
    ['2027-03-02', '2029-03-02', '2032-03-02', 'an ordinary day'],
    ['2028-02-29', '2030-02-28', '2033-02-28', 'a leap day falls back to 28 February in a common year'],
    ['2026-02-28', '2028-02-28', '2031-02-28', 'the 28th stays the 28th even when the later year is a leap year'],
    ['2027-02-28', '2029-02-28', '2032-02-28', 'end of February in common years'],
    ['2026-03-29', '2028-03-29', '2031-03-29', 'a summer-time switch day is just a day'],
    ['2026-10-25', '2028-10-25', '2031-10-25', 'so is the switch back'],
    ['2027-12-31', '2029-12-31', '2032-12-31', 'the last day of a year'],
    ['2024-02-29', '2026-02-28', '2029-02-28', 'a leap day before the reform too'],
  ])('legal force %s: start by %s, finish by %s (%s)', (from, startBy, finishBy) => {
    expect(permitValidity({ procedure: 'permit', legalForceOn: from, startbeskedOn: null }, reform)).toEqual({
      from,
      basis: 'legalForce',
      startBy,
      finishBy,
    });
  });

  it('is the same under both rule sets: the reform did not change 9 kap. 43 §', () => {
    const input = { procedure: 'permit' as const, legalForceOn: '2028-02-29', startbeskedOn: null };
    expect(permitValidity(input, before)).toEqual(permitValidity(input, reform));
  });

  it('runs from the startbesked for a notification, and is unknown before legal force for a permit', () => {
    expect(
      permitValidity({ procedure: 'notification', legalForceOn: null, startbeskedOn: '2028-02-29' }, reform),
    ).toEqual({ from: '2028-02-29', basis: 'startbesked', startBy: '2030-02-28', finishBy: '2033-02-28' });
    expect(permitValidity({ procedure: 'permit', legalForceOn: null, startbeskedOn: '2027-01-01' }, reform)).toBeNull();
    expect(
      permitValidity({ procedure: 'notification', legalForceOn: '2027-01-01', startbeskedOn: null }, reform),
    ).toBeNull();
  });
});

describe('validity reminders', () => {
  const validity = permitValidity({ procedure: 'permit', legalForceOn: '2028-02-29', startbeskedOn: null }, reform)!;

  it('come 90 and 30 days before the start limit and 180 and 30 before the finish limit, across leap days', () => {
    expect(validityReminders(validity, { startedOn: null, finished: false })).toEqual([
      { limit: 'startBy', daysBefore: 90, limitDay: '2030-02-28', sendOn: '2029-11-30' },
      { limit: 'startBy', daysBefore: 30, limitDay: '2030-02-28', sendOn: '2030-01-29' },
      // 2033-02-28 minus 180 days crosses no leap day (2032-02-29 is before it): 2032-09-01.
      { limit: 'finishBy', daysBefore: 180, limitDay: '2033-02-28', sendOn: '2032-09-01' },
      { limit: 'finishBy', daysBefore: 30, limitDay: '2033-02-28', sendOn: '2033-01-29' },
    ]);
  });

  it('counts a leap day inside the window as a day', () => {
    const v = permitValidity({ procedure: 'permit', legalForceOn: '2030-03-30', startbeskedOn: null }, reform)!;
    // 29 days back from 30 March 2032 is 1 March; the 30th day back is the leap day itself.
    expect(validityReminders(v, { startedOn: null, finished: true }).find((r) => r.daysBefore === 30)?.sendOn).toBe(
      '2032-02-29',
    );
  });

  it('skip a limit already met', () => {
    expect(validityReminders(validity, { startedOn: '2029-01-01', finished: false }).map((r) => r.limit)).toEqual([
      'finishBy',
      'finishBy',
    ]);
    expect(validityReminders(validity, { startedOn: '2029-01-01', finished: true })).toEqual([]);
  });

  it('are due from their day until the limit, once each', () => {
    const progress = { startedOn: null, finished: false };
    expect(dueReminders(validity, progress, '2029-11-29', new Set())).toEqual([]);
    const due = dueReminders(validity, progress, '2029-11-30', new Set());
    expect(due.map((r) => r.daysBefore)).toEqual([90]);
    expect(dueReminders(validity, progress, '2029-12-15', new Set(due.map(reminderKey)))).toEqual([]);
    // A job that did not run for weeks still sends both start reminders, but none after the limit.
    expect(dueReminders(validity, progress, '2030-02-28', new Set()).map((r) => r.daysBefore)).toEqual([90, 30]);
    expect(dueReminders(validity, progress, '2030-03-01', new Set()).filter((r) => r.limit === 'startBy')).toEqual([]);
  });
});

describe('the next day the reminder job need look at a permit', () => {
  const validity = permitValidity({ procedure: 'permit', legalForceOn: '2028-02-29', startbeskedOn: null }, reform)!;
  const none = { startedOn: null, finished: false };
  const sentKeys = (...days: number[]) =>
    new Set(
      validityReminders(validity, none)
        .filter((r) => days.includes(r.daysBefore) && r.limit === 'startBy')
        .map(reminderKey),
    );

  it.each([
    ['long before: the first start reminder', '2027-06-01', none, [], '2029-11-30'],
    ['its own day (its hour may not have come)', '2029-11-30', none, [], '2029-11-30'],
    ['a missed one is due at once', '2029-12-10', none, [], '2029-12-10'],
    ['after the 90-day one was sent: the 30-day one', '2029-12-10', none, [90], '2030-01-29'],
    ['both start reminders sent: the first finish reminder', '2030-02-01', none, [90, 30], '2032-09-01'],
    [
      'work started: only finish reminders remain',
      '2028-06-01',
      { startedOn: '2028-05-01', finished: false },
      [],
      '2032-09-01',
    ],
    ['finished: none remain', '2028-06-01', { startedOn: '2028-05-01', finished: true }, [], NO_MORE_REMINDERS],
    ['after every limit: none remain', '2033-03-01', none, [], NO_MORE_REMINDERS],
  ] as const)('%s', (_name, today, progress, sent, next) => {
    expect(nextReminderDay(validity, progress, today, sentKeys(...sent))).toBe(next);
  });

  it('looks again tomorrow while the decision has no legal force yet', () => {
    expect(nextReminderDay(null, none, '2027-06-01', new Set())).toBe('2027-06-02');
  });

  it('is never later than a reminder that falls due (any day, any sent set)', () => {
    for (let d = 0; d < 2200; d += 7) {
      const today = new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10);
      const next = nextReminderDay(validity, none, today, new Set());
      for (let ahead = 0; ahead < 60; ahead++) {
        const later = new Date(Date.UTC(2027, 0, 1 + d + ahead)).toISOString().slice(0, 10);
        if (later >= next) break;
        expect(dueReminders(validity, none, later, new Set()), `${today} → ${later}`).toEqual([]);
      }
    }
  });
});

describe('the instant a reminder is sent', () => {
  it.each([
    ['2027-01-15', '2027-01-15T07:00:00.000Z', 'winter: CET, UTC+1'],
    ['2027-07-15', '2027-07-15T06:00:00.000Z', 'summer: CEST, UTC+2'],
    ['2027-03-28', '2027-03-28T06:00:00.000Z', 'the day summer time begins (02:00 → 03:00)'],
    ['2027-03-27', '2027-03-27T07:00:00.000Z', 'the day before it'],
    ['2027-10-31', '2027-10-31T07:00:00.000Z', 'the day summer time ends (03:00 → 02:00)'],
    ['2027-10-30', '2027-10-30T06:00:00.000Z', 'the day before it'],
    ['2028-02-29', '2028-02-29T07:00:00.000Z', 'a leap day'],
  ])('%s at 08:00 Stockholm is %s (%s)', (day, utc) => {
    expect(reminderSendAt(day).toISOString()).toBe(utc);
  });

  it('is the same Stockholm day whatever the hour', () => {
    expect(reminderSendAt('2027-03-28', 0).toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(reminderSendAt('2027-10-31', 23).toISOString()).toBe('2027-10-31T22:00:00.000Z');
  });
});

describe('latestDecisionWithReminderDue', () => {
  it('is the last decision day whose permit can have its first reminder due today', () => {
    // Two years back from 2029-03-01 is 2027-03-01; the first reminder comes 90 days before the start limit.
    const latest = latestDecisionWithReminderDue('2029-03-01', ruleSets);
    expect(latest).toBe('2027-05-30');
    // A permit decided that day, with legal force the same day, has its 90-day reminder due exactly today.
    const v = permitValidity({ procedure: 'permit', legalForceOn: latest, startbeskedOn: null }, reform)!;
    expect(
      dueReminders(v, { startedOn: null, finished: false }, '2029-03-01', new Set()).map((r) => r.daysBefore),
    ).toEqual([90]);
    // One decided a day later has nothing due yet.
    const later = permitValidity({ procedure: 'permit', legalForceOn: '2027-05-31', startbeskedOn: null }, reform)!;
    expect(dueReminders(later, { startedOn: null, finished: false }, '2029-03-01', new Set())).toEqual([]);
  });
});
