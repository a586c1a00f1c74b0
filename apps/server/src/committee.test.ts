import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetailSchema, CommitteeAgendaSchema } from '@lovisa/domain';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
import { dbKinds } from './test/databases';
import { pdfText } from './test/pdfText';

// Received Monday 23 November 2026; the board meets on Thursday 17 December.
const NOW = new Date('2026-11-23T10:00:00+01:00');
const MEETING_DAY = new Date('2026-12-17T15:00:00+01:00');
const REASON = 'Garaget följer detaljplanen och passar in i omgivningen.';

describe.each(dbKinds)('decisions above delegation, by the board at a meeting, on %s', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  const cookies: Record<string, string> = {};
  let caseId = '';
  let meetingId = '';

  const inject = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
  const officerCase = async () =>
    CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${caseId}`, 'officer')).json());

  beforeAll(async () => {
    h = await startHarness(kind, { sessionIdleMs: 365 * 86_400_000 });
    h.setNow(NOW);
    facts = await fixtureFacts(h.registers);
    // This municipality's delegation order keeps buildings over 50 m² for the board: the 56 m² garage goes there.
    h.app.config.municipality.delegation = {
      committeeAboveAreaM2: 50,
      committeeRefusals: false,
      committeeMeasures: [],
    };
    cookies.applicant = await login(h, facts.applicantA);
    cookies.officer = await login(h, facts.officer);
    cookies.lead = await login(h, facts.teamLead);
    cookies.other = await login(h, facts.otherTeamOfficer);
    caseId = (await submitSigned(h, cookies.applicant, applicationFor(facts.propertyA))).id;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('refuses to decide by delegation what the board keeps, and says why', async () => {
    const c = await officerCase();
    expect(c.officer!.limits.decision?.committeeGrounds).toEqual({ approved: ['area'], refused: ['area'] });
    const res = await inject('POST', `/api/officer/cases/${caseId}/decision`, 'lead', {
      version: c.version,
      outcome: 'approved',
      reason: REASON,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ messageId: 'case.problem.COMMITTEE_DECIDES' });
    expect((await officerCase()).status).toBe('received');
  });

  it('lets only a team lead add a meeting, after today and one a day', async () => {
    const add = (who: string, date: string) => inject('POST', '/api/officer/committee/meetings', who, { date });
    expect((await add('officer', '2026-12-17')).statusCode).toBe(403);
    const past = await add('lead', '2026-11-23');
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ messageId: 'server.meetingInPast' });
    expect((await add('lead', 'den sjuttonde')).statusCode).toBe(400);
    const saturday = await add('lead', '2026-12-19');
    expect(saturday.statusCode).toBe(400);
    expect(saturday.json().error).toMatchObject({ messageId: 'server.meetingClosedDay' });
    const created = await add('lead', '2026-12-17');
    expect(created.statusCode).toBe(201);
    meetingId = created.json().id;
    expect((await add('lead', '2026-12-17')).statusCode).toBe(409);
    const list = (await inject('GET', '/api/officer/committee/meetings', 'officer')).json();
    expect(list).toMatchObject({
      mayAdd: false,
      meetings: [{ id: meetingId, date: '2026-12-17', pending: 0, open: true }],
    });
    expect((await inject('GET', '/api/officer/committee/meetings', 'lead')).json().mayAdd).toBe(true);
  });

  it('puts the proposal on the agenda; the applicant is told the day; nobody confirms it in the meantime', async () => {
    const { version } = await officerCase();
    const missing = await inject('POST', `/api/officer/cases/${caseId}/committee-referral`, 'officer', {
      version,
      outcome: 'approved',
      reason: REASON,
      meetingId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues).toEqual([expect.objectContaining({ path: 'meetingId' })]);
    const res = await inject('POST', `/api/officer/cases/${caseId}/committee-referral`, 'officer', {
      version,
      outcome: 'approved',
      reason: REASON,
      conditions: ['Taket ska vara av plåt.'],
      meetingId,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = await officerCase();
    expect(c.status).toBe('proposed');
    expect(c.officer!.limits.committee).toEqual({ date: '2026-12-17', mayRecord: false });
    const asLead = CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${caseId}`, 'lead')).json());
    expect(asLead.officer!.actions).not.toContain('confirmProposal');
    const messages = (await inject('GET', '/api/me/messages', 'applicant')).json() as { body: string }[];
    expect(JSON.stringify(messages)).toContain('sammanträdet den 17 december 2026');
    const mine = (await inject('GET', `/api/me/cases/${caseId}`, 'applicant')).json() as { events: { type: string }[] };
    expect(mine.events.map((e) => e.type)).not.toContain('referredToCommittee');
  });

  it("lists the team's proposal on the meeting's agenda, and shows another team nothing of it", async () => {
    const agenda = CommitteeAgendaSchema.parse(
      (await inject('GET', `/api/officer/committee/meetings/${meetingId}`, 'officer')).json(),
    );
    expect(agenda.board).toBe('Byggnadsnämnden');
    expect(agenda.items).toEqual([
      expect.objectContaining({ caseId, proposedOutcome: 'approved', grounds: ['area'], state: 'waiting' }),
    ]);
    const other = CommitteeAgendaSchema.parse(
      (await inject('GET', `/api/officer/committee/meetings/${meetingId}`, 'other')).json(),
    );
    expect(other.items).toEqual([]);
    const unknown = await inject(
      'GET',
      '/api/officer/committee/meetings/00000000-0000-4000-8000-000000000000',
      'officer',
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('records the board’s decision only from the meeting day; the decision names the board, day and paragraph', async () => {
    const body = async () => ({ version: (await officerCase()).version, outcome: 'approved', paragraph: '§ 12' });
    const early = await inject('POST', `/api/officer/cases/${caseId}/committee-decision`, 'officer', await body());
    expect(early.statusCode).toBe(409);
    h.setNow(MEETING_DAY);
    const bad = await inject('POST', `/api/officer/cases/${caseId}/committee-decision`, 'officer', {
      ...(await body()),
      paragraph: 'tolv',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([expect.objectContaining({ path: 'paragraph' })]);
    const preview = await inject(
      'POST',
      `/api/officer/cases/${caseId}/committee-decision/preview`,
      'officer',
      await body(),
    );
    expect(preview.statusCode).toBe(200);
    const res = await inject('POST', `/api/officer/cases/${caseId}/committee-decision`, 'officer', await body());
    expect(res.statusCode, res.body).toBe(200);
    const c = await officerCase();
    expect(c).toMatchObject({
      status: 'decided',
      outcome: 'approved',
      decisionConditions: ['Taket ska vara av plåt.'],
    });
    const pdf = await inject('GET', `/api/officer/cases/${caseId}/documents/decision`, 'officer');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(
      'Beslutet har fattats av byggnadsnämnden i Kjellstavik kommun vid sammanträdet den 17 december 2026, § 12.',
    );
    expect(text).not.toContain('med stöd av delegation');
    // What was previewed is what was issued.
    expect(await pdfText(preview.rawPayload)).toBe(text);
    const agenda = CommitteeAgendaSchema.parse(
      (await inject('GET', `/api/officer/committee/meetings/${meetingId}`, 'officer')).json(),
    );
    expect(agenda.items).toEqual([
      expect.objectContaining({ caseId, state: 'decided', outcome: 'approved', paragraph: '§ 12' }),
    ]);
    expect(agenda.meeting.open).toBe(false);
  });
});
