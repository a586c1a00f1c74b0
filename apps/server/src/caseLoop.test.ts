import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoutingRules, defaultFixturesDir } from '@lovisa/registry';
import {
  CaseDetailSchema,
  MyCaseSummarySchema,
  QueuePageSchema,
  type ApplicationSubmission,
  type CaseDetail,
  type MeasureType,
  type Property,
} from '@lovisa/domain';
import { startHarness, login, multipartFile, submitSigned, testPdf, type Harness } from './test/harness';
import { applicationFor, fixtureFacts, footprintIn } from './test/fixtureFacts';
import { dbKinds } from './test/databases';
import { markHeard } from './test/hearing';
import { pdfText } from './test/pdfText';

const NOW = new Date('2026-11-23T10:00:00+01:00');
const YEAR = 365 * 86_400_000;
const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+01:00`);

/** A building of w × d m and ridge height on the property, as a measure of the given kind. */
function building(
  property: Property,
  measure: MeasureType,
  w: number,
  d: number,
  ridgeHeightM: number,
): ApplicationSubmission {
  return {
    propertyId: property.id,
    measure,
    footprints: [{ id: 'b1', measure, geometry: footprintIn(property, w, d) }],
    details: {
      description: 'Byggnad i trä med sadeltak, enligt ritningarna.',
      ridgeHeightM,
      plannedStart: '2027-04-01',
      email: 'sokande@example.se',
    },
  };
}

describe.each(dbKinds)('the case loop on %s', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let anna: string;
  let applicantB: string;
  let oskar: string;
  let ulla: string;

  const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const officerCase = async (id: string, cookie = oskar) =>
    CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${id}`, cookie)).json());
  const act = async (id: string, path: string, body: object, cookie = oskar, expected = 200) => {
    const res = await inject('POST', `/api/officer/cases/${id}/${path}`, cookie, body);
    expect(res.statusCode, res.body).toBe(expected);
    return res.json();
  };
  const upload = (id: string, cookie: string, type: string, name: string) => {
    const file = multipartFile(name, testPdf(type));
    return h.app.inject({
      method: 'POST',
      url: `/api/me/cases/${id}/attachments?type=${type}`,
      headers: { cookie, 'content-type': file.contentType },
      payload: file.payload,
    });
  };

  beforeAll(async () => {
    // Sessions outlive the months this test moves the clock through.
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000, sessionIdleMs: YEAR });
    facts = await fixtureFacts(h.registers);
    anna = await login(h, facts.applicantA);
    applicantB = await login(h, facts.applicantB);
    oskar = await login(h, facts.officer);
    ulla = await login(h, facts.teamLead);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('receipt, completion of a named drawing, the clock restarted from the answer, approval with conditions, the decision PDF', async () => {
    h.setNow(NOW);
    const c = await submitSigned(h, anna, applicationFor(facts.propertyA));
    // The receipt is in Mina ärenden and the outbox (to the e-mail given), with no personal data in its subject.
    const inbox = (await inject('GET', '/api/me/messages', anna)).json();
    const receipt = inbox.find((m: { caseId: string; kind: string }) => m.caseId === c.id && m.kind === 'receipt');
    expect(receipt.subject).toBe(`Ärende ${c.diaryNumber}: ansökan mottagen`);
    expect(receipt.body).toContain('1 februari 2027');
    expect(receipt.body).toMatch(/femtedel för varje påbörjad vecka/);
    expect(receipt.body).toMatch(/Länsstyrelsen inom tre veckor/);

    // Two weeks after receipt (within three weeks), the officer takes the case and asks for the section drawing.
    h.setNow(day('2026-12-07'));
    let detail = await officerCase(c.id);
    expect(detail.officer!.actions).toEqual(
      expect.arrayContaining(['assign', 'requestCompletion', 'extendDeadline', 'decide']),
    );
    expect(detail.officer!.applicant.personnummer).toBe(`********-${facts.applicantA.slice(-4)}`);
    expect(detail.officer!.assessment).toMatchObject({ procedure: 'permit', deviation: false });
    detail = CaseDetailSchema.parse(await act(c.id, 'assign', { version: detail.version }));
    expect(detail.officer!.assignedTo?.personnummer).toBe(facts.officer);
    const mine = QueuePageSchema.parse((await inject('GET', '/api/officer/queue?scope=mine', oskar)).json());
    expect(mine.items.map((i) => i.id)).toContain(c.id);
    detail = CaseDetailSchema.parse(
      await act(c.id, 'completion-request', {
        version: detail.version,
        items: ['SEK'],
        text: 'Sektionen ska visa nockhöjden.',
        replyBy: '2026-12-28',
      }),
    );
    expect(detail.status).toBe('awaitingCompletion');
    expect(detail.clock).toMatchObject({ waitingForCompletion: true, deadline: null });

    // The applicant sees the order, uploads the drawing and answers.
    const mineA = (await inject('GET', '/api/me/cases', anna)).json().map((x: unknown) => MyCaseSummarySchema.parse(x));
    expect(mineA.find((x: { id: string }) => x.id === c.id)).toMatchObject({
      awaitingMyAnswer: true,
      expectedDecisionDate: null,
    });
    const asked = (await inject('GET', '/api/me/messages', anna)).json()[0];
    expect(asked).toMatchObject({
      kind: 'completionRequest',
      subject: `Ärende ${c.diaryNumber}: komplettering begärd`,
    });
    expect(asked.body).toContain('Sektionsritning');
    expect(asked.body).toContain('räknas från den dag kompletteringen kommer in');
    // B cannot see the case nor add to it.
    expect((await upload(c.id, applicantB, 'SEK', 'sektion.pdf')).statusCode).toBe(404);
    h.setNow(day('2026-12-10'));
    const own = CaseDetailSchema.parse((await inject('GET', `/api/me/cases/${c.id}`, anna)).json());
    expect(own.officer).toBeUndefined();
    expect(own.events.map((e) => e.type)).not.toContain('assigned');
    // Sending before the asked-for drawing is there is refused, saying what is missing.
    const early = await inject('POST', `/api/me/cases/${c.id}/completion`, anna, {
      version: own.version,
      note: 'Här är den.',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('Bifoga sektionsritning innan du skickar.');
    expect((await upload(c.id, anna, 'SEK', 'Sektion A-A.pdf')).statusCode).toBe(201);
    const answered = await inject('POST', `/api/me/cases/${c.id}/completion`, anna, {
      version: own.version,
      note: 'Här är sektionen.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const back = CaseDetailSchema.parse(answered.json());
    expect(back.status).toBe('received');
    // Ordered within three weeks: the ten weeks run from the answer (2026-12-10).
    expect(back.clock).toMatchObject({
      basis: 'completion',
      startsOn: '2026-12-10',
      deadline: '2027-02-18',
      waitingForCompletion: false,
    });
    expect(back.decisionDeadline).toBe('2027-02-18');
    expect(back.attachments.map((a) => a.fileName)).toContain('Sektion A-A.pdf');
    // Answering twice is a conflict: nothing waits for an answer any more.
    expect((await inject('POST', `/api/me/cases/${c.id}/completion`, anna, { version: back.version })).statusCode).toBe(
      409,
    );

    // Approved with conditions; the applicant gets the message and the PDF.
    h.setNow(day('2027-01-11'));
    const decided = CaseDetailSchema.parse(
      await act(c.id, 'decision', {
        version: back.version,
        outcome: 'approved',
        reason: 'Åtgärden följer detaljplanen.',
        conditions: ['Fasaden ska målas i faluröd kulör.'],
      }),
    );
    expect(decided).toMatchObject({
      status: 'decided',
      outcome: 'approved',
      decidedByName: 'Oskar Wallin',
      decisionConditions: ['Fasaden ska målas i faluröd kulör.'],
    });
    expect(decided.documents.map((d) => d.kind)).toEqual(['decision']);
    const pdf = await inject('GET', `/api/me/cases/${c.id}/documents/decision`, anna);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    const text = await pdfText(pdf.rawPayload);
    for (const expected of [
      c.diaryNumber,
      facts.propertyA.designation,
      'Bygglov beviljat',
      'beviljar bygglov',
      'Fasaden ska målas i faluröd kulör.',
      'Länsstyrelsen',
      'inom tre veckor',
      'Oskar Wallin',
      'delegation',
      '11 januari 2027',
      'Att betala',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/sänks därför/); // decided in time: no fee reduction
    expect((await inject('GET', `/api/officer/cases/${c.id}/documents/decision`, oskar)).statusCode).toBe(200);
    expect((await inject('GET', `/api/me/cases/${c.id}/documents/decision`, applicantB)).statusCode).toBe(404);

    const kinds = (await inject('GET', '/api/me/messages', anna))
      .json()
      .filter((m: { caseId: string }) => m.caseId === c.id)
      .map((m: { kind: string }) => m.kind);
    expect(kinds).toEqual(['decision', 'completionReceived', 'completionRequest', 'receipt']);
    const outbox = (await inject('GET', '/api/dev/outbox', anna))
      .json()
      .filter((m: { subject: string }) => m.subject.startsWith(`Ärende ${c.diaryNumber}:`));
    expect(outbox).toHaveLength(4);
    // The demo mailbox shows a signed-in person their own e-mail (an officer their team's), nobody else's.
    expect(
      (await inject('GET', '/api/dev/outbox', oskar))
        .json()
        .filter((m: { subject: string }) => m.subject.startsWith(`Ärende ${c.diaryNumber}:`)),
    ).toHaveLength(4);
    expect(
      (await inject('GET', '/api/dev/outbox', applicantB))
        .json()
        .filter((m: { subject: string }) => m.subject.startsWith(`Ärende ${c.diaryNumber}:`)),
    ).toEqual([]);
    for (const m of outbox) {
      expect(m.to).toBe('sokande@example.se');
      // No personal data in subject lines: no name, no personnummer, no property.
      expect(m.subject).not.toMatch(/Anna|Lindqvist|\d{8}|Eken|Björken/);
    }
    // B's inbox has none of A's messages.
    expect(
      (await inject('GET', '/api/me/messages', applicantB)).json().filter((m: { caseId: string }) => m.caseId === c.id),
    ).toEqual([]);

    // A granted permit's startbesked is the after-permit chain's (samråd, kontrollplan, legal force: afterPermit.test.ts);
    // the start approval of a notification is not offered for it.
    await act(c.id, 'start-approval', { version: decided.version }, oskar, 409);
  });

  it('refuses with reasons, and the PDF says so with the fee reduced for a late decision', async () => {
    h.setNow(NOW);
    const c = await submitSigned(h, anna, applicationFor(facts.propertyA));
    // 10 weeks end 2027-02-01; deciding 2027-02-10 is in the second started week past it: 40 % off.
    h.setNow(day('2027-02-10'));
    const queue = QueuePageSchema.parse((await inject('GET', '/api/officer/queue', oskar)).json());
    const item = queue.items.find((i) => i.id === c.id)!;
    expect(item.clock).toMatchObject({ deadline: '2027-02-01', daysLeft: -9, feeReduction: 0.4 });
    const refusal = {
      version: 0,
      outcome: 'refused',
      reason: 'Garaget placeras på mark som enligt planen inte får bebyggas.',
    };
    // Read before it is made: the preview is the PDF the decision will issue, and stores nothing.
    const preview = await inject('POST', `/api/officer/cases/${c.id}/decision/preview`, oskar, refusal);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.headers['cache-control']).toBe('no-store');
    expect((await officerCase(c.id)).documents).toEqual([]);
    const bad = await inject('POST', `/api/officer/cases/${c.id}/decision/preview`, oskar, { ...refusal, reason: '' });
    expect(bad.statusCode).toBe(400);
    const refused = CaseDetailSchema.parse(await act(c.id, 'decision', refusal));
    expect(refused).toMatchObject({ status: 'decided', outcome: 'refused' });
    expect(refused.events.at(-1)).toMatchObject({ type: 'decided', data: { outcome: 'refused', feeReduction: 0.4 } });
    const text = await pdfText((await inject('GET', `/api/me/cases/${c.id}/documents/decision`, anna)).rawPayload);
    expect(text).toBe(await pdfText(preview.rawPayload));
    expect(text).toContain('Bygglov avslaget');
    expect(text).toContain('avslår ansökan om bygglov');
    expect(text).toContain('Skäl för beslutet');
    expect(text).toContain('Garaget placeras på mark som enligt planen inte får bebyggas.');
    expect(text).toContain('sänks därför med 40 procent');
    // Conditions belong to a grant only; a decided case takes no second decision.
    await act(c.id, 'decision', { version: refused.version, outcome: 'approved', reason: 'Ändrat mig.' }, oskar, 409);
    const withdraw = await inject('POST', `/api/me/cases/${c.id}/withdraw`, anna, { version: refused.version });
    expect(withdraw.statusCode).toBe(409);
  });

  it('needs a team lead for a decision on a deviation from the plan: the officer proposes, the team lead confirms', async () => {
    h.setNow(NOW);
    // The fixtures send deviations to "Större byggprojekt", which has no team lead; here they stay with the
    // Bygglovsenheten (and its team lead), as a municipality without that team would have it.
    const rules = h.app.config.routingRules;
    h.app.config.routingRules = rules.filter((r) => r.deviation === undefined);
    const deviating = building(facts.propertyA, 'outbuilding', 8, 7, 9);
    const c = await submitSigned(h, anna, deviating);
    const d = await submitSigned(h, anna, structuredClone(deviating));
    h.app.config.routingRules = rules;
    expect(c.teamId).toBe('bygglov');
    await markHeard(h.app.db, c.id); // the neighbours were heard (PBL 9 kap. 25 §; hearing.test.ts)

    const before = await officerCase(c.id);
    expect(before.deviation).toBe(true);
    expect(before.officer!.neighbourConsentMissing).toBe(true);
    const flagged = QueuePageSchema.parse(
      (await inject('GET', '/api/officer/queue?deviation=true&consentMissing=true', oskar)).json(),
    );
    expect(flagged.items.map((i) => i.id)).toEqual(expect.arrayContaining([c.id, d.id]));
    expect(flagged.items.every((i) => i.deviation && i.neighbourConsentMissing)).toBe(true);

    // An officer's decision here is a proposal: it issues nothing, so there is nothing to preview yet.
    const early = await inject('POST', `/api/officer/cases/${c.id}/decision/preview`, oskar, {
      version: before.version,
      outcome: 'approved',
      reason: 'Avvikelsen är liten.',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.messageId).toBe('server.previewNothingIssued');
    const proposed = CaseDetailSchema.parse(
      await act(c.id, 'decision', {
        version: before.version,
        outcome: 'approved',
        reason: 'Avvikelsen är liten; grannarna har hörts.',
        conditions: ['Nockhöjden får vara högst 9 m.'],
      }),
    );
    expect(proposed.status).toBe('proposed');
    expect(proposed.outcome).toBeNull();
    expect(proposed.officer!.proposal).toMatchObject({ outcome: 'approved', by: { name: 'Oskar Wallin' } });
    expect(proposed.documents).toEqual([]);
    expect(proposed.officer!.actions).not.toContain('confirmProposal');
    // The officer cannot confirm their own proposal; the applicant is told nothing yet.
    await act(c.id, 'proposal/confirm', { version: proposed.version }, oskar, 403);
    const ownView = CaseDetailSchema.parse((await inject('GET', `/api/me/cases/${c.id}`, anna)).json());
    expect(ownView.events.map((e) => e.type)).not.toContain('decisionProposed');
    expect(ownView.messages.map((m) => m.kind)).toEqual(['receipt']);

    // Confirmed by the team lead, the proposal issues the decision: that is what the lead reads first.
    const confirmPreview = await inject('POST', `/api/officer/cases/${c.id}/proposal/confirm/preview`, ulla, {
      version: proposed.version,
    });
    expect(confirmPreview.statusCode).toBe(200);
    const leadView = await officerCase(c.id, ulla);
    expect(leadView.officer!.actions).toEqual(expect.arrayContaining(['confirmProposal', 'returnProposal', 'decide']));
    const confirmed = CaseDetailSchema.parse(await act(c.id, 'proposal/confirm', { version: proposed.version }, ulla));
    expect(confirmed).toMatchObject({
      status: 'decided',
      outcome: 'approved',
      decidedByName: 'Ulla Dahl',
      decisionConditions: ['Nockhöjden får vara högst 9 m.'],
    });
    expect(confirmed.events.at(-1)).toMatchObject({
      type: 'decided',
      actor: 'Ulla Dahl',
      data: { proposedBy: 'Oskar Wallin', byTeamLead: true },
    });
    const text = await pdfText(
      (await inject('GET', `/api/officer/cases/${c.id}/documents/decision`, oskar)).rawPayload,
    );
    expect(text).toBe(await pdfText(confirmPreview.rawPayload));
    expect(text).toContain('Ulla Dahl, gruppledare');
    expect(text).toContain('Förslag till beslut: Oskar Wallin');
    expect(text).toContain('Prövning av avvikelse från detaljplanen'); // the fee schedule's deviation line

    // A returned proposal goes back to the officer; the team lead may also decide directly.
    const second = await officerCase(d.id);
    const p2 = CaseDetailSchema.parse(
      await act(d.id, 'decision', { version: second.version, outcome: 'refused', reason: 'För hög byggnad.' }),
    );
    const returned = CaseDetailSchema.parse(
      await act(d.id, 'proposal/return', { version: p2.version, comment: 'Pröva om villkor räcker.' }, ulla),
    );
    expect(returned.status).toBe('received');
    expect(returned.officer!.proposal).toBeNull();
    const direct = CaseDetailSchema.parse(
      await act(
        d.id,
        'decision',
        { version: returned.version, outcome: 'refused', reason: 'Byggnaden är för hög för platsen.' },
        ulla,
      ),
    );
    expect(direct).toMatchObject({ status: 'decided', outcome: 'refused', decidedByName: 'Ulla Dahl' });
  });

  it('restarts the clock only for an order issued within three weeks, extends once, and dismisses only after an ignored order', async () => {
    h.setNow(NOW);
    const c = await submitSigned(h, anna, applicationFor(facts.propertyA));
    // Four weeks after receipt: the order does not stop the clock.
    h.setNow(day('2026-12-21'));
    const ordered = CaseDetailSchema.parse(
      await act(c.id, 'completion-request', { version: 0, items: ['FAS'], replyBy: '2027-01-04' }),
    );
    expect(ordered.clock).toMatchObject({
      waitingForCompletion: false,
      deadline: '2027-02-01',
      completionOrders: [{ issuedOn: '2026-12-21', completedOn: null, restarts: false }],
    });
    expect(ordered.messages.at(-1)!.body).toContain('Tiden för beslut fortsätter att löpa');
    // Not yet dismissable: the reply-by day has not passed.
    await act(
      c.id,
      'decision',
      { version: ordered.version, outcome: 'dismissed', reason: 'Kompletteringen kom inte in.' },
      oskar,
      409,
    );
    // Extended once, with a reason, and told to the applicant.
    const extended = CaseDetailSchema.parse(
      await act(c.id, 'extension', {
        version: ordered.version,
        weeks: 6,
        reason: 'Ärendet kräver remiss till trafikverket.',
      }),
    );
    expect(extended.clock).toMatchObject({
      extended: true,
      originalDeadline: '2027-02-01',
      deadline: '2027-03-15',
      extension: { weeks: 6 },
    });
    expect(extended.decisionDeadline).toBe('2027-03-15');
    expect(extended.messages.at(-1)).toMatchObject({ kind: 'extension' });
    await act(c.id, 'extension', { version: extended.version, weeks: 2, reason: 'En gång till.' }, oskar, 409);
    // After the reply-by day the order is ignored: the case may be dismissed.
    h.setNow(day('2027-01-05'));
    expect((await officerCase(c.id)).officer!.actions).toEqual(expect.arrayContaining(['dismiss', 'decide']));
    const dismissed = CaseDetailSchema.parse(
      await act(c.id, 'decision', {
        version: extended.version,
        outcome: 'dismissed',
        reason: 'Fasadritningen kom inte in i tid.',
      }),
    );
    expect(dismissed).toMatchObject({ status: 'decided', outcome: 'dismissed' });
    const text = await pdfText((await inject('GET', `/api/me/cases/${c.id}/documents/decision`, anna)).rawPayload);
    expect(text).toContain('avvisar ansökan');
    expect(text).toContain('Ingen avgift tas ut');
  });

  it('refuses an extension decided after the limit, or longer than a notification allows', async () => {
    h.setNow(NOW);
    const late = await submitSigned(h, anna, applicationFor(facts.propertyA));
    h.setNow(day('2027-02-02'));
    const res = await inject('POST', `/api/officer/cases/${late.id}/extension`, oskar, {
      version: 0,
      weeks: 2,
      reason: 'För sent påtänkt.',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/redan passerat/);
    h.setNow(NOW);
    const notification = await submitSigned(h, anna, building(facts.propertyA, 'smallDwelling', 5, 5, 3.5));
    const n = await officerCase(notification.id);
    expect(n.procedure).toBe('notification');
    expect(n.clock.deadline).toBe('2026-12-21'); // four weeks
    const tooLong = await inject('POST', `/api/officer/cases/${n.id}/extension`, oskar, {
      version: 0,
      weeks: 5,
      reason: 'Mer tid behövs.',
    });
    expect(tooLong.statusCode).toBe(400);
    // A notification ends in a start approval, not in a permit.
    expect(
      (
        await inject('POST', `/api/officer/cases/${n.id}/decision`, oskar, {
          version: 0,
          outcome: 'approved',
          reason: 'Följer planen.',
        })
      ).statusCode,
    ).toBe(400);
    const started = CaseDetailSchema.parse(await act(n.id, 'start-approval', { version: 0 }));
    expect(started).toMatchObject({ status: 'decided', outcome: 'startApproval' });
    expect(await pdfText((await inject('GET', `/api/me/cases/${n.id}/documents/decision`, anna)).rawPayload)).toContain(
      'Handläggning av anmälan',
    );
  });

  it('answers a stale version with 409 naming who changed the case, and lets the applicant withdraw before a decision', async () => {
    h.setNow(NOW);
    const c = await submitSigned(h, anna, applicationFor(facts.propertyA));
    await act(c.id, 'assign', { version: 0 }, ulla);
    const stale = await inject('POST', `/api/officer/cases/${c.id}/completion-request`, oskar, {
      version: 0,
      items: ['PLA'],
      replyBy: '2026-12-14',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/^Ärendet har ändrats av Ulla Dahl .* Ladda om sidan/);
    // Nothing happened: no order, no message.
    const after = await officerCase(c.id);
    expect(after.status).toBe('received');
    expect(after.messages.map((m) => m.kind)).toEqual(['receipt']);
    // Assigning to someone outside the team is refused.
    expect(
      (
        await inject('POST', `/api/officer/cases/${c.id}/assign`, oskar, {
          version: after.version,
          officer: facts.otherTeamOfficer,
        })
      ).statusCode,
    ).toBe(400);
    const withdrawn = await inject('POST', `/api/me/cases/${c.id}/withdraw`, anna, { version: after.version });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    await act(
      c.id,
      'decision',
      { version: after.version + 1, outcome: 'approved', reason: 'Följer detaljplanen.' },
      oskar,
      409,
    );
  });
});

describe('assignment of new cases and the routing table', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', { bankidStartLimitPerMinute: 10_000, assignNewCases: 'leastLoaded' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives new cases to the least-loaded officer of the team when ASSIGN_NEW_CASES=leastLoaded', async () => {
    const facts = await fixtureFacts(h.registers);
    const anna = await login(h, facts.applicantA);
    const first = await submitSigned(h, anna, applicationFor(facts.propertyA));
    const second = await submitSigned(h, anna, applicationFor(facts.propertyA));
    const oskar = await login(h, facts.officer);
    const a = CaseDetailSchema.parse(
      (await h.app.inject({ method: 'GET', url: `/api/officer/cases/${first.id}`, headers: { cookie: oskar } })).json(),
    );
    const b = CaseDetailSchema.parse(
      (
        await h.app.inject({ method: 'GET', url: `/api/officer/cases/${second.id}`, headers: { cookie: oskar } })
      ).json(),
    );
    // Bygglovsenheten has two officers (the team lead takes none): one case each.
    expect(new Set([a.officer!.assignedTo!.name, b.officer!.assignedTo!.name])).toEqual(
      new Set(['Oskar Wallin', 'Sara Lund']),
    );
    expect(a.events.map((e) => e.type)).toEqual(['received', 'assessed', 'routed', 'assigned']);
    expect(a.events[3]!.data).toMatchObject({ policy: 'leastLoaded' });
  });

  it('hits every rule of fixtures/routing.json with a real application: deviation, outside plan, notification, default', async () => {
    const rules = await loadRoutingRules(defaultFixturesDir());
    const facts = await fixtureFacts(h.registers);
    const anna = await login(h, facts.applicantA);
    // Gustav Berg owns Strandängen 4:1, outside any detailed plan.
    const gustav = '193502234796';
    const rural = (await h.registers.land.propertyById((await h.registers.ownership.propertyIdsOwnedBy(gustav))[0]!))!;
    const cases = [
      await submitSigned(h, anna, building(facts.propertyA, 'outbuilding', 8, 7, 9)), // ridge above the plan's 8.5 m: a deviation
      await submitSigned(h, await login(h, gustav), applicationFor(rural)),
      await submitSigned(h, anna, building(facts.propertyA, 'smallDwelling', 5, 5, 3.5)), // a notification
      await submitSigned(h, anna, applicationFor(facts.propertyA)),
    ];
    const hit = new Set<string>();
    const lead = await login(h, facts.teamLead);
    for (const c of cases) {
      const staff = (await h.registers.staff.officers()).find((o) => o.teamId === c.teamId)!;
      const cookie = staff.personnummer === facts.teamLead ? lead : await login(h, staff.personnummer);
      const detail: CaseDetail = CaseDetailSchema.parse(
        (await h.app.inject({ method: 'GET', url: `/api/officer/cases/${c.id}`, headers: { cookie } })).json(),
      );
      hit.add(detail.officer!.routingReason!);
    }
    expect([...hit].sort()).toEqual(rules.map((r) => r.reason).sort());
    expect(cases.map((c) => c.teamId)).toEqual(['stora-projekt', 'landsbygd', 'bygglov', 'bygglov']);
  });

  it('never shows a protected identity’s address to the officer, in the case, its messages or its decision', async () => {
    const karin = '197908109288';
    const property = (await h.registers.land.propertyById(
      (await h.registers.ownership.propertyIdsOwnedBy(karin))[0]!,
    ))!;
    const cookie = await login(h, karin);
    const c = await submitSigned(h, cookie, applicationFor(property));
    const staff = (await h.registers.staff.officers()).find((o) => o.teamId === c.teamId && o.role === 'officer')!;
    const officer = await login(h, staff.personnummer);
    const view = await h.app.inject({ method: 'GET', url: `/api/officer/cases/${c.id}`, headers: { cookie: officer } });
    const detail = CaseDetailSchema.parse(view.json());
    expect(detail.officer!.applicant).toMatchObject({ address: null, personnummer: '********-9288' });
    const decided = await h.app.inject({
      method: 'POST',
      url: `/api/officer/cases/${c.id}/decision`,
      headers: { cookie: officer },
      payload: { version: detail.version, outcome: 'approved', reason: 'Följer detaljplanen.' },
    });
    expect(decided.statusCode).toBe(200);
    const pdf = await h.app.inject({
      method: 'GET',
      url: `/api/officer/cases/${c.id}/documents/decision`,
      headers: { cookie: officer },
    });
    const everything = [
      view.body,
      decided.body,
      await pdfText(pdf.rawPayload),
      (await h.app.inject({ method: 'GET', url: '/api/dev/outbox', headers: { cookie: officer } })).body,
    ].join('\n');
    expect(everything).not.toContain('Sekretessgatan');
    expect(everything).not.toMatch(/skyddad/i);
  });

  it('mounts the outbox page only with the BankID simulator', async () => {
    const prod = await startHarness('pglite', { bankidSimulator: false, bankidUrl: 'http://127.0.0.1:9/bankid' });
    try {
      expect((await prod.app.inject({ method: 'GET', url: '/api/dev/outbox' })).statusCode).toBe(404);
    } finally {
      await prod.close();
    }
    // Even then it is a signed-in demo user's: nobody else's e-mail to anonymous visitors.
    expect((await h.app.inject({ method: 'GET', url: '/api/dev/outbox' })).statusCode).toBe(401);
  });
});
