import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AfterPermitViewSchema,
  CaseDetailSchema,
  permitValidity,
  ruleSetFor,
  type AfterPermitView,
  type Property,
} from '@lovisa/domain';
import { startHarness, login, multipartFile, submitSigned, testPdf, type Harness } from './test/harness';
import { applicationFor, fixtureFacts, teamFor } from './test/fixtureFacts';
import { dbKinds } from './test/databases';
import { pdfText } from './test/pdfText';

const ANNA = '198202029289';
const day = (iso: string) => new Date(`${iso}T10:00:00+01:00`);
const YEAR = 365 * 86_400_000;

describe.each(dbKinds)('after the permit on %s', (kind) => {
  let h: Harness;
  let anna: string;
  let lead: string;
  let other: string;
  let property: Property;
  const logLines: string[] = [];
  const inject = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
    h.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });

  async function grantedCase(): Promise<string> {
    h.setNow(day('2026-11-23'));
    const c = await submitSigned(h, anna, applicationFor(property));
    h.setNow(day('2027-01-11'));
    const read = CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${c.id}`, lead)).json());
    const res = await inject('POST', `/api/officer/cases/${c.id}/decision`, lead, {
      version: read.version,
      outcome: 'approved',
      reason: 'Åtgärden följer detaljplanen.',
    });
    expect(res.statusCode, res.body).toBe(200);
    return c.id;
  }

  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000, sessionIdleMs: YEAR }, { logLines });
    anna = await login(h, ANNA);
    const facts = await fixtureFacts(h.registers);
    other = await login(
      h,
      [facts.applicantA, facts.applicantB, ...facts.nonOwners].find((p) => p !== ANNA)!,
    );
    const ids = await h.registers.ownership.propertyIdsOwnedBy(ANNA);
    const properties = await Promise.all(ids.map((id) => h.registers.land.propertyById(id)));
    property = properties.find((p) => p?.designation.endsWith('Eken 1:23'))!;
    const team = await teamFor(h.registers, property);
    const officers = await h.registers.staff.officers();
    lead = await login(h, officers.find((o) => o.teamId === team && o.role === 'teamLead')!.personnummer);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs the chain: samråd, kontrollplan, startbesked on legal force, ticks, interim and final slutbesked', async () => {
    const id = await grantedCase();
    const me = `/api/me/cases/${id}/after-permit`;
    const off = `/api/officer/cases/${id}/after-permit`;
    const ok = async (method: 'GET' | 'POST', url: string, cookie: string, body?: object): Promise<AfterPermitView> => {
      const res = await inject(method, url, cookie, body);
      expect(res.statusCode, res.body).toBe(200);
      return AfterPermitViewSchema.parse(res.json());
    };
    const refused = async (url: string, cookie: string, body: object) => {
      const res = await inject('POST', url, cookie, body);
      return { status: res.statusCode, messageId: res.json().error.messageId as string };
    };

    // Decided: a 56 m² garage needs no kontrollansvarig, so the samråd is held unless the officer waives it.
    let v = await ok('GET', off, lead);
    expect(v).toMatchObject({ kontrollansvarig: false, consultationNeed: 'unlessWaived', legalForceOn: '2027-02-09' });
    expect(v.phases.map((p) => `${p.key}:${p.state}`)).toEqual([
      'decision:done',
      'consultation:current',
      'kontrollplan:upcoming',
      'startbesked:upcoming',
      'construction:upcoming',
      'slutbesked:upcoming',
    ]);
    expect(v.nextActions).toEqual([{ id: 'decideConsultation', on: null }]);
    expect(v.validity).toEqual(
      permitValidity(
        { procedure: 'permit', legalForceOn: '2027-02-09', startbeskedOn: null },
        ruleSetFor('2026-11-23')!,
      ),
    );
    expect(v.state.kontrollplan.template).toBe('komplementbyggnad');

    v = await ok('POST', `${off}/consultation/slots`, lead, {
      version: v.version,
      slots: [
        { startsAt: '2027-01-20T13:00:00+01:00', place: 'Stadshuset, rum 2' },
        { startsAt: '2027-01-19T09:00:00+01:00', place: 'Stadshuset, rum 1' },
      ],
    });
    const [first] = v.state.consultation.slots;
    expect(first?.place).toBe('Stadshuset, rum 1');
    const mine = await ok('GET', me, anna);
    expect(mine.nextActions.map((a) => a.id)).toEqual(['bookConsultation', 'prepareKontrollplan']);
    expect(mine.startbesked).toBeUndefined();
    expect((await inject('GET', me, other)).statusCode).toBe(404);

    v = await ok('POST', `${me}/consultation/booking`, anna, { version: v.version, slotId: first!.id });
    // A stale version and a second applicant's hand both fail without changing anything.
    expect((await refused(`${me}/consultation/booking`, anna, { version: 0, slotId: first!.id })).status).toBe(409);
    expect(
      (await inject('POST', `${me}/work-started`, other, { version: v.version, startedOn: '2027-01-12' })).statusCode,
    ).toBe(404);
    v = await ok('POST', `${me}/kontrollplan`, anna, {
      version: v.version,
      items: [
        ...v.state.kontrollplan.items.map(({ id: itemId, what, checkedBy, method }) => ({
          id: itemId,
          what,
          checkedBy,
          method,
        })),
        { what: 'Takavvattning ansluten till dagvatten', checkedBy: 'byggherre', method: 'visual' },
      ],
    });
    expect(v.state.kontrollplan.items).toHaveLength(5);

    h.setNow(day('2027-01-19'));
    v = await ok('POST', `${off}/consultation/minutes`, lead, {
      version: v.version,
      heldOn: '2027-01-19',
      text: 'Kontrollplanen gicks igenom och kompletterades med takavvattning.',
    });
    expect(v.phases.find((p) => p.key === 'consultation')?.state).toBe('done');
    const minutes = await inject('GET', `/api/me/cases/${id}/documents/consultationMinutes`, anna);
    expect(minutes.statusCode).toBe(200);
    expect(await pdfText(minutes.rawPayload)).toContain('Tekniskt samråd enligt 10 kap. 14 §');

    // Before legal force: a 409 with its code, early or not (the four weeks of 9 kap. 42 a § end 8 February).
    const early = await refused(`${off}/startbesked`, lead, { version: v.version });
    expect(early).toEqual({ status: 409, messageId: 'afterPermit.problem.LEGAL_FORCE_PENDING' });
    expect((await refused(`${off}/startbesked`, lead, { version: v.version, beforeLegalForce: true })).messageId).toBe(
      'afterPermit.problem.EARLY_START_TOO_EARLY',
    );
    expect((await refused(`${me}/slutbesked-request`, anna, { version: v.version })).messageId).toBe(
      'afterPermit.problem.STARTBESKED_MISSING',
    );

    h.setNow(day('2027-02-09'));
    v = await ok('POST', `${off}/startbesked`, lead, {
      version: v.version,
      conditions: ['Utstakning ska göras av den som har mätbehörighet.'],
    });
    expect(v.state.kontrollplan.approvedOn).toBe('2027-02-09');
    const detail = CaseDetailSchema.parse((await inject('GET', `/api/me/cases/${id}`, anna)).json());
    expect(detail.startApprovedAt).not.toBeNull();
    expect(detail.messages.map((m) => m.kind)).toEqual(expect.arrayContaining(['consultation', 'startApproval']));
    const start = await pdfText((await inject('GET', `/api/me/cases/${id}/documents/startApproval`, anna)).rawPayload);
    expect(start).toContain('10 kap. 23 §');
    expect(start).toContain('Utstakning ska göras');
    expect(start).toContain('Takavvattning ansluten till dagvatten');
    expect(start).toContain('9 februari 2029');
    expect(start).toContain('9 februari 2032');
    expect((await refused(`${me}/kontrollplan`, anna, { version: v.version, items: [] })).messageId).toBe(
      'afterPermit.problem.KONTROLLPLAN_LOCKED',
    );

    h.setNow(day('2027-05-03'));
    v = await ok('POST', `${me}/work-started`, anna, { version: v.version, startedOn: '2027-05-02' });
    const [placement, ...rest] = v.state.kontrollplan.items;
    const unknownFile = await refused(`${me}/kontrollplan/ticks`, anna, {
      version: v.version,
      itemId: placement!.id,
      doneOn: '2027-05-03',
      attachmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownFile).toEqual({ status: 400, messageId: 'afterPermit.attachmentUnknown' });
    const own = detail.attachments[0]!;
    v = await ok('POST', `${me}/kontrollplan/ticks`, anna, {
      version: v.version,
      itemId: placement!.id,
      doneOn: '2027-05-03',
      attachmentId: own.id,
      note: 'Inmätt av mätfirma.',
    });
    expect(v.state.kontrollplan.items[0]?.done).toMatchObject({ on: '2027-05-03', attachmentId: own.id });
    v = await ok('POST', `${off}/site-visits`, lead, {
      version: v.version,
      visitedOn: '2027-05-03',
      note: 'Grunden gjuten.',
    });
    v = await ok('POST', `${me}/slutbesked-request`, anna, { version: v.version, note: 'Takavvattningen återstår.' });
    expect(v.nextActions).toEqual([{ id: 'waitForSlutbesked', on: null }]);
    expect((await ok('GET', off, lead)).nextActions).toEqual([{ id: 'issueSlutbesked', on: null }]);
    expect(await refused(`${off}/slutbesked`, lead, { version: v.version, kind: 'final' })).toEqual({
      status: 409,
      messageId: 'afterPermit.problem.KONTROLLPLAN_INCOMPLETE',
    });
    v = await ok('POST', `${off}/slutbesked`, lead, {
      version: v.version,
      kind: 'interim',
      remaining: ['Takavvattning'],
    });
    for (const item of rest)
      v = await ok('POST', `${me}/kontrollplan/ticks`, anna, {
        version: v.version,
        itemId: item.id,
        doneOn: '2027-05-03',
      });
    v = await ok('POST', `${me}/slutbesked-request`, anna, { version: v.version });
    v = await ok('POST', `${off}/slutbesked`, lead, { version: v.version, kind: 'final' });
    expect(v.phases.map((p) => p.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    expect(v.reminders.filter((r) => r.limit === 'finishBy')).toEqual([]);

    const final = await pdfText((await inject('GET', `/api/me/cases/${id}/documents/slutbesked`, anna)).rawPayload);
    expect(final).toContain('10 kap. 34 §');
    const interim = await pdfText(
      (await inject('GET', `/api/officer/cases/${id}/documents/interimSlutbesked`, lead)).rawPayload,
    );
    expect(interim).toContain('Takavvattning');
    const events = CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${id}`, lead)).json()).events;
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'consultationBooked',
        'consultationHeld',
        'startApproved',
        'siteVisited',
        'slutbeskedIssued',
      ]),
    );
    // Logged by what happened, never with the notes or names the bodies carried.
    const logged = logLines.join('\n');
    expect(logged).toContain('after-permit command');
    expect(logged).not.toContain('Takavvattningen återstår');
    expect(logged).not.toContain(ANNA);
  });

  it('lets the officer waive the samråd of a small building, refuses a second waiver and an empty list of times', async () => {
    const id = await grantedCase();
    const off = `/api/officer/cases/${id}/after-permit`;
    const read = AfterPermitViewSchema.parse((await inject('GET', off, lead)).json());
    const res = await inject('POST', `${off}/consultation/waiver`, lead, {
      version: read.version,
      reason: 'Enkel garagebyggnad.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = AfterPermitViewSchema.parse(res.json());
    expect(v.phases.find((p) => p.key === 'consultation')?.state).toBe('skipped');
    expect(v.nextActions).toEqual([{ id: 'waitForLegalForce', on: '2027-02-09' }]);
    const again = await inject('POST', `${off}/consultation/waiver`, lead, {
      version: v.version,
      reason: 'Igen, igen.',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageId).toBe('afterPermit.problem.CONSULTATION_SETTLED');
    const bad = await inject('POST', `${off}/consultation/slots`, lead, { version: v.version, slots: [] });
    expect(bad.statusCode).toBe(400);
  });

  it('files the case under the queue phase it is at, and takes a document for a tick once the startbesked is given', async () => {
    const id = await grantedCase();
    const off = `/api/officer/cases/${id}/after-permit`;
    const inQueue = async (phase: string) => {
      const res = await inject('GET', `/api/officer/queue?phase=${phase}&pageSize=100`, lead);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: string }[] }).items.some((i) => i.id === id);
    };
    // No step taken yet: a permit starts at the samråd.
    expect(await inQueue('consultation')).toBe(true);
    expect(await inQueue('decide')).toBe(false);
    expect((await inject('GET', '/api/officer/queue?phase=nonsense', lead)).statusCode).toBe(400);
    const upload = (cookie: string) => {
      const body = multipartFile('grund.pdf', testPdf('grund'));
      return h.app.inject({
        method: 'POST',
        url: `/api/me/cases/${id}/after-permit/files`,
        headers: { cookie, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const early = await upload(anna);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.messageId).toBe('afterPermit.problem.STARTBESKED_MISSING');

    let v = AfterPermitViewSchema.parse((await inject('GET', off, lead)).json());
    expect(v.allowed).toEqual(['waiveConsultation', 'publishConsultationSlots']);
    v = AfterPermitViewSchema.parse(
      (
        await inject('POST', `${off}/consultation/waiver`, lead, { version: v.version, reason: 'Enkel garagebyggnad.' })
      ).json(),
    );
    expect(await inQueue('startbesked')).toBe(true);
    expect(await inQueue('consultation')).toBe(false);
    h.setNow(day('2027-02-09'));
    const started = await inject('POST', `${off}/startbesked`, lead, { version: v.version });
    expect(started.statusCode, started.body).toBe(200);
    expect(await inQueue('construction')).toBe(true);

    expect((await upload(other)).statusCode).toBe(404);
    const added = await upload(anna);
    expect(added.statusCode, added.body).toBe(201);
    const file = added.json() as { id: string; type: string };
    expect(file.type).toBe('OVR');
    const mine = AfterPermitViewSchema.parse((await inject('GET', `/api/me/cases/${id}/after-permit`, anna)).json());
    expect(mine.allowed).toEqual(['tickKontrollplanItem', 'reportWorkStarted', 'requestSlutbesked']);
    const tick = await inject('POST', `/api/me/cases/${id}/after-permit/kontrollplan/ticks`, anna, {
      version: mine.version,
      itemId: mine.state.kontrollplan.items[0]!.id,
      doneOn: '2027-02-09',
      attachmentId: file.id,
    });
    expect(tick.statusCode, tick.body).toBe(200);
    const detail = CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${id}`, lead)).json());
    expect(detail.attachments.map((a) => a.id)).toContain(file.id);
  });
});
