import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { ApiErrorSchema, type DraftData } from '@lovisa/domain';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { applicationFor, fixtureFacts, footprintIn } from './test/fixtureFacts';
import { designationSlug } from './sitePlan/sitePlanInput';

async function pdfTexts(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  return content.items.filter((i): i is TextItem => 'str' in i).map((i) => i.str);
}

describe('situationsplan routes', () => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let cookieA: string;
  let cookieB: string;
  let cookieOfficer: string;
  let cookieOtherTeam: string;
  let caseId: string;

  beforeAll(async () => {
    h = await startHarness('pglite');
    facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    cookieB = await login(h, facts.applicantB);
    cookieOfficer = await login(h, facts.officer);
    cookieOtherTeam = await login(h, facts.otherTeamOfficer);
    caseId = (await submitSigned(h, cookieA, applicationFor(facts.propertyA))).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const get = (url: string, cookie?: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const putDraft = async (cookie: string, data: DraftData) => {
    const id = randomUUID();
    const res = await h.app.inject({ method: 'PUT', url: `/api/drafts/${id}`, headers: { cookie }, payload: { data } });
    expect(res.statusCode, res.body).toBe(200);
    return id;
  };
  const expectError = (res: Awaited<ReturnType<typeof get>>, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(ApiErrorSchema.parse(res.json()).error.code).toBe(code);
  };
  const expectPdf = (res: Awaited<ReturnType<typeof get>>, designation: string) => {
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="situationsplan-${designationSlug(designation)}.pdf"`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  };

  it('gives the applicant the plan of their own case, drawn for its property', async () => {
    const res = await get(`/api/me/cases/${caseId}/site-plan.pdf`, cookieA);
    expectPdf(res, facts.propertyA.designation);
    const texts = await pdfTexts(res.rawPayload);
    expect(texts).toContain(facts.propertyA.designation);
    expect(texts).toContain('8,0 × 7,0 m'); // applicationFor draws an 8 × 7 m garage
    expect(texts.some((t) => /^Skala 1:\d+ \(A[34]\)$/.test(t))).toBe(true);
  });

  it('answers another applicant as if the case did not exist, and an anonymous caller with 401', async () => {
    expectError(await get(`/api/me/cases/${caseId}/site-plan.pdf`, cookieB), 404, 'notFound');
    expectError(await get(`/api/me/cases/${randomUUID()}/site-plan.pdf`, cookieA), 404, 'notFound');
    expectError(await get(`/api/me/cases/${caseId}/site-plan.pdf`), 401, 'unauthenticated');
    expectError(await get(`/api/me/cases/not-a-uuid/site-plan.pdf`, cookieA), 400, 'invalidInput');
  });

  it('gives an officer of the case’s team the plan, and another team what the case view gives it', async () => {
    expectPdf(await get(`/api/officer/cases/${caseId}/site-plan.pdf`, cookieOfficer), facts.propertyA.designation);
    const other = await get(`/api/officer/cases/${caseId}/site-plan.pdf`, cookieOtherTeam);
    expectError(other, 404, 'notFound');
    expect(other.statusCode).toBe((await get(`/api/officer/cases/${caseId}`, cookieOtherTeam)).statusCode);
    expectError(await get(`/api/officer/cases/${caseId}/site-plan.pdf`, cookieA), 403, 'forbidden');
    expectError(await get(`/api/officer/cases/${randomUUID()}/site-plan.pdf`, cookieOfficer), 404, 'notFound');
    expectError(await get(`/api/officer/cases/${caseId}/site-plan.pdf`), 401, 'unauthenticated');
  });

  it('draws a draft’s buildings for its owner', async () => {
    const draftId = await putDraft(cookieA, {
      step: 'map',
      propertyId: facts.propertyA.id,
      measure: 'outbuilding',
      footprints: [{ id: 'shed', measure: 'outbuilding', geometry: footprintIn(facts.propertyA, 5, 4) }],
    });
    const res = await get(`/api/drafts/${draftId}/site-plan.pdf`, cookieA);
    expectPdf(res, facts.propertyA.designation);
    const texts = await pdfTexts(res.rawPayload);
    expect(texts).toContain(facts.propertyA.designation);
    expect(texts).toContain('Komplementbyggnad');
    expect(texts).toContain('5,0 × 4,0 m');
    expectError(await get(`/api/drafts/${draftId}/site-plan.pdf`, cookieB), 404, 'notFound');
    expectError(await get(`/api/drafts/${draftId}/site-plan.pdf`), 401, 'unauthenticated');
  });

  it('refuses a draft without a property or without a usable building with 400 and the error shape', async () => {
    const empty = await putDraft(cookieA, { step: 'property' });
    const noProperty = await get(`/api/drafts/${empty}/site-plan.pdf`, cookieA);
    expectError(noProperty, 400, 'invalidInput');
    expect(noProperty.json().error).toMatchObject({ messageId: 'server.sitePlan.noProperty', message: /fastighet/i });

    const noBuilding = await putDraft(cookieA, { step: 'map', propertyId: facts.propertyA.id });
    expectError(await get(`/api/drafts/${noBuilding}/site-plan.pdf`, cookieA), 400, 'invalidInput');

    // An unclosed, two-corner "polygon" is not a building to draw.
    const broken = await putDraft(cookieA, {
      propertyId: facts.propertyA.id,
      footprints: [
        {
          id: 'x',
          measure: 'outbuilding',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [620_000, 6_650_000],
                [620_001, 6_650_001],
              ],
            ],
          },
        },
      ],
    });
    expectError(await get(`/api/drafts/${broken}/site-plan.pdf`, cookieA), 400, 'invalidInput');
  });

  it('documents the three routes in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    for (const path of [
      '/api/me/cases/{id}/site-plan.pdf',
      '/api/officer/cases/{id}/site-plan.pdf',
      '/api/drafts/{id}/site-plan.pdf',
    ]) {
      expect(Object.keys(doc.paths[path]?.get?.responses ?? {}), path).toContain('404');
    }
    expect(Object.keys(doc.paths['/api/drafts/{id}/site-plan.pdf']!.get!.responses)).toContain('400');
  });

  it('refuses a draft that points at someone else’s property', async () => {
    const draftId = await putDraft(cookieA, {
      propertyId: facts.propertyB.id,
      footprints: [{ id: 'g', measure: 'outbuilding', geometry: footprintIn(facts.propertyB) }],
    });
    expectError(await get(`/api/drafts/${draftId}/site-plan.pdf`, cookieA), 403, 'forbidden');
  });
});
