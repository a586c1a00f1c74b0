import { describe, expect, it } from 'vitest';
import type { CaseActor } from '../case/commands';
import { applyAfterPermitCommand, type AfterPermitCommand, type AfterPermitContext } from './commands';
import { afterPermitProblemErrorCode, type AfterPermitProblemCode } from './problems';
import { initialAfterPermitState, type AfterPermitState } from './state';
import { contextOf, grantedPermit } from './testSupport';

/** A command without its version (each member's own fields kept). */
type Cmd = {
  [K in AfterPermitCommand['type']]: Omit<Extract<AfterPermitCommand, { type: K }>, 'version'>;
}[AfterPermitCommand['type']];

const officer: CaseActor = {
  role: 'officer',
  personnummer: '198112289874',
  name: 'Handläggare Hanna',
  teamLead: false,
};
const applicant: CaseActor = { role: 'applicant', personnummer: '194107086995', name: 'Lars Lund' };
const at = (iso: string) => new Date(iso);
const SLOT = 'a7c0d6b4-1b44-4a5e-9a4f-0d4c6f2b8e01';
const SLOT2 = 'b7c0d6b4-1b44-4a5e-9a4f-0d4c6f2b8e02';
const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

/** Applies a command and returns the next context (or fails the test with the refusal). */
function step(ctx: AfterPermitContext, command: Cmd, actor: CaseActor, now: string) {
  const r = applyAfterPermitCommand(
    ctx,
    { ...command, version: ctx.version } as AfterPermitCommand,
    actor,
    at(now),
    counter(),
  );
  if (!r.ok) throw new Error(`refused: ${r.problem.code}`);
  return { ctx: { ...ctx, version: ctx.version + 1, state: r.change.state }, change: r.change };
}
function refusal(ctx: AfterPermitContext, command: Cmd, actor: CaseActor, now: string, version = ctx.version) {
  const r = applyAfterPermitCommand(ctx, { ...command, version } as AfterPermitCommand, actor, at(now), counter());
  return r.ok ? null : r.problem.code;
}

const slots = [
  { id: SLOT2, startsAt: '2027-01-28T13:00:00+01:00', place: 'Stadshuset, rum 2' },
  { id: SLOT, startsAt: '2027-01-25T09:00:00+01:00', place: 'Stadshuset, rum 1' },
];

