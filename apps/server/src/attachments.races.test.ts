import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  AttachmentInfoSchema,
  CaseDetailSchema,
  MAX_OTHER_ATTACHMENTS,
  type AttachmentInfo,
} from '@lovisa/domain';
import { login, multipartFile, startHarness, submitSigned, testPdf, uploadTo, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
import { dbKinds } from './test/databases';

const day = (iso: string) => new Date(`${iso}T10:00:00+01:00`);

/**
 * Many uploads to one slot at once (a double click, a retrying client, a script). On PostgreSQL they run on
 * separate connections and really interleave; PGlite runs one statement at a time, yet a check made outside the
 * writing transaction still raced there too. Every answer is a 201 or a clean 409, never a 5xx.
 */
describe.each(dbKinds)('uploads racing into one slot on %s', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let cookie: string;
  let officer: string;

  beforeAll(async () => {
    // Sessions outlive the days the clock moves through.
    h = await startHarness(kind, { uploadLimitPerMinute: 100_000, sessionIdleMs: 365 * 86_400_000 });
    facts = await fixtureFacts(h.registers);
    cookie = await login(h, facts.applicantA);
    officer = await login(h, facts.officer);
  });
  afterAll(async () => {
    await h?.close();
  });

  type Answer = Awaited<ReturnType<typeof uploadTo>>;
  const statuses = (answers: Answer[]) => {
    const seen: Record<number, number> = {};
    for (const a of answers) seen[a.statusCode] = (seen[a.statusCode] ?? 0) + 1;
    return seen;
  };
  /** Every refusal in the API's shape, in Swedish. */
  const refusals = (answers: Answer[]) =>
    answers.filter((a) => a.statusCode !== 201).map((a) => ApiErrorSchema.parse(a.json()).error);

  const newDraft = async () => {
    const id = randomUUID();
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${id}`,
      headers: { cookie },
      payload: { data: { step: 'attachments', propertyId: facts.propertyA.id } },
    });
    expect(put.statusCode).toBe(200);
    return id;
  };
  const draftFiles = async (id: string): Promise<AttachmentInfo[]> =>
    (await h.app.inject({ method: 'GET', url: `/api/drafts/${id}/attachments`, headers: { cookie } })).json();
  const race = (n: number, upload: (i: number) => Promise<Answer>) =>
    Promise.all(Array.from({ length: n }, (_, i) => upload(i)));

  it('leaves exactly one site plan of 20 sent at once to a draft, each upload replacing the one before', async () => {
    const id = await newDraft();
    const answers = await race(20, (i) =>
      uploadTo(h, cookie, id, 'type=SITU', `situation-${i}.pdf`, testPdf(`situ ${i}`)),
    );
    expect(statuses(answers)).toEqual({ 201: 20 });
    const kept = (await draftFiles(id)).filter((f) => f.type === 'SITU');
    expect(kept).toHaveLength(1);
    expect(answers.map((a) => AttachmentInfoSchema.parse(a.json()).id)).toContain(kept[0]!.id);
  });

  it('keeps one consent per neighbour when consents for two neighbours race', async () => {
    const id = await newDraft();
    const [n1, n2] = await h.registers.land.neighbourIdsOf(facts.propertyA.id);
    if (!n1 || !n2) throw new Error('the fixtures give property A at least two neighbours');
    const answers = await race(20, (i) =>
      uploadTo(
        h,
        cookie,
        id,
        `type=GRAM&neighbourPropertyId=${i % 2 ? n1 : n2}`,
        `medgivande-${i}.pdf`,
        testPdf(`gram ${i}`),
      ),
    );
    expect(statuses(answers)).toEqual({ 201: 20 });
    const kept = (await draftFiles(id)).filter((f) => f.type === 'GRAM');
    expect(kept.map((f) => f.neighbourPropertyId).sort()).toEqual([n1, n2].sort());
  });

  it('keeps 10 of 30 other documents sent at once to a draft; the rest get 409', async () => {
    const id = await newDraft();
    const answers = await race(30, (i) => uploadTo(h, cookie, id, 'type=OVR', `bilaga-${i}.pdf`, testPdf(`ovr ${i}`)));
    expect(statuses(answers)).toEqual({ 201: MAX_OTHER_ATTACHMENTS, 409: 30 - MAX_OTHER_ATTACHMENTS });
    expect(new Set(refusals(answers).map((e) => `${e.code}: ${e.message}`))).toEqual(
      new Set([`conflict: Du kan bifoga högst ${MAX_OTHER_ATTACHMENTS} övriga handlingar.`]),
    );
    expect((await draftFiles(id)).filter((f) => f.type === 'OVR')).toHaveLength(MAX_OTHER_ATTACHMENTS);
  });

  describe('answering an order to complete', () => {
    let caseId: string;
    const answerWith = (type: string, name: string, i: number) => {
      const file = multipartFile(name, testPdf(`${type} ${i}`));
      return h.app.inject({
        method: 'POST',
        url: `/api/me/cases/${caseId}/attachments?type=${type}`,
        headers: { cookie, 'content-type': file.contentType },
        payload: file.payload,
      });
    };
    const caseFiles = async () =>
      CaseDetailSchema.parse(
        (await h.app.inject({ method: 'GET', url: `/api/me/cases/${caseId}`, headers: { cookie } })).json(),
      ).attachments;

    beforeAll(async () => {
      h.setNow(day('2026-11-23'));
      caseId = (await submitSigned(h, cookie, applicationFor(facts.propertyA))).id;
      h.setNow(day('2026-11-30'));
      const detail = CaseDetailSchema.parse(
        (
          await h.app.inject({ method: 'GET', url: `/api/officer/cases/${caseId}`, headers: { cookie: officer } })
        ).json(),
      );
      const ordered = await h.app.inject({
        method: 'POST',
        url: `/api/officer/cases/${caseId}/completion-request`,
        headers: { cookie: officer },
        payload: {
          version: detail.version,
          items: ['SITU'],
          text: 'Situationsplanen ska visa avstånden till tomtgränsen.',
          replyBy: '2026-12-21',
        },
      });
      expect(ordered.statusCode, ordered.body).toBe(200);
      h.setNow(day('2026-12-02'));
    });

    it('takes a consent in the answer only from a property bordering the case’s', async () => {
      const [neighbour] = await h.registers.land.neighbourIdsOf(facts.propertyA.id);
      const refused = await answerWith(`GRAM&neighbourPropertyId=${facts.propertyB.id}`, 'medgivande.pdf', 0);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ error: { messageId: 'server.consentNotNeighbour' } });
      const taken = await answerWith(`GRAM&neighbourPropertyId=${neighbour}`, 'medgivande.pdf', 1);
      expect(taken.statusCode, taken.body).toBe(201);
    });

    it('leaves exactly one site plan of 20 sent at once in the answer; the application’s own stays', async () => {
      const answers = await race(20, (i) => answerWith('SITU', `svar-situation-${i}.pdf`, i));
      expect(statuses(answers)).toEqual({ 201: 20 });
      const situ = (await caseFiles()).filter((f) => f.type === 'SITU');
      expect(situ.filter((f) => f.fileName.startsWith('svar-'))).toHaveLength(1);
      expect(situ.filter((f) => !f.fileName.startsWith('svar-'))).toHaveLength(1);
    });

    it('keeps 10 of 30 other documents sent at once in the answer; the rest get 409', async () => {
      const answers = await race(30, (i) => answerWith('OVR', `svar-bilaga-${i}.pdf`, i));
      expect(statuses(answers)).toEqual({ 201: MAX_OTHER_ATTACHMENTS, 409: 30 - MAX_OTHER_ATTACHMENTS });
      expect(new Set(refusals(answers).map((e) => `${e.code}: ${e.message}`))).toEqual(
        new Set([`conflict: Du kan bifoga högst ${MAX_OTHER_ATTACHMENTS} övriga handlingar.`]),
      );
      expect((await caseFiles()).filter((f) => f.type === 'OVR')).toHaveLength(MAX_OTHER_ATTACHMENTS);
    });

    it('takes no more files once the answer is sent, even one already on its way', async () => {
      const detail = CaseDetailSchema.parse(
        (await h.app.inject({ method: 'GET', url: `/api/me/cases/${caseId}`, headers: { cookie } })).json(),
      );
      const [sent, ...late] = await Promise.all([
        h.app.inject({
          method: 'POST',
          url: `/api/me/cases/${caseId}/completion`,
          headers: { cookie },
          payload: { version: detail.version, note: 'Här är den.' },
        }),
        ...Array.from({ length: 5 }, (_, i) => answerWith('PLA', `sen-plan-${i}.pdf`, i)),
      ]);
      expect(sent!.statusCode, sent!.body).toBe(200);
      // Each upload either got in before the answer was sent or is refused: never a 5xx.
      expect(late.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
      for (const e of refusals(late))
        expect(e).toEqual({
          code: 'conflict',
          message: expect.stringMatching(/komplettering/),
          messageId: 'case.problem.NOT_AWAITING_COMPLETION',
        });
      const afterwards = await answerWith('PLA', 'efteråt.pdf', 99);
      expect(afterwards.statusCode).toBe(409);
    });
  });
});
