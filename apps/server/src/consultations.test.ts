import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CaseDetailSchema, ConsulteeViewSchema } from '@lovisa/domain';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { tallGarageOn } from './test/fixtureFacts';
import { dbKinds } from './test/databases';
import { outbox } from './db/schema';
import { sendConsultationReminders } from './services/consultations';

const ANNA = '198202029289';
const VIKTOR = '198011169235'; // officer, Större byggprojekt
const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+01:00`);
const QUESTION = 'Klarar räddningstjänstens fordon att nå garaget från Ekvägen?';

describe.each(dbKinds)('remisser on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let caseId = '';
  let token = '';

  const inject = (method: 'GET' | 'POST', url: string, who: string | null, payload?: object) =>
    h.app.inject({
      method,
      url,
      ...(who ? { headers: { cookie: cookies[who]! } } : {}),
      ...(payload ? { payload } : {}),
    });
  const officerCase = async () =>
    CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${caseId}`, VIKTOR)).json());
  const send = async (body: object) =>
    inject('POST', `/api/officer/cases/${caseId}/consultations`, VIKTOR, {
      version: (await officerCase()).version,
      ...body,
    });
  /** Days pass: the sessions of the day before have ended, so everyone logs in again. */
  const moveTo = async (iso: string) => {
    h.setNow(day(iso));
    for (const p of [ANNA, VIKTOR]) cookies[p] = await login(h, p);
  };
  const mailTo = (recipient: string) => h.app.db.select().from(outbox).where(eq(outbox.recipient, recipient));

  beforeAll(async () => {
    h = await startHarness(kind);
    await moveTo('2026-11-23');
    const eken = (await h.registers.land.propertyByDesignation('Kjellstavik Eken 1:23'))!;
    caseId = (await submitSigned(h, cookies[ANNA]!, tallGarageOn(eken))).id;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('offers a remiss with working-day bounds, and refuses a bad address or a holiday with the field named', async () => {
    const c = await officerCase();
    expect(c.officer!.actions).toContain('sendConsultation');
    expect(c.officer!.consultationLimits).toEqual({ minReplyBy: '2026-11-24', defaultReplyBy: '2026-12-14' });
    const bad = await send({
      consultee: 'Räddningstjänsten',
      email: 'inte-en-adress',
      question: QUESTION,
      replyBy: '2026-12-14',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toContain('body.email');
    const christmas = await send({
      consultee: 'Räddningstjänsten',
      email: 'rtj@kjellstavik.example',
      question: QUESTION,
      replyBy: '2026-12-24',
    });
    expect(christmas.statusCode).toBe(400);
    expect(christmas.json().error.issues[0].path).toBe('replyBy');
    expect((await officerCase()).officer!.consultations).toEqual([]);
  });

  it('sends it by e-mail with a link of its own, naming no private person', async () => {
    const res = await send({
      consultee: 'Räddningstjänsten',
      email: 'rtj@kjellstavik.example',
      question: QUESTION,
      replyBy: '2026-12-14',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { link, case: c } = res.json() as { link: string; case: unknown };
    token = link.match(/\/remiss\/([A-Za-z0-9_-]{32})$/)![1]!;
    const detail = CaseDetailSchema.parse(c);
    expect(detail.officer!.consultations).toMatchObject([
      { consultee: 'Räddningstjänsten', question: QUESTION, replyBy: '2026-12-14', answer: null, overdue: false },
    ]);
    expect(detail.events.map((e) => e.type)).toContain('consultationSent');
    const [mail] = await mailTo('rtj@kjellstavik.example');
    expect(mail!.messageId).toBeNull();
    expect(mail!.subject).toBe(`Remiss från Kjellstavik kommun: ärende ${detail.diaryNumber}`);
    expect(mail!.body).toContain(link);
    expect(mail!.body).toContain(QUESTION);
    expect(mail!.body).toContain('14 december 2026');
    expect(mail!.body).not.toContain('Lindqvist');
    expect(mail!.body).not.toMatch(/\d{6,8}-?\d{4}/);
  });

  it('opens for the link alone, with the application and its documents, never the applicant’s number', async () => {
    const res = await inject('GET', `/api/consultations/${token}`, null);
    expect(res.statusCode).toBe(200);
    const view = ConsulteeViewSchema.parse(res.json());
    expect(view).toMatchObject({ consultee: 'Räddningstjänsten', question: QUESTION, mayAnswer: true, answer: null });
    expect(view.documents.length).toBeGreaterThan(0);
    expect(res.body).not.toContain(ANNA);
    const file = await inject('GET', `/api/consultations/${token}/documents/${view.documents[0]!.id}`, null);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await inject('GET', `/api/consultations/${'x'.repeat(32)}`, null)).statusCode).toBe(404);
    expect((await inject('GET', '/api/consultations/short', null)).statusCode).toBe(400);
  });

  it('takes one answer, which the officer then reads; the applicant’s face keeps the remiss to the officers', async () => {
    const empty = await inject('POST', `/api/consultations/${token}/answer`, null, {
      kind: 'comments',
      answeredBy: 'Eva Berg, brandinspektör',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues.map((i: { path: string }) => i.path)).toContain('body.text');
    await moveTo('2026-12-01');
    const ok = await inject('POST', `/api/consultations/${token}/answer`, null, {
      kind: 'comments',
      text: 'Vändplan saknas; brandvägen ska vara minst 3 m bred.',
      answeredBy: 'Eva Berg, brandinspektör',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ConsulteeViewSchema.parse(ok.json())).toMatchObject({ mayAnswer: false, answer: { kind: 'comments' } });
    const again = await inject('POST', `/api/consultations/${token}/answer`, null, {
      kind: 'noObjection',
      answeredBy: 'Någon annan',
    });
    expect(again.statusCode).toBe(409);
    const [r] = (await officerCase()).officer!.consultations;
    expect(r!.answer).toEqual({
      kind: 'comments',
      text: 'Vändplan saknas; brandvägen ska vara minst 3 m bred.',
      answeredBy: 'Eva Berg, brandinspektör',
      answeredAt: day('2026-12-01').toISOString(),
    });
    const mine = await inject('GET', `/api/me/cases/${caseId}`, ANNA);
    expect(mine.body).not.toContain('Vändplan');
    expect(mine.json().events.map((e: { type: string }) => e.type)).not.toContain('consultationAnswered');
  });

  it('reminds a body that has not answered, once, two days before its day', async () => {
    const res = await send({
      consultee: 'Trafikenheten',
      email: 'trafik@kjellstavik.example',
      question: 'Är sikten vid utfarten tillräcklig?',
      replyBy: '2026-12-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    h.setNow(day('2026-12-12'));
    expect(await sendConsultationReminders(h.app)).toBe(0);
    await moveTo('2026-12-13');
    expect(await sendConsultationReminders(h.app)).toBe(1);
    expect(await sendConsultationReminders(h.app)).toBe(0);
    const mails = await mailTo('trafik@kjellstavik.example');
    expect(mails.map((m) => m.subject.split(':')[0])).toEqual(['Remiss från Kjellstavik kommun', 'Påminnelse']);
    expect((await officerCase()).officer!.consultations[1]!.remindedAt).not.toBeNull();
  });

  it('suggests the bodies the site calls for: by the lake, the shore protection', async () => {
    const gustav = '193502234796';
    const linnea = '199207202392'; // officer, Landsbygdsgruppen: cases outside a plan
    cookies[gustav] = await login(h, gustav);
    cookies[linnea] = await login(h, linnea);
    const strand = (await h.registers.land.propertyByDesignation('Kjellstavik Strandängen 4:1'))!;
    const c = await submitSigned(h, cookies[gustav]!, {
      ...tallGarageOn(strand),
      details: { ...tallGarageOn(strand).details, ridgeHeightM: 4 },
    });
    const view = CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${c.id}`, linnea)).json());
    expect(view.officer!.suggestedConsultees).toEqual([
      expect.objectContaining({
        name: 'Miljö- och hälsoskyddsenheten',
        email: 'miljo@kjellstavik.example',
        why: expect.objectContaining({ sv: expect.stringMatching(/strandskydd/) }),
      }),
    ]);
    // The whole configured list comes along for the form's pick list, the state's bodies without an address.
    expect(view.officer!.consulteeBodies.map((b) => [b.name, b.email])).toContainEqual(['Trafikverket', null]);
    expect(view.officer!.consulteeBodies).toHaveLength(6);
    // The garage in the plan on Eken 1:23 calls for no one in particular.
    expect((await officerCase()).officer!.suggestedConsultees).toEqual([]);
  });
});