describe('after the permit: Lars’s new house, the whole chain', () => {
  it('samråd booked and held, plan adapted, startbesked on legal force, ticks, interim and final slutbesked', () => {
    let ctx = contextOf(grantedPermit('newMainBuilding'));
    let r = step(ctx, { type: 'publishConsultationSlots', slots }, officer, '2027-01-12T10:00:00+01:00');
    expect(r.change.state.consultation.slots.map((s) => s.id)).toEqual([SLOT, SLOT2]); // sorted by time
    expect(r.change.messages[0]?.body).toContain('25 januari 2027 kl. 09:00');
    ctx = r.ctx;
    ctx = step(ctx, { type: 'bookConsultationSlot', slotId: SLOT }, applicant, '2027-01-13T08:00:00+01:00').ctx;
    const plan = ctx.state.kontrollplan.items;
    r = step(
      ctx,
      {
        type: 'editKontrollplan',
        items: [
          ...plan
            .filter((i) => i.id !== 'chimney')
            .map(({ id, what, checkedBy, method }) => ({ id, what, checkedBy, method })),
          { what: 'Radonmätning efter inflyttning', checkedBy: 'sakkunnig', method: 'certificate' },
        ],
      },
      applicant,
      '2027-01-20T08:00:00+01:00',
    );
    expect(r.change.state.kontrollplan.items.at(-1)).toMatchObject({ id: 'new-1', fromTemplate: false, done: null });
    expect(r.change.state.kontrollplan.items.some((i) => i.id === 'chimney')).toBe(false);
    ctx = r.ctx;
    r = step(
      ctx,
      {
        type: 'recordConsultationMinutes',
        heldOn: '2027-01-25',
        text: 'Kontrollplanen gicks igenom.\n\nKA närvarande.',
      },
      officer,
      '2027-01-25T11:00:00+01:00',
    );
    expect(r.change.documents.map((d) => d.kind)).toEqual(['consultationMinutes']);
    ctx = r.ctx;
    expect(
      refusal(
        ctx,
        { type: 'issueStartbesked', conditions: [], beforeLegalForce: false },
        officer,
        '2027-02-15T10:00:00+01:00',
      ),
    ).toBe('LEGAL_FORCE_PENDING');
    r = step(
      ctx,
      { type: 'issueStartbesked', conditions: ['Utstakning av certifierad mätare', '  '], beforeLegalForce: false },
      officer,
      '2027-02-16T10:00:00+01:00',
    );
    expect(r.change.startApproved).toBe(true);
    expect(r.change.state.startbesked).toEqual({
      on: '2027-02-16',
      by: 'Handläggare Hanna',
      conditions: ['Utstakning av certifierad mätare'],
      beforeLegalForce: false,
    });
    expect(r.change.state.kontrollplan.approvedOn).toBe('2027-02-16');
    expect(r.change.documents[0]).toMatchObject({ kind: 'startbesked', on: '2027-02-16' });
    ctx = r.ctx;
    expect(refusal(ctx, { type: 'editKontrollplan', items: [] }, applicant, '2027-02-17T10:00:00+01:00')).toBe(
      'KONTROLLPLAN_LOCKED',
    );
    ctx = step(ctx, { type: 'reportWorkStarted', startedOn: '2027-03-01' }, applicant, '2027-03-02T10:00:00+01:00').ctx;
    for (const item of ctx.state.kontrollplan.items.slice(0, -1))
      ctx = step(
        ctx,
        { type: 'tickKontrollplanItem', itemId: item.id, doneOn: '2027-08-01', attachmentId: null, note: null },
        applicant,
        '2027-08-02T10:00:00+02:00',
      ).ctx;
    ctx = step(
      ctx,
      { type: 'requestSlutbesked', note: 'Klart utom radon' },
      applicant,
      '2027-08-03T10:00:00+02:00',
    ).ctx;
    expect(
      refusal(
        ctx,
        { type: 'issueSlutbesked', kind: 'final', conditions: [], remaining: [] },
        officer,
        '2027-08-04T10:00:00+02:00',
      ),
    ).toBe('KONTROLLPLAN_INCOMPLETE');
    r = step(
      ctx,
      { type: 'issueSlutbesked', kind: 'interim', conditions: [], remaining: ['Radonmätning'] },
      officer,
      '2027-08-04T10:00:00+02:00',
    );
    expect(r.change.documents[0]?.kind).toBe('interimSlutbesked');
    expect(r.change.state.finalRequest).toBeNull();
    ctx = r.ctx;
    const last = ctx.state.kontrollplan.items.at(-1)!;
    ctx = step(
      ctx,
      { type: 'tickKontrollplanItem', itemId: last.id, doneOn: '2028-02-29', attachmentId: SLOT2, note: ' Bq 40 ' },
      applicant,
      '2028-02-29T10:00:00+01:00',
    ).ctx;
    expect(ctx.state.kontrollplan.items.at(-1)?.done).toEqual({
      on: '2028-02-29',
      by: 'Lars Lund',
      attachmentId: SLOT2,
      note: 'Bq 40',
    });
    ctx = step(ctx, { type: 'requestSlutbesked', note: null }, applicant, '2028-03-01T10:00:00+01:00').ctx;
    r = step(
      ctx,
      { type: 'issueSlutbesked', kind: 'final', conditions: [], remaining: ['ignored'] },
      officer,
      '2028-03-02T10:00:00+01:00',
    );
    expect(r.change.state.slutbesked.map((b) => [b.kind, b.remaining])).toEqual([
      ['interim', ['Radonmätning']],
      ['final', []],
    ]);
    expect(r.change.messages[0]?.kind).toBe('slutbesked');
    expect(refusal(r.ctx, { type: 'requestSlutbesked', note: null }, applicant, '2028-03-03T10:00:00+01:00')).toBe(
      'ALREADY_FINISHED',
    );
  });
});

