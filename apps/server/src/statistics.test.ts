import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM, type CaseActor, type CaseCommand, type MeasureType, type Procedure } from '@lovisa/domain';
import { signOrders } from './db/schema';
import { caseRow, createCase } from './repositories/cases';
import { runCaseCommand } from './services/caseCommands';
import { dbKinds } from './test/databases';
import { login, startHarness, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/**
 * Statistics by SQL against a small hand-designed set of cases, created and moved through the real paths
 * (createCase as a submission does, every later step a domain command through runCaseCommand), on PGlite and on
 * PostgreSQL. The expected figures below are worked out by hand from the dates in `seed`, not by the code.
 * Rule set pbl-2025-12-01: permit 70 days, notification 28 days, an order restarts the time within 21 days.
 */
const period = { from: '2026-01-01', to: '2026-06-30' };
const noon = (day: string) => new Date(`${day}T12:00:00+01:00`);

type Step =
  | { on: string; do: 'request' }
  | { on: string; do: 'answer' }
  | { on: string; do: 'extend'; weeks: number }
  | { on: string; do: 'approve' | 'refuse' | 'dismiss' | 'startApproval' | 'withdraw' };
interface Seed {
  name: string;
  team: 'bygglov' | 'landsbygd';
  procedure: Procedure;
  measure: MeasureType;
  received: string;
  steps: Step[];
}

// Handling days, stopped days and the deadline, by hand, in the comment of each case.
const seed: Seed[] = [
  // 30 days, in time.
  {
    name: 'P1',
    team: 'bygglov',
    procedure: 'permit',
    measure: 'newMainBuilding',
    received: '2026-01-05',
    steps: [{ on: '2026-02-04', do: 'approve' }],
  },
  // Order on day 7 (restarts), answered 02-02: stopped 21, handling 02-02 → 03-04 = 30.
  {
    name: 'P2',
    team: 'bygglov',
    procedure: 'permit',
    measure: 'extension',
    received: '2026-01-12',
    steps: [
      { on: '2026-01-19', do: 'request' },
      { on: '2026-02-02', do: 'answer' },
      { on: '2026-03-04', do: 'approve' },
    ],
  },
  // 90 days; deadline 03-26, 20 days late = 3 started weeks: fee reduced by 0.6.
  {
    name: 'P3',
    team: 'bygglov',
    procedure: 'permit',
    measure: 'outbuilding',
    received: '2026-01-15',
    steps: [{ on: '2026-04-15', do: 'approve' }],
  },
  // 91 days; extended by 5 weeks on 03-02 (before 04-13): deadline 05-18, in time.
  {
    name: 'P4',
    team: 'landsbygd',
    procedure: 'permit',
    measure: 'newMainBuilding',
    received: '2026-02-02',
    steps: [
      { on: '2026-03-02', do: 'extend', weeks: 5 },
      { on: '2026-05-04', do: 'approve' },
    ],
  },
  // Order on day 30 (outside the window: the time runs from receipt): 49 days, in time.
  {
    name: 'P5',
    team: 'landsbygd',
    procedure: 'permit',
    measure: 'extension',
    received: '2026-03-02',
    steps: [
      { on: '2026-04-01', do: 'request' },
      { on: '2026-04-08', do: 'answer' },
      { on: '2026-04-20', do: 'approve' },
    ],
  },
  // 28 days, refused in time.
  {
    name: 'P6',
    team: 'bygglov',
    procedure: 'permit',
    measure: 'outbuilding',
    received: '2026-02-10',
    steps: [{ on: '2026-03-10', do: 'refuse' }],
  },
  // Order in time never answered: the time never ran; dismissed after the reply-by day. Stopped 33 days.
  {
    name: 'D1',
    team: 'bygglov',
    procedure: 'permit',
    measure: 'extension',
    received: '2026-04-01',
    steps: [
      { on: '2026-04-02', do: 'request' },
      { on: '2026-05-04', do: 'dismiss' },
    ],
  },
  // Withdrawn by the applicant.
  {
    name: 'W1',
    team: 'bygglov',
    procedure: 'permit',
    measure: 'newMainBuilding',
    received: '2026-05-05',
    steps: [{ on: '2026-05-06', do: 'withdraw' }],
  },
  // Still open.
  { name: 'O1', team: 'bygglov', procedure: 'permit', measure: 'outbuilding', received: '2026-06-01', steps: [] },
  // Received before the period, decided in it: 36 days, in time.
  {
    name: 'X2',
    team: 'bygglov',
    procedure: 'permit',
    measure: 'carport',
    received: '2025-12-15',
    steps: [{ on: '2026-01-20', do: 'approve' }],
  },
  // Decided after the period: in none of its figures but the received volume.
  {
    name: 'X3',
    team: 'bygglov',
    procedure: 'permit',
    measure: 'carport',
    received: '2026-06-15',
    steps: [{ on: '2026-07-10', do: 'approve' }],
  },
  // Notification: 14 days, in time (28).
  {
    name: 'N1',
    team: 'bygglov',
    procedure: 'notification',
    measure: 'smallDwelling',
    received: '2026-03-02',
    steps: [{ on: '2026-03-16', do: 'startApproval' }],
  },
  // Notification refused after 35 days: 7 days late = 1 started week, fee reduced by 0.2.
  {
    name: 'N2',
    team: 'bygglov',
    procedure: 'notification',
    measure: 'smallDwelling',
    received: '2026-03-02',
    steps: [{ on: '2026-04-06', do: 'refuse' }],
  },
];

const expectedHandling = [
  // procedure, team, decided, timed, median, p90, within, share, stopped mean, orders, per case, fee reductions, mean
  ['permit', 'bygglov', 6, 5, 30, 68.4, 4, 0.8, 9, 2, 2 / 6, 1, 0.6],
  ['permit', 'landsbygd', 2, 2, 70, 86.8, 2, 1, 0, 1, 0.5, 0, null],
  ['permit', null, 8, 7, 36, 90.4, 6, 6 / 7, 6.75, 3, 0.375, 1, 0.6],
  ['notification', 'bygglov', 2, 2, 24.5, 32.9, 1, 0.5, 0, 0, 0, 1, 0.2],
  ['notification', null, 2, 2, 24.5, 32.9, 1, 0.5, 0, 0, 0, 1, 0.2],
];

const expectedVolumes = [
  ['2026-01', 'carport', 0, 1],
  ['2026-01', 'extension', 1, 0],
  ['2026-01', 'newMainBuilding', 1, 0],
  ['2026-01', 'outbuilding', 1, 0],
  ['2026-02', 'newMainBuilding', 1, 1],
  ['2026-02', 'outbuilding', 1, 0],
  ['2026-03', 'extension', 1, 1],
  ['2026-03', 'outbuilding', 0, 1],
  ['2026-03', 'smallDwelling', 2, 1],
  ['2026-04', 'extension', 1, 1],
  ['2026-04', 'outbuilding', 0, 1],
  ['2026-04', 'smallDwelling', 0, 1],
  ['2026-05', 'extension', 0, 1],
  ['2026-05', 'newMainBuilding', 1, 1],
  ['2026-06', 'carport', 1, 0],
  ['2026-06', 'outbuilding', 1, 0],
];

const expectedBoverket: Record<string, number | null> = {
  'permit.received': 10,
  'permit.approved': 6,
  'permit.approved.newMainBuilding': 2,
  'permit.approved.extension': 2,
  'permit.approved.outbuilding': 1,
  'permit.approved.smallDwelling': 0,
  'permit.approved.carport': 1,
  'permit.refused': 1,
  'permit.dismissed': 1,
  'permit.withdrawn': 1,
  'permit.medianDays': 36,
  'permit.withinLimitShare': 6 / 7,
  'permit.feeReductions': 1,
  'notification.received': 2,
  'notification.refused': 1,
  'notification.medianDays': 24.5,
  'notification.withinLimitShare': 0.5,
  'startApproval.notification': null,
  'startApproval.permit': null,
};

type Unversioned = CaseCommand extends infer C ? (C extends unknown ? Omit<C, 'version'> : never) : never;
function commandOf(step: Step): Unversioned {
  switch (step.do) {
    case 'request':
      // Reply by ten working days on: every request day above leaves a weekday there.
      return { type: 'requestCompletion', items: [], text: 'Fasadritning saknas.', replyBy: addDaysIso(step.on, 14) };
    case 'answer':
      return { type: 'answerCompletion', note: 'Här är fasadritningen.', answerFiles: [], caseFileTypes: [] };
    case 'extend':
      return { type: 'extendDeadline', weeks: step.weeks, reason: 'Ärendet kräver remiss till Trafikverket.' };
    case 'approve':
    case 'refuse':
    case 'dismiss': {
      const outcome = step.do === 'approve' ? 'approved' : step.do === 'refuse' ? 'refused' : 'dismissed';
      return { type: 'decide', outcome, reason: 'Skäl enligt tjänsteskrivelsen.', conditions: [] };
    }
    case 'startApproval':
      return { type: 'giveStartApproval', note: null };
    case 'withdraw':
      return { type: 'withdraw' };
  }
}
const addDaysIso = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(dbKinds)('statistics on %s', (kind) => {
  let h: Harness;
  let officerCookie: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    const facts = await fixtureFacts(h.registers);
    const applicant = { personnummer: facts.applicantA, name: 'Sökande Test' };
    const officer: CaseActor = {
      role: 'officer',
      personnummer: facts.officer,
      name: 'Handläggare Test',
      teamLead: false,
    };
    for (const s of seed) {
      const orderRef = randomUUID();
      const application = { ...applicationFor(facts.propertyA), measure: s.measure };
      await h.app.db.insert(signOrders).values({
        orderRef,
        personnummer: applicant.personnummer,
        application,
        propertyDesignation: facts.propertyA.designation,
        qrStartToken: 'test',
        qrStartSecret: 'test',
        createdAt: noon(s.received),
      });
      const created = await createCase(h.app.db, {
        application,
        applicant,
        propertyDesignation: facts.propertyA.designation,
        routing: { teamId: s.team, reason: s.name },
        assessment: {
          ruleSetId: 'pbl-2025-12-01',
          procedure: s.procedure,
          reasons: [],
          conditions: [],
          deviation: false,
          confirmWithMunicipality: false,
          advice: [],
          decisionDeadline: addDaysIso(s.received, s.procedure === 'permit' ? 70 : 28),
        },
        receivedAt: noon(s.received),
        signed: { orderRef, signature: 'sig', ocspResponse: 'ocsp', bankIdIssueDate: '2025-01-01' },
      });
      for (const step of s.steps) {
        h.setNow(noon(step.on));
        const row = (await caseRow(h.app.db, created.id))!;
        const actor: CaseActor =
          step.do === 'answer' || step.do === 'withdraw' ? { role: 'applicant', ...applicant } : officer;
        await runCaseCommand(h.app, row, { ...commandOf(step), version: row.version } as CaseCommand, actor);
      }
    }
    h.setNow(noon('2026-07-15'));
    officerCookie = await login(h, facts.officer);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const get = (path: string, query = period) =>
    h.app.inject({
      url: `/api/officer/statistics/${path}?from=${query.from}&to=${query.to}`,
      headers: { cookie: officerCookie },
    });

  it('computes handling time, time limits, stopped days, orders and fee reductions as worked out by hand', async () => {
    const res = await get('handling');
    expect(res.statusCode).toBe(200);
    const rows = (res.json() as { rows: Record<string, unknown>[] }).rows.map((r) => [
      r.procedure,
      r.teamId,
      r.decided,
      r.timed,
      r.medianDays,
      r.p90Days,
      r.withinLimit,
      r.withinLimitShare,
      r.stoppedDaysMean,
      r.completionRequests,
      r.completionRequestsPerCase,
      r.feeReductions,
      r.feeReductionMean,
    ]);
    expect(rows).toHaveLength(expectedHandling.length);
    rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        const want = expectedHandling[i]![j];
        if (typeof want === 'number') expect(cell, `row ${i} column ${j}`).toBeCloseTo(want, 6);
        else expect(cell, `row ${i} column ${j}`).toBe(want);
      }),
    );
  });

  it('counts cases received and decided per month and measure', async () => {
    const res = await get('volumes');
    expect(res.statusCode).toBe(200);
    const rows = (res.json() as { rows: { month: string; measure: string; received: number; decided: number }[] }).rows;
    expect(rows.map((r) => [r.month, r.measure, r.received, r.decided])).toEqual(expectedVolumes);
  });

  it("answers Boverket's questions, with start approvals not yet recorded rather than zero", async () => {
    const res = await get('boverket');
    expect(res.statusCode).toBe(200);
    const rows = (res.json() as { rows: { id: string; value: number | null; status: string }[] }).rows;
    expect(rows.map((r) => r.id)).toEqual(Object.keys(expectedBoverket));
    for (const r of rows) {
      const want = expectedBoverket[r.id];
      if (want === null) expect([r.id, r.value, r.status]).toEqual([r.id, null, 'notYetRecorded']);
      else {
        expect(r.value, r.id).toBeCloseTo(want!, 6);
        expect(r.status).toBe('recorded');
      }
    }
  });

  it('narrows to the period: January alone has the two January decisions', async () => {
    const res = await get('handling', { from: '2026-01-01', to: '2026-01-31' });
    const all = (res.json() as { rows: { teamId: string | null; decided: number; medianDays: number }[] }).rows.find(
      (r) => r.teamId === null,
    );
    // X2 (36 days) alone: P1 was decided on 02-04.
    expect([all?.decided, all?.medianDays]).toEqual([1, 36]);
  });

  it('sends a CSV for Excel: BOM, Swedish header, semicolons, decimal commas, a file name', async () => {
    const res = await get('handling/csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('lovisa-handlaggningstider-2026-01-01-2026-06-30.csv');
    const text = res.body;
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Ärendeslag;Grupp;Beslutade ärenden;/);
    expect(lines).toHaveLength(1 + expectedHandling.length);
    expect(lines[3]).toMatch(/^Bygglov;Alla grupper;8;7;36;90,4;6;0,857;6,75;3;0,375;1;0,6$/);
    const boverket = (await get('boverket/csv')).body;
    expect(boverket).toContain('Startbesked efter bygglov;;antal;registreras inte ännu');
  });

  it('refuses a period that ends before it starts, and a table it does not know, with a 400', async () => {
    const backwards = await get('handling', { from: '2026-06-30', to: '2026-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect((backwards.json() as { error: { code: string } }).error.code).toBeTruthy();
    expect((await get('officers/csv')).statusCode).toBe(400);
    expect((await get('handling', { from: '2026-02-30', to: '2026-03-01' })).statusCode).toBe(400);
  });
});
