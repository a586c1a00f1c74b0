import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SAVED_QUEUE_VIEWS, QueuePageSchema, SavedQueueViewSchema } from '@lovisa/domain';
import {
  startHarness,
  login,
  multipartFile,
  submitSigned,
  testPdf,
  uploadTo,
  withDrawings,
  type Harness,
} from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
import { dbKinds } from './test/databases';

/** Saved queue views (each officer's own) and the flags the commands keep on the case row. */
describe.each(dbKinds)('the officer queue views and flags on %s', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let anna: string;
  let oskar: string;
  let ulla: string;

  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const views = async (cookie: string) =>
    ((await inject('GET', '/api/officer/queue/views', cookie)).json().views as unknown[]).map((v) =>
      SavedQueueViewSchema.parse(v),
    );
  const queue = async (query: string, cookie = oskar) =>
    QueuePageSchema.parse((await inject('GET', `/api/officer/queue?${query}`, cookie)).json());

  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000 });
    h.setNow(new Date('2026-11-23T10:00:00+01:00'));
    facts = await fixtureFacts(h.registers);
    anna = await login(h, facts.applicantA);
    oskar = await login(h, facts.officer);
    ulla = await login(h, facts.teamLead);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('saves, lists by name, replaces by name and deletes an officer’s own views', async () => {
    const save = (name: string, params: object, cookie = oskar) =>
      inject('POST', '/api/officer/queue/views', cookie, { name, params });
    const late = await save('Sena', { sort: 'daysLeft', dir: 'asc', scope: 'mine' });
    expect(late.statusCode, late.body).toBe(201);
    expect((await save('Avvikelser', { flag: 'deviation' })).statusCode).toBe(201);
    expect((await views(oskar)).map((v) => [v.name, v.params])).toEqual([
      ['Avvikelser', { flag: 'deviation' }],
      ['Sena', { sort: 'daysLeft', dir: 'asc', scope: 'mine' }],
    ]);
    // The same name again keeps one view, with the new parameters.
    expect((await save('Sena', { sort: 'received', dir: 'desc' })).statusCode).toBe(201);
    const mine = await views(oskar);
    expect(mine.map((v) => [v.name, v.params])).toEqual([
      ['Avvikelser', { flag: 'deviation' }],
      ['Sena', { sort: 'received', dir: 'desc' }],
    ]);

    // The team lead sees none of them and cannot delete one: it answers as a view that does not exist.
    expect(await views(ulla)).toEqual([]);
    const foreign = await inject('DELETE', `/api/officer/queue/views/${mine[0]!.id}`, ulla);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.messageId).toBe('server.notFound.queueView');
    expect(await views(oskar)).toHaveLength(2);

    expect((await inject('DELETE', `/api/officer/queue/views/${mine[0]!.id}`, oskar)).statusCode).toBe(204);
    expect((await views(oskar)).map((v) => v.name)).toEqual(['Sena']);
    expect((await inject('DELETE', `/api/officer/queue/views/${mine[0]!.id}`, oskar)).statusCode).toBe(404);
  });

  it('refuses a nameless view, unknown parameters, and more views than the limit, in Swedish', async () => {
    const nameless = await inject('POST', '/api/officer/queue/views', ulla, { name: '  ', params: {} });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.issues[0]).toMatchObject({ path: 'body.name', message: 'Ge vyn ett namn.' });
    const unknown = await inject('POST', '/api/officer/queue/views', ulla, { name: 'X', params: { sort: 'age' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].path).toBe('body.params.sort');
    for (let i = 0; i < MAX_SAVED_QUEUE_VIEWS; i++) {
      const res = await inject('POST', '/api/officer/queue/views', ulla, { name: `Vy ${i}`, params: {} });
      expect(res.statusCode).toBe(201);
    }
    const over = await inject('POST', '/api/officer/queue/views', ulla, { name: 'En till', params: {} });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain(`${MAX_SAVED_QUEUE_VIEWS} vyer`);
    // Replacing one by name is not a new view.
    expect((await inject('POST', '/api/officer/queue/views', ulla, { name: 'Vy 0', params: {} })).statusCode).toBe(201);
  });

  it('refuses the applicant and the anonymous caller', async () => {
    expect((await inject('GET', '/api/officer/queue/views', anna)).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/officer/queue/views' })).statusCode).toBe(401);
    expect((await inject('POST', '/api/officer/queue/views', anna, { name: 'X', params: {} })).statusCode).toBe(403);
  });

  it('flags a consent on file, and a completion that arrived until its officer opens the case', async () => {
    const withConsent = await withDrawings(h, anna, applicationFor(facts.propertyA));
    const [neighbour] = await h.registers.land.neighbourIdsOf(facts.propertyA.id);
    const gram = await uploadTo(
      h,
      anna,
      withConsent.draftId!,
      `type=GRAM&neighbourPropertyId=${neighbour}`,
      'medgivande.pdf',
      testPdf('GRAM'),
    );
    expect(gram.statusCode, gram.body).toBe(201);
    const c = await submitSigned(h, anna, withConsent);
    const present = await queue('flag=consentPresent');
    expect(present.items.map((i) => i.id)).toContain(c.id);
    expect(present.items.find((i) => i.id === c.id)).toMatchObject({
      neighbourConsentPresent: true,
      completionUnread: false,
    });

    const act = async (path: string, body: object) => {
      const res = await inject('POST', `/api/officer/cases/${c.id}/${path}`, oskar, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().version as number;
    };
    let version = await act('assign', { version: 0 });
    version = await act('completion-request', {
      version,
      items: ['OVR'],
      text: 'Beskriv fasadfärgen.',
      replyBy: '2026-12-14',
    });
    const file = multipartFile('farg.pdf', testPdf('OVR'));
    const uploaded = await h.app.inject({
      method: 'POST',
      url: `/api/me/cases/${c.id}/attachments?type=OVR`,
      headers: { cookie: anna, 'content-type': file.contentType },
      payload: file.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const answered = await inject('POST', `/api/me/cases/${c.id}/completion`, anna, { version, note: 'Röd.' });
    expect(answered.statusCode, answered.body).toBe(200);

    expect((await queue('flag=completionUnread')).items.map((i) => i.id)).toEqual([c.id]);
    // A colleague looking at Oskar's case does not read it for him.
    expect((await inject('GET', `/api/officer/cases/${c.id}`, ulla)).statusCode).toBe(200);
    expect((await queue('flag=completionUnread')).items.map((i) => i.id)).toEqual([c.id]);
    // Oskar opens it: no longer news, and the case's version is untouched (a read mark, not a change).
    const opened = await inject('GET', `/api/officer/cases/${c.id}`, oskar);
    expect(opened.json().version).toBe(answered.json().version);
    expect((await queue('flag=completionUnread')).total).toBe(0);
    expect((await queue('flag=consentPresent')).items.find((i) => i.id === c.id)?.completionUnread).toBe(false);
  });
});