// Builds the states the refusals need.
const permit = grantedPermit('newMainBuilding');
const small = grantedPermit('outbuilding');
const fresh = contextOf(permit);
const withSlots = contextOf(permit, { ...fresh.state, consultation: { ...fresh.state.consultation, slots } });
const booked = contextOf(permit, {
  ...withSlots.state,
  consultation: { ...withSlots.state.consultation, bookedSlotId: SLOT },
});
const held: AfterPermitState = {
  ...booked.state,
  consultation: { ...booked.state.consultation, minutes: { heldOn: '2027-01-25', text: 'Protokoll', by: 'H' } },
};
const started: AfterPermitState = {
  ...held,
  startbesked: { on: '2027-02-16', by: 'H', conditions: [], beforeLegalForce: false },
  kontrollplan: {
    ...held.kontrollplan,
    approvedOn: '2027-02-16',
    items: held.kontrollplan.items.map((i, n) =>
      n === 0 ? { ...i, done: { on: '2027-03-01', by: 'L', attachmentId: null, note: null } } : i,
    ),
  },
};
const requested: AfterPermitState = { ...started, finalRequest: { on: '2027-09-01', note: null } };
const notice = contextOf(grantedPermit('smallDwelling', { procedure: 'notification', outcome: 'startApproval' }));
const ticked = contextOf(small, {
  ...initialAfterPermitState('outbuilding'),
  kontrollplan: {
    ...initialAfterPermitState('outbuilding').kontrollplan,
    items: initialAfterPermitState('outbuilding').kontrollplan.items.map((i) => ({
      ...i,
      done: { on: '2027-03-01', by: 'L', attachmentId: null, note: null },
    })),
  },
});
const NOW = '2027-03-01T10:00:00+01:00';
const EARLY = '2027-01-12T10:00:00+01:00';
const item = { what: 'Något att kontrollera', checkedBy: 'byggherre' as const, method: 'visual' as const };

