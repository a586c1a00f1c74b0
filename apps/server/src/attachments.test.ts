import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, AttachmentInfoSchema } from '@lovisa/domain';
import { login, startHarness, testPdf, uploadTo, type Harness } from './test/harness';
import { fixtureFacts, footprintIn } from './test/fixtureFacts';
import { MAX_UPLOAD_BYTES } from './attachments/upload';

describe('attachments of a draft', () => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let cookieA: string;
  let cookieB: string;
  let cookieOfficer: string;
  const draftId = '6b1d2c3e-4f50-4a61-8b72-9c8d7e6f5a41';

  beforeAll(async () => {
    h = await startHarness('pglite');
    facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    cookieB = await login(h, facts.applicantB);
    cookieOfficer = await login(h, facts.officer);
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie: cookieA },
      payload: { data: { step: 'attachments', propertyId: facts.propertyA.id } },
    });
    expect(put.statusCode).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  const list = async (cookie = cookieA) =>
    (await h.app.inject({ method: 'GET', url: `/api/drafts/${draftId}/attachments`, headers: { cookie } })).json();
  const error = (res: { json(): unknown }) => ApiErrorSchema.parse(res.json()).error;

  it('takes a PDF drawing, stores it once, and gives it back as a download only to its owner', async () => {
    const res = await uploadTo(h, cookieA, draftId, 'type=PLA', '../../Planritning plan 1.pdf', testPdf('plan'));
    expect(res.statusCode).toBe(201);
    const info = AttachmentInfoSchema.parse(res.json());
    expect(info).toMatchObject({
      type: 'PLA',
      fileName: 'Planritning plan 1.pdf',
      contentType: 'application/pdf',
      generated: false,
    });

    const download = await h.app.inject({
      method: 'GET',
      url: `/api/attachments/${info.id}`,
      headers: { cookie: cookieA },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Planritning plan 1.pdf"; filename*=UTF-8''Planritning%20plan%201.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.rawPayload.equals(Buffer.from(testPdf('plan')))).toBe(true);
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");

    // Asked for the case view's document viewer: shown in the page, framed by Lovisa's own pages only.
    const viewed = await h.app.inject({
      method: 'GET',
      url: `/api/attachments/${info.id}?view=inline`,
      headers: { cookie: cookieA },
    });
    expect(viewed.statusCode).toBe(200);
    expect(viewed.headers['content-disposition']).toMatch(/^inline; filename="Planritning plan 1.pdf"/);
    expect(viewed.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'");
    expect(viewed.headers['x-content-type-options']).toBe('nosniff');
    const odd = await h.app.inject({
      method: 'GET',
      url: `/api/attachments/${info.id}?view=run`,
      headers: { cookie: cookieA },
    });
    expect(odd.statusCode).toBe(400);

    // Anyone else: as if it did not exist. An officer sees it once it belongs to a case of the team.
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/attachments/${info.id}`, headers: { cookie: cookieB } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/attachments/${info.id}`, headers: { cookie: cookieOfficer } }))
        .statusCode,
    ).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/attachments/${info.id}` })).statusCode).toBe(401);
  });

  it('replaces a drawing of the same type, and removes one on request', async () => {
    const first = (await uploadTo(h, cookieA, draftId, 'type=FAS', 'fasad.pdf', testPdf('fasad 1'))).json();
    const second = (
      await uploadTo(
        h,
        cookieA,
        draftId,
        'type=FAS',
        'fasad-ny.png',
        Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]),
      )
    ).json();
    const fas = (await list()).filter((a: { type: string }) => a.type === 'FAS');
    expect(fas.map((a: { id: string }) => a.id)).toEqual([second.id]);
    expect(fas[0].fileName).toBe('fasad-ny.png');
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/attachments/${first.id}`, headers: { cookie: cookieA } }))
        .statusCode,
    ).toBe(404);

    const gone = await h.app.inject({
      method: 'DELETE',
      url: `/api/drafts/${draftId}/attachments/${second.id}`,
      headers: { cookie: cookieA },
    });
    expect(gone.statusCode).toBe(204);
    expect((await list()).some((a: { id: string }) => a.id === second.id)).toBe(false);
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `/api/drafts/${draftId}/attachments/${second.id}`,
          headers: { cookie: cookieA },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps one consent per neighbouring property, and asks which one', async () => {
    const [neighbour] = await h.registers.land.neighbourIdsOf(facts.propertyA.id);
    expect(error(await uploadTo(h, cookieA, draftId, 'type=GRAM', 'medgivande.pdf', testPdf()))).toMatchObject({
      code: 'invalidInput',
    });
    const ok = await uploadTo(
      h,
      cookieA,
      draftId,
      `type=GRAM&neighbourPropertyId=${neighbour}`,
      'medgivande.pdf',
      testPdf('gram'),
    );
    expect(ok.json()).toMatchObject({ type: 'GRAM', neighbourPropertyId: neighbour });
  });

  it('refuses a consent for a property that does not border the site, before reading the file', async () => {
    const before = (await list()).length;
    const neighbours = await h.registers.land.neighbourIdsOf(facts.propertyA.id);
    expect(neighbours).not.toContain(facts.propertyB.id);
    for (const notNeighbour of [facts.propertyB.id, facts.propertyA.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await uploadTo(
        h,
        cookieA,
        draftId,
        `type=GRAM&neighbourPropertyId=${notNeighbour}`,
        'medgivande.pdf',
        testPdf('not a neighbour'),
      );
      expect(res.statusCode).toBe(400);
      expect(error(res)).toMatchObject({ code: 'invalidInput', messageId: 'server.consentNotNeighbour' });
    }
    expect(await list()).toHaveLength(before);

    const noProperty = '6b1d2c3e-4f50-4a61-8b72-9c8d7e6f5a42';
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${noProperty}`,
      headers: { cookie: cookieA },
      payload: { data: { step: 'measure' } },
    });
    expect(put.statusCode).toBe(200);
    const early = await uploadTo(
      h,
      cookieA,
      noProperty,
      `type=GRAM&neighbourPropertyId=${neighbours[0]}`,
      'medgivande.pdf',
      testPdf('too early'),
    );
    expect(error(early)).toMatchObject({ code: 'invalidInput', messageId: 'server.consentNeedsProperty' });
  });

  it('refuses what is not a drawing, by content, with the reason in Swedish, and stores nothing', async () => {
    const before = (await list()).length;
    const html = await uploadTo(
      h,
      cookieA,
      draftId,
      'type=SEK',
      'sektion.pdf',
      new TextEncoder().encode('<html><script>alert(1)</script>'),
      'application/pdf',
    );
    expect(html.statusCode).toBe(415);
    expect(error(html).message).toMatch(/inte en PDF, PNG eller JPEG/);
    const js = await uploadTo(
      h,
      cookieA,
      draftId,
      'type=SEK',
      'sektion.pdf',
      new TextEncoder().encode('%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'),
    );
    expect(js.statusCode).toBe(415);
    const empty = await uploadTo(h, cookieA, draftId, 'type=SEK', 'tom.pdf', new Uint8Array());
    expect(empty.statusCode).toBe(400);
    const json = await h.app.inject({
      method: 'POST',
      url: `/api/drafts/${draftId}/attachments?type=SEK`,
      headers: { cookie: cookieA },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const badType = await uploadTo(h, cookieA, draftId, 'type=EXE', 'x.pdf', testPdf());
    expect(badType.statusCode).toBe(400);
    expect((await list()).length).toBe(before);
  });

  it('stops reading at 25 MB and answers 413', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1024);
    big.set(testPdf());
    const res = await uploadTo(h, cookieA, draftId, 'type=SEK', 'stor.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(error(res).code).toBe('payloadTooLarge');
  });

  it('makes the situationsplan from the drawing and attaches it, in place of an earlier one', async () => {
    const noDrawing = await h.app.inject({
      method: 'POST',
      url: `/api/drafts/${draftId}/attachments/site-plan`,
      headers: { cookie: cookieA },
    });
    expect(noDrawing.statusCode).toBe(400);
    expect(error(noDrawing)).toMatchObject({ message: /Rita byggnaden/, messageId: 'server.sitePlan.drawFirst' });
    const footprints = [{ id: 'byggnad-1', measure: 'outbuilding', geometry: footprintIn(facts.propertyA, 8, 7) }];
    await h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie: cookieA },
      payload: { data: { step: 'attachments', propertyId: facts.propertyA.id, measure: 'outbuilding', footprints } },
    });
    await uploadTo(h, cookieA, draftId, 'type=SITU', 'egen-situationsplan.pdf', testPdf('situ'));
    const made = await h.app.inject({
      method: 'POST',
      url: `/api/drafts/${draftId}/attachments/site-plan`,
      headers: { cookie: cookieA },
    });
    expect(made.statusCode).toBe(201);
    const info = AttachmentInfoSchema.parse(made.json());
    expect(info).toMatchObject({
      type: 'SITU',
      generated: true,
      contentType: 'application/pdf',
      fileName: `Situationsplan ${facts.propertyA.designation}.pdf`,
    });
    expect((await list()).filter((a: { type: string }) => a.type === 'SITU').map((a: { id: string }) => a.id)).toEqual([
      info.id,
    ]);
    const pdf = await h.app.inject({ method: 'GET', url: `/api/attachments/${info.id}`, headers: { cookie: cookieA } });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/drafts/${draftId}/attachments/site-plan`,
          headers: { cookie: cookieB },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is another applicant’s draft: nothing to see or change', async () => {
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/drafts/${draftId}/attachments`, headers: { cookie: cookieB } }))
        .statusCode,
    ).toBe(404);
    expect((await uploadTo(h, cookieB, draftId, 'type=PLA', 'p.pdf', testPdf())).statusCode).toBe(404);
    const [mine] = await list();
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `/api/drafts/${draftId}/attachments/${mine.id}`,
          headers: { cookie: cookieB },
        })
      ).statusCode,
    ).toBe(404);
  });
});
