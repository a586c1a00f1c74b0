import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTECTED_SENTINEL } from '@lovisa/registry';
import { CaseDetailSchema, MyCaseSummarySchema, NeighbourHearingViewSchema, QueuePageSchema } from '@lovisa/domain';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { tallGarageOn } from './test/fixtureFacts';
import { dbKinds } from './test/databases';
import { pdfText } from './test/pdfText';

const ANNA = '198202029289';
const VIKTOR = '198011169235';
const MARIA = '196411193086';
const PER = '194509123412';
const KARIN = '197908109288'; // protected identity, owns Björken 2:5
const JOHANNA = '199208182387'; // team lead, Större byggprojekt: confirms decisions on deviations
const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+01:00`);

describe.each(dbKinds)('the neighbour hearing on %s', (kind) => {
  let h: Harness;
  const bodies: string[] = [];
  const cookies: Record<string, string> = {};
  let caseId = '';
  let documentId = '';

  const inject = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) => {
    const res = await h.app.inject({
      method,
      url,
      headers: { cookie: cookies[who]! },
      ...(payload ? { payload } : {}),
    });
    bodies.push(res.body);
    return res;
  };
  /** Days pass: the sessions of the day before have ended, so everyone logs in again. */
  const moveTo = async (iso: string) => {
    h.setNow(day(iso));
    for (const p of [ANNA, VIKTOR, MARIA, PER, KARIN, JOHANNA]) cookies[p] = await login(h, p);
  };
  const officerCase = async () =>
    CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${caseId}`, VIKTOR)).json());

  beforeAll(async () => {
    h = await startHarness(kind);
    await moveTo('2026-11-23');
    const eken = (await h.registers.land.propertyByDesignation('Kjellstavik Eken 1:23'))!;
    caseId = (await submitSigned(h, cookies[ANNA]!, tallGarageOn(eken))).id;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('proposes the sakägare from the registers, the protected owner without name or address', async () => {
    const res = await inject('GET', `/api/officer/cases/${caseId}/sakagare`, VIKTOR);
    expect(res.statusCode).toBe(200);
    const found = res.json() as { designation: string; owners: { name: string | null; delivery: string }[] }[];
    expect(found.map((p) => p.designation)).toContain('Kjellstavik Eken 1:22');
    const bjorken = found.find((p) => p.designation === 'Kjellstavik Björken 2:5')!;
    expect(bjorken.owners).toEqual([expect.objectContaining({ name: null, address: null, delivery: 'forwarding' })]);
    expect(res.body).not.toMatch(/\d{8}-?\d{4}/); // personnummer masked
  });

  it('refuses to grant the deviation before a hearing, and a reply-by day on a weekend or too soon', async () => {
    const before = await officerCase();
    expect(before.deviation).toBe(true);
    expect(before.officer!.limits.hearing).toMatchObject({ minReplyBy: '2026-12-03', defaultReplyBy: '2026-12-14' });
    const grant = await inject('POST', `/api/officer/cases/${caseId}/decision`, VIKTOR, {
      version: before.version,
      outcome: 'approved',
      reason: 'Liten avvikelse.',
    });
    expect(grant.statusCode).toBe(409);
    expect(grant.json().error.messageId).toBe('case.problem.HEARING_MISSING');
    const ids = await propertyIds(['Kjellstavik Eken 1:22', 'Kjellstavik Björken 2:5']);
    for (const replyBy of ['2026-12-05', '2026-12-02']) {
      const res = await inject('POST', `/api/officer/cases/${caseId}/hearing`, VIKTOR, {
        version: before.version,
        replyBy,
        propertyIds: ids,
      });
      expect(res.statusCode).toBe(400);
    }
  });

  async function propertyIds(designations: string[]) {
    const found = (await inject('GET', `/api/officer/cases/${caseId}/sakagare`, VIKTOR)).json() as {
      propertyId: string;
      designation: string;
    }[];
    return found.filter((p) => designations.includes(p.designation)).map((p) => p.propertyId);
  }
  const partyOf = async (name: string | null) =>
    (await officerCase()).officer!.hearing!.parties.find((p) => p.name === name)!;

  it('sends letters with a code each; the queue and Mina ärenden show the running hearing', async () => {
    const before = await officerCase();
    const ids = await propertyIds(['Kjellstavik Eken 1:22', 'Kjellstavik Björken 2:5']);
    const res = await inject('POST', `/api/officer/cases/${caseId}/hearing`, VIKTOR, {
      version: before.version,
      replyBy: '2026-12-14',
      propertyIds: ids,
    });
    expect(res.statusCode).toBe(200);
    const hearing = CaseDetailSchema.parse(res.json()).officer!.hearing!;
    expect(hearing).toMatchObject({ replyBy: '2026-12-14', running: true, mayClose: false });
    expect(hearing.parties.map((p) => [p.designation, p.name, p.delivery, p.letterSentOn])).toEqual(
      expect.arrayContaining([
        ['Kjellstavik Eken 1:22', 'Maria Eriksson', 'post', '2026-11-23'],
        ['Kjellstavik Eken 1:22', 'Per Eriksson', 'post', '2026-11-23'],
        ['Kjellstavik Björken 2:5', null, 'forwarding', '2026-11-23'],
      ]),
    );
    const queue = QueuePageSchema.parse((await inject('GET', '/api/officer/queue', VIKTOR)).json());
    expect(queue.items.find((i) => i.id === caseId)!.hearingUntil).toBe('2026-12-14');
    const mine = MyCaseSummarySchema.array().parse((await inject('GET', '/api/me/cases', ANNA)).json());
    expect(mine.find((c) => c.id === caseId)!.hearingUntil).toBe('2026-12-14');

    const karinLetter = await inject('GET', letterUrl((await partyOf(null)).id), VIKTOR);
    const karinText = await pdfText(karinLetter.rawPayload);
    expect(karinText).toContain('Skyddad identitet');
    expect(karinText).not.toContain(PROTECTED_SENTINEL);
    expect(karinText).not.toContain('Karin');
  });

  const letterUrl = (partyId: string) => `/api/officer/cases/${caseId}/hearing/letters/${partyId}`;
  async function codeOf(name: string): Promise<string> {
    const text = await pdfText((await inject('GET', letterUrl((await partyOf(name)).id), VIKTOR)).rawPayload);
    expect(text).toContain('Sista svarsdag 2026-12-14');
    return text.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
  }

  it('opens a letter only for its party: another person 403, an unknown code 404', async () => {
    const code = await codeOf('Maria Eriksson');
    expect((await inject('GET', `/api/hearings/${code}`, PER)).statusCode).toBe(403);
    expect((await inject('GET', `/api/hearings/${code}`, ANNA)).statusCode).toBe(403);
    expect((await inject('GET', `/api/hearings/${code}`, VIKTOR)).statusCode).toBe(403);
    expect((await inject('GET', '/api/hearings/AAAA-BBBB-CCCC', MARIA)).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/hearings/${code}` })).statusCode).toBe(401);
    const view = NeighbourHearingViewSchema.parse(
      (await inject('GET', `/api/hearings/${code.toLowerCase()}`, MARIA)).json(),
    );
    expect(view).toMatchObject({ yourProperty: 'Kjellstavik Eken 1:22', running: true, mayAnswer: true, answer: null });
    expect(view.deviations.map((d) => d.sv).join(' ')).toMatch(/Nockhöjd: 9/);
    expect(view.footprints).toHaveLength(1);
    documentId = view.documents[0]!.id;
    const doc = await inject('GET', `/api/hearings/${code}/documents/${documentId}`, MARIA);
    expect(doc.statusCode).toBe(200);
    expect((await inject('GET', `/api/hearings/${code}/documents/${view.documents[0]!.id}`, PER)).statusCode).toBe(403);
  });

  it('takes Maria’s answer online and Per’s on paper; no decision and no early close while it runs', async () => {
    const code = await codeOf('Maria Eriksson');
    const answered = await inject('POST', `/api/hearings/${code}/answer`, MARIA, { kind: 'noObjection' });
    expect(answered.statusCode).toBe(200);
    expect(NeighbourHearingViewSchema.parse(answered.json()).answer).toMatchObject({
      kind: 'noObjection',
      channel: 'online',
    });
    const perCode = await codeOf('Per Eriksson');
    expect((await inject('POST', `/api/hearings/${perCode}/answer`, MARIA, { kind: 'noObjection' })).statusCode).toBe(
      403,
    );

    await moveTo('2026-12-01');
    let c = await officerCase();
    expect(c.officer!.actions).not.toContain('decide');
    const early = await inject('POST', `/api/officer/cases/${caseId}/hearing/close`, VIKTOR, { version: c.version });
    expect(early.statusCode).toBe(409);
    const per = await partyOf('Per Eriksson');
    const paper = await inject('POST', `/api/officer/cases/${caseId}/hearing/answers`, VIKTOR, {
      version: c.version,
      partyId: per.id,
      kind: 'objection',
      text: 'Garaget skymmer kvällssolen.',
      receivedOn: '2026-11-30',
    });
    expect(paper.statusCode).toBe(200);
    c = CaseDetailSchema.parse(paper.json());
    expect(c.officer!.hearing!.parties.find((p) => p.id === per.id)!.answer).toMatchObject({
      kind: 'objection',
      channel: 'paper',
      receivedOn: '2026-11-30',
      recordedBy: 'Viktor Holm',
    });
  });

  it('closes on its reply-by day, recording who did not answer; afterwards read-only for the neighbour', async () => {
    await moveTo('2026-12-14');
    const c = await officerCase();
    expect(c.officer!.hearing!.mayClose).toBe(true);
    const closed = await inject('POST', `/api/officer/cases/${caseId}/hearing/close`, VIKTOR, { version: c.version });
    expect(closed.statusCode).toBe(200);
    const after = CaseDetailSchema.parse(closed.json());
    expect(after.officer!.hearing).toMatchObject({ closedOn: '2026-12-14', running: false });
    expect(after.events.at(-1)).toMatchObject({
      type: 'hearingClosed',
      data: { answered: 2, objections: 1, notAnswered: ['Kjellstavik Björken 2:5'] },
    });
    expect(after.officer!.actions).toContain('decide');
    const code = await codeOf('Maria Eriksson');
    const view = NeighbourHearingViewSchema.parse((await inject('GET', `/api/hearings/${code}`, MARIA)).json());
    expect(view).toMatchObject({ running: false, mayAnswer: false, answer: { kind: 'noObjection' } });
    // What she was shown while it ran is no longer hers to see: the drawing and the files are gone.
    expect(view).toMatchObject({ footprints: [], documents: [], siteBoundary: null });
    const doc = await inject('GET', `/api/hearings/${code}/documents/${documentId}`, MARIA);
    expect(doc.statusCode).toBe(410);
    expect(doc.json()).toMatchObject({ error: { code: 'gone', messageId: 'hearing.documentsAfterClose' } });
    const late = await inject('POST', `/api/hearings/${code}/answer`, MARIA, { kind: 'comment', text: 'Sent.' });
    expect(late.statusCode).toBe(409);
    const queue = QueuePageSchema.parse((await inject('GET', '/api/officer/queue', VIKTOR)).json());
    expect(queue.items.find((i) => i.id === caseId)!.hearingUntil).toBeNull();
    const anna = CaseDetailSchema.parse((await inject('GET', `/api/me/cases/${caseId}`, ANNA)).json());
    expect(anna.events.map((e) => e.type)).toEqual(expect.arrayContaining(['hearingStarted', 'hearingClosed']));
    expect(anna.events.map((e) => e.type)).not.toContain('hearingAnswered');
  });

  it('serves the grant on the heard party who objected, so legal force waits for them; the others get a letter', async () => {
    const c = await officerCase();
    const proposed = await inject('POST', `/api/officer/cases/${caseId}/decision`, VIKTOR, {
      version: c.version,
      outcome: 'approved',
      reason: 'Avvikelsen är liten och förenlig med planens syfte; grannarna har hörts.',
      conditions: [],
    });
    expect(proposed.statusCode).toBe(200);
    const confirmed = await inject('POST', `/api/officer/cases/${caseId}/proposal/confirm`, JOHANNA, {
      version: CaseDetailSchema.parse(proposed.json()).version,
    });
    expect(confirmed.statusCode).toBe(200);
    const notice = CaseDetailSchema.parse(confirmed.json()).notice!;
    const sakagare = notice.deliveries.filter((d) => d.party === 'sakagare');
    const per = sakagare.find((d) => d.name === 'Per Eriksson')!;
    expect(per).toMatchObject({ purpose: 'service', method: 'post', deliveredOn: null });
    expect(sakagare.find((d) => d.name === 'Maria Eriksson')).toMatchObject({ purpose: 'notice' });
    expect(sakagare.filter((d) => d.purpose === 'service')).toHaveLength(1);
    expect(notice.waitingFor).toEqual([per.id]);
    expect(notice.legalForceOn).toBeNull();
  });

  it('never gave the protected owner’s address or name in any answer', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      expect(body).not.toContain(PROTECTED_SENTINEL);
      expect(body).not.toContain('Sjöberg');
    }
  });
});