const refusals: [AfterPermitProblemCode, AfterPermitContext, Cmd, CaseActor, string, number?][] = [
  ['WRONG_ROLE', fresh, { type: 'issueStartbesked', conditions: [], beforeLegalForce: false }, applicant, NOW],
  ['WRONG_ROLE', fresh, { type: 'bookConsultationSlot', slotId: SLOT }, officer, NOW],
  [
    'NOT_APPLICABLE',
    contextOf(grantedPermit('newMainBuilding', { outcome: 'refused' })),
    { type: 'requestSlutbesked', note: null },
    applicant,
    NOW,
  ],
  ['NOT_APPLICABLE', notice, { type: 'waiveConsultation', reason: 'Behövs inte här' }, officer, NOW],
  ['NOT_APPLICABLE', notice, { type: 'issueStartbesked', conditions: [], beforeLegalForce: false }, officer, NOW],
  ['STALE_VERSION', contextOf(small), { type: 'waiveConsultation', reason: 'Enkel byggnad' }, officer, NOW, 6],
  ['CONSULTATION_REQUIRED_BY_LAW', fresh, { type: 'waiveConsultation', reason: 'Behövs inte här' }, officer, EARLY],
  ['REASON_TOO_SHORT', contextOf(small), { type: 'waiveConsultation', reason: ' ok ' }, officer, EARLY],
  ['CONSULTATION_SETTLED', contextOf(permit, held), { type: 'publishConsultationSlots', slots }, officer, EARLY],
  ['CONSULTATION_SETTLED', contextOf(permit, held), { type: 'bookConsultationSlot', slotId: SLOT }, applicant, EARLY],
  ['CONSULTATION_ALREADY_BOOKED', booked, { type: 'publishConsultationSlots', slots }, officer, EARLY],
  ['CONSULTATION_NO_SLOTS', fresh, { type: 'publishConsultationSlots', slots: [] }, officer, EARLY],
  ['CONSULTATION_SLOT_PAST', fresh, { type: 'publishConsultationSlots', slots }, officer, '2027-01-26T10:00:00+01:00'],
  [
    'CONSULTATION_SLOT_PAST',
    withSlots,
    { type: 'bookConsultationSlot', slotId: SLOT },
    applicant,
    '2027-01-25T09:00:00+01:00',
  ],
  [
    'CONSULTATION_SLOT_UNKNOWN',
    withSlots,
    { type: 'bookConsultationSlot', slotId: '00000000-0000-4000-8000-000000000000' },
    applicant,
    EARLY,
  ],
  [
    'CONSULTATION_NOT_BOOKED',
    withSlots,
    { type: 'recordConsultationMinutes', heldOn: '2027-01-12', text: 'Protokoll' },
    officer,
    EARLY,
  ],
  [
    'DATE_INVALID',
    booked,
    { type: 'recordConsultationMinutes', heldOn: '2027-01-13', text: 'Protokoll' },
    officer,
    EARLY,
  ],
  [
    'DATE_INVALID',
    booked,
    { type: 'recordConsultationMinutes', heldOn: '2027-01-10', text: 'Protokoll' },
    officer,
    EARLY,
  ],
  ['DATE_INVALID', contextOf(permit, started), { type: 'reportWorkStarted', startedOn: '2027-02-15' }, applicant, NOW],
  ['CONSULTATION_PENDING', booked, { type: 'issueStartbesked', conditions: [], beforeLegalForce: false }, officer, NOW],
  [
    'KONTROLLPLAN_EMPTY',
    contextOf(permit, { ...held, kontrollplan: { ...held.kontrollplan, items: [] } }),
    { type: 'issueStartbesked', conditions: [], beforeLegalForce: false },
    officer,
    NOW,
  ],
  [
    'LEGAL_FORCE_PENDING',
    contextOf({ ...permit, legalForceOn: null }, held),
    { type: 'issueStartbesked', conditions: [], beforeLegalForce: false },
    officer,
    NOW,
  ],
  [
    'EARLY_START_TOO_EARLY',
    contextOf(permit, held),
    { type: 'issueStartbesked', conditions: [], beforeLegalForce: true },
    officer,
    '2027-02-07T10:00:00+01:00',
  ],
  [
    'STARTBESKED_ALREADY_GIVEN',
    contextOf(permit, started),
    { type: 'issueStartbesked', conditions: [], beforeLegalForce: false },
    officer,
    NOW,
  ],
  ['KONTROLLPLAN_LOCKED', contextOf(permit, started), { type: 'editKontrollplan', items: [item] }, applicant, NOW],
  ['KONTROLLPLAN_ITEM_UNKNOWN', fresh, { type: 'editKontrollplan', items: [{ ...item, id: 'nope' }] }, applicant, NOW],
  [
    'KONTROLLPLAN_ITEM_UNKNOWN',
    contextOf(permit, started),
    { type: 'tickKontrollplanItem', itemId: 'nope', doneOn: '2027-03-01', attachmentId: null, note: null },
    applicant,
    NOW,
  ],
  [
    'KONTROLLPLAN_DUPLICATE_ID',
    fresh,
    {
      type: 'editKontrollplan',
      items: [
        { ...item, id: 'placement' },
        { ...item, id: 'placement' },
      ],
    },
    applicant,
    NOW,
  ],
  ['KONTROLLPLAN_DONE_ITEM_REMOVED', ticked, { type: 'editKontrollplan', items: [item] }, applicant, NOW],
  [
    'STARTBESKED_MISSING',
    fresh,
    { type: 'tickKontrollplanItem', itemId: 'placement', doneOn: '2027-03-01', attachmentId: null, note: null },
    applicant,
    NOW,
  ],
  ['STARTBESKED_MISSING', fresh, { type: 'requestSlutbesked', note: null }, applicant, NOW],
  [
    'STARTBESKED_MISSING',
    fresh,
    { type: 'recordSiteVisit', visitedOn: '2027-03-01', note: 'Besök på plats' },
    officer,
    NOW,
  ],
  // A site visit is booked on a coming working day: not today, not Midsummer Eve.
  [
    'DATE_INVALID',
    contextOf(permit, started),
    { type: 'bookSiteVisit', visitOn: '2027-03-01', note: '' },
    officer,
    NOW,
  ],
  [
    'DATE_INVALID',
    contextOf(permit, started),
    { type: 'bookSiteVisit', visitOn: '2027-06-25', note: '' },
    officer,
    NOW,
  ],
  ['STARTBESKED_MISSING', fresh, { type: 'bookSiteVisit', visitOn: '2027-03-04', note: '' }, officer, NOW],
  [
    'REASON_TOO_SHORT',
    contextOf(permit, started),
    { type: 'recordSiteVisit', visitedOn: '2027-03-01', note: '' },
    officer,
    NOW,
  ],
  [
    'SLUTBESKED_ALREADY_REQUESTED',
    contextOf(permit, requested),
    { type: 'requestSlutbesked', note: null },
    applicant,
    NOW,
  ],
  [
    'SLUTBESKED_NOT_REQUESTED',
    contextOf(permit, started),
    { type: 'issueSlutbesked', kind: 'interim', conditions: [], remaining: ['x'] },
    officer,
    NOW,
  ],
  [
    'KONTROLLPLAN_INCOMPLETE',
    contextOf(permit, requested),
    { type: 'issueSlutbesked', kind: 'final', conditions: [], remaining: [] },
    officer,
    NOW,
  ],
  [
    'INTERIM_NEEDS_REMAINING',
    contextOf(permit, requested),
    { type: 'issueSlutbesked', kind: 'interim', conditions: [], remaining: [' '] },
    officer,
    NOW,
  ],
  [
    'KONTROLLANSVARIG_NOT_REQUIRED',
    contextOf(grantedPermit('outbuilding')),
    { type: 'nameKontrollansvarig', personnummer: '198103269299', name: 'Erik Nyström' },
    applicant,
    NOW,
  ],
  [
    'ALREADY_FINISHED',
    contextOf(permit, {
      ...started,
      slutbesked: [{ on: '2027-09-02', by: 'H', kind: 'final', conditions: [], remaining: [] }],
    }),
    { type: 'recordSiteVisit', visitedOn: '2027-03-01', note: 'Besök på plats' },
    officer,
    NOW,
  ],
];

