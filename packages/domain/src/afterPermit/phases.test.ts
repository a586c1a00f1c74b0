import { describe, expect, it } from 'vitest';
import type { MeasureType } from '../measure';
import { kontrollansvarigRequired } from '../rules/completeness';
import { ruleSetFor } from '../rules/ruleSets';
import {
  afterPermitPhases,
  applicantNextActions,
  consultationNeed,
  officerNextActions,
  startbeskedBlocker,
} from './phases';
import { initialAfterPermitState, type AfterPermitState } from './state';
import { grantedPermit } from './testSupport';

const reform = ruleSetFor('2026-12-01')!;
const keys = (f: ReturnType<typeof grantedPermit>, s: AfterPermitState = initialAfterPermitState(f.measure)) =>
  afterPermitPhases(f, s).map((p) => p.key);

describe('which phases a case needs', () => {
  it.each<[MeasureType, number, 'permit' | 'notification', boolean, string[]]>([
    // measure, area m², procedure, kontrollansvarig (from the rule set), phases
    [
      'newMainBuilding',
      140,
      'permit',
      true,
      ['decision', 'consultation', 'kontrollplan', 'startbesked', 'construction', 'slutbesked'],
    ],
    [
      'extension',
      60,
      'permit',
      true,
      ['decision', 'consultation', 'kontrollplan', 'startbesked', 'construction', 'slutbesked'],
    ],
    [
      'extension',
      20,
      'permit',
      false,
      ['decision', 'consultation', 'kontrollplan', 'startbesked', 'construction', 'slutbesked'],
    ],
    [
      'outbuilding',
      40,
      'permit',
      false,
      ['decision', 'consultation', 'kontrollplan', 'startbesked', 'construction', 'slutbesked'],
    ],
    ['smallDwelling', 30, 'notification', false, ['decision', 'construction', 'slutbesked']],
    [
      'carport',
      25,
      'permit',
      false,
      ['decision', 'consultation', 'kontrollplan', 'startbesked', 'construction', 'slutbesked'],
    ],
  ])('%s of %i m² by %s: kontrollansvarig %s', (measure, area, procedure, ka, phases) => {
    const kontrollansvarig = kontrollansvarigRequired(measure, area, reform);
    expect(kontrollansvarig).toBe(ka);
    const f = grantedPermit(measure, {
      procedure,
      kontrollansvarig,
      outcome: procedure === 'notification' ? 'startApproval' : 'approved',
    });
    expect(keys(f)).toEqual(phases);
    expect(consultationNeed(f)).toBe(procedure === 'notification' ? 'none' : ka ? 'required' : 'unlessWaived');
  });

  it.each([
    ['refused', 'decided'],
    ['dismissed', 'decided'],
    ['approved', 'received'],
  ] as const)('has none after a %s case in status %s', (outcome, status) => {
    expect(keys(grantedPermit('newMainBuilding', { outcome, status }))).toEqual([]);
  });

  it('marks the first unfinished phase current and a waived samråd skipped', () => {
    const f = grantedPermit('outbuilding');
    const s = initialAfterPermitState('outbuilding');
    expect(afterPermitPhases(f, s).map((p) => p.state)).toEqual([
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    const waived = {
      ...s,
      consultation: { ...s.consultation, waived: { on: '2027-01-12', by: 'Handläggare', reason: 'Enkel byggnad' } },
    };
    expect(afterPermitPhases(f, waived).map((p) => p.state)).toEqual([
      'done',
      'skipped',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    const started = {
      ...waived,
      kontrollplan: { ...waived.kontrollplan, approvedOn: '2027-02-16' },
      startbesked: { on: '2027-02-16', by: 'Handläggare', conditions: [], beforeLegalForce: false },
    };
    expect(afterPermitPhases(f, started).find((p) => p.state === 'current')?.key).toBe('construction');
    const interim = {
      ...started,
      slutbesked: [{ on: '2027-09-01', by: 'H', kind: 'interim' as const, conditions: [], remaining: ['Fasad'] }],
    };
    expect(afterPermitPhases(f, interim).find((p) => p.state === 'current')?.key).toBe('slutbesked');
    const final = {
      ...interim,
      slutbesked: [...interim.slutbesked, { ...interim.slutbesked[0]!, kind: 'final' as const, remaining: [] }],
    };
    expect(afterPermitPhases(f, final).every((p) => p.state === 'done' || p.state === 'skipped')).toBe(true);
  });
});

describe('the startbesked waits for', () => {
  const f = grantedPermit('newMainBuilding');
  const held: AfterPermitState = {
    ...initialAfterPermitState('newMainBuilding'),
    consultation: {
      waived: null,
      slots: [],
      bookedSlotId: null,
      minutes: { heldOn: '2027-01-20', text: 'Genomgång', by: 'H' },
    },
  };
  it.each<[string, AfterPermitState, string, boolean, string | null]>([
    ['the samråd', initialAfterPermitState('newMainBuilding'), '2027-03-01', false, 'CONSULTATION_PENDING'],
    [
      'a kontrollplan with items',
      { ...held, kontrollplan: { ...held.kontrollplan, items: [] } },
      '2027-03-01',
      false,
      'KONTROLLPLAN_EMPTY',
    ],
    ['legal force', held, '2027-02-15', false, 'LEGAL_FORCE_PENDING'],
    ['nothing on the day of legal force', held, '2027-02-16', false, null],
    [
      'the 4 weeks after the announcement when asked before legal force',
      held,
      '2027-02-07',
      true,
      'EARLY_START_TOO_EARLY',
    ],
    ['nothing once those 4 weeks are over', held, '2027-02-08', true, null],
  ])('%s', (_, s, today, early, blocker) => {
    expect(startbeskedBlocker(f, s, today, early)).toBe(blocker);
  });

  it('nothing more once the older startApproval command gave one: it counts as given', () => {
    const old = { ...f, startApprovedOn: '2027-02-20' };
    expect(startbeskedBlocker(old, held, '2027-03-01')).toBe('STARTBESKED_ALREADY_GIVEN');
    expect(afterPermitPhases(old, held).find((p) => p.state === 'current')?.key).toBe('kontrollplan');
    expect(applicantNextActions(old, held, null).map((a) => a.id)).toContain('tickKontrollplan');
  });

  it('legal force that is not known yet (a delivery awaited), even asked early before the announcement', () => {
    expect(startbeskedBlocker({ ...f, legalForceOn: null }, held, '2027-06-01')).toBe('LEGAL_FORCE_PENDING');
    expect(startbeskedBlocker({ ...f, earliestStart: null, legalForceOn: null }, held, '2027-06-01', true)).toBe(
      'EARLY_START_TOO_EARLY',
    );
    expect(startbeskedBlocker({ ...f, procedure: 'notification', outcome: 'startApproval' }, held, '2027-06-01')).toBe(
      'NOT_APPLICABLE',
    );
  });
});

describe('the next action', () => {
  const f = grantedPermit('newMainBuilding');
  const s0 = initialAfterPermitState('newMainBuilding');
  const slot = {
    id: '3f1d3c9e-8a57-4c38-9a0e-4c1d6b9f0a11',
    startsAt: '2027-01-25T09:00:00+01:00',
    place: 'Stadshuset',
  };
  const validity = { startBy: '2029-02-16', finishBy: '2032-02-16' };
  const ids = (a: { id: string }[]) => a.map((x) => x.id);

  it('walks the chain for the applicant and the officer', () => {
    expect(ids(applicantNextActions(f, s0, null))).toEqual(['waitForConsultationSlots', 'prepareKontrollplan']);
    expect(ids(officerNextActions(f, s0, '2027-01-12'))).toEqual(['decideConsultation']);
    const slots = { ...s0, consultation: { ...s0.consultation, slots: [slot] } };
    expect(ids(applicantNextActions(f, slots, null))).toEqual(['bookConsultation', 'prepareKontrollplan']);
    expect(ids(officerNextActions(f, slots, '2027-01-12'))).toEqual(['waitForBooking']);
    const booked = { ...slots, consultation: { ...slots.consultation, bookedSlotId: slot.id } };
    expect(applicantNextActions(f, booked, null)[0]).toEqual({ id: 'attendConsultation', on: '2027-01-25' });
    expect(ids(officerNextActions(f, booked, '2027-01-25'))).toEqual(['recordMinutes']);
    const held = {
      ...booked,
      consultation: { ...booked.consultation, minutes: { heldOn: '2027-01-25', text: 'Ok', by: 'H' } },
    };
    expect(applicantNextActions(f, held, null)).toEqual([
      { id: 'prepareKontrollplan', on: null },
      { id: 'waitForStartbesked', on: '2027-02-16' },
    ]);
    expect(officerNextActions(f, held, '2027-02-01')).toEqual([{ id: 'waitForLegalForce', on: '2027-02-16' }]);
    expect(ids(officerNextActions(f, held, '2027-02-16'))).toEqual(['issueStartbesked']);
    const started = { ...held, startbesked: { on: '2027-02-16', by: 'H', conditions: [], beforeLegalForce: false } };
    expect(applicantNextActions(f, started, validity)).toEqual([
      { id: 'reportStart', on: '2029-02-16' },
      { id: 'tickKontrollplan', on: '2032-02-16' },
      { id: 'requestSlutbesked', on: '2032-02-16' },
    ]);
    expect(ids(officerNextActions(f, started, '2027-03-01'))).toEqual(['followConstruction']);
    const requested = { ...started, startedOn: '2027-03-01', finalRequest: { on: '2027-10-01', note: null } };
    expect(ids(applicantNextActions(f, requested, validity))).toEqual(['waitForSlutbesked']);
    expect(ids(officerNextActions(f, requested, '2027-10-01'))).toEqual(['issueSlutbesked']);
    const done = {
      ...requested,
      finalRequest: null,
      slutbesked: [{ on: '2027-10-05', by: 'H', kind: 'final' as const, conditions: [], remaining: [] }],
    };
    expect(ids(applicantNextActions(f, done, validity))).toEqual(['finished']);
    expect(officerNextActions(f, done, '2027-10-05')).toEqual([]);
  });

  it('leaves out the samråd for a notification: its decision is the startbesked', () => {
    const n = grantedPermit('smallDwelling', {
      procedure: 'notification',
      outcome: 'startApproval',
      kontrollansvarig: false,
    });
    expect(ids(applicantNextActions(n, initialAfterPermitState('smallDwelling'), null))).toEqual([
      'reportStart',
      'tickKontrollplan',
      'requestSlutbesked',
    ]);
    expect(ids(officerNextActions(n, initialAfterPermitState('smallDwelling'), '2027-01-12'))).toEqual([
      'followConstruction',
    ]);
  });
});