describe('after-permit refusals', () => {
  it.each(refusals)('%s', (code, ctx, command, actor, now, version) => {
    expect(refusal(ctx, command, actor, now, version)).toBe(code);
  });

  it('has at least one refusal per code, and each code an HTTP class', () => {
    const tested = new Set(refusals.map((r) => r[0]));
    expect(Object.keys(afterPermitProblemErrorCode).filter((c) => !tested.has(c as AfterPermitProblemCode))).toEqual(
      [],
    );
  });

  it('gives a startbesked before legal force once the four weeks have passed, and says so', () => {
    const r = applyAfterPermitCommand(
      contextOf(permit, held),
      { type: 'issueStartbesked', conditions: [], beforeLegalForce: true, version: 7 },
      officer,
      at('2027-02-08T10:00:00+01:00'),
      counter(),
    );
    expect(r.ok && r.change.state.startbesked?.beforeLegalForce).toBe(true);
    expect(r.ok && r.change.messages[0]?.body).toContain('inte vunnit laga kraft');
  });

  it('lets an officer waive the samråd of a small building without kontrollansvarig', () => {
    const r = applyAfterPermitCommand(
      contextOf(small),
      { type: 'waiveConsultation', reason: 'Enkel komplementbyggnad', version: 7 },
      officer,
      at(EARLY),
      counter(),
    );
    expect(r.ok && r.change.state.consultation.waived).toEqual({
      on: '2027-01-12',
      by: 'Handläggare Hanna',
      reason: 'Enkel komplementbyggnad',
    });
  });

  it('lets a notification’s applicant tick from the decision day: its decision is the startbesked', () => {
    const r = applyAfterPermitCommand(
      notice,
      {
        type: 'tickKontrollplanItem',
        itemId: 'placement',
        doneOn: '2027-01-11',
        attachmentId: null,
        note: null,
        version: 7,
      },
      applicant,
      at(NOW),
      counter(),
    );
    expect(r.ok && r.change.state.kontrollplan.items[0]?.done?.on).toBe('2027-01-11');
  });

  it('books a site visit, tells the byggherre, and closes the booking when the visit is noted', () => {
    const booked = applyAfterPermitCommand(
      contextOf(permit, started),
      { type: 'bookSiteVisit', visitOn: '2027-03-04', note: ' Kontroll av grundläggningen. ', version: 7 },
      officer,
      at(NOW),
      counter(),
    );
    if (!booked.ok) throw new Error(booked.problem.code);
    expect(booked.change.state.siteVisitBooked).toEqual({
      on: '2027-03-04',
      by: officer.name,
      note: 'Kontroll av grundläggningen.',
    });
    expect(booked.change.events).toEqual([{ type: 'siteVisitBooked', data: { visitOn: '2027-03-04' } }]);
    expect(booked.change.messages[0]!.subject).toMatch(/arbetsplatsbesök 4 mars 2027$/);
    expect(booked.change.messages[0]!.body).toContain('Kontroll av grundläggningen.');
    const noted = applyAfterPermitCommand(
      contextOf(permit, booked.change.state),
      { type: 'recordSiteVisit', visitedOn: '2027-03-01', note: 'Grunden kontrollerad.', version: 7 },
      officer,
      at(NOW),
      counter(),
    );
    expect(noted.ok && noted.change.state.siteVisitBooked).toBeNull();
    expect(noted.ok && noted.change.state.siteVisits.map((v) => v.on)).toEqual(['2027-03-01']);
  });
});
