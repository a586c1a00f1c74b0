import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attachments, consentInvitations } from './db/schema';
import { dbKinds } from './test/databases';
import { login, startHarness, testPdf, uploadTo, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

type FixtureFacts = Awaited<ReturnType<typeof fixtureFacts>>;

/** Autosaves race: a save that arrives after a newer one must not overwrite it. */
describe.each(dbKinds)('concurrent autosaves on %s', (kind) => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    cookie = await login(h, (await fixtureFacts(h.registers)).applicantA);
  });
  afterAll(async () => {
    await h?.close();
  });

  const put = (id: string, revision: number, step: string) =>
    h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${id}`,
      headers: { cookie },
      payload: { data: { step }, revision },
    });
  const stored = async (id: string) =>
    (
      (await h.app.inject({ method: 'GET', url: '/api/drafts', headers: { cookie } })).json() as {
        id: string;
        data: { step: string };
      }[]
    ).find((d) => d.id === id)!.data.step;

  it('a late, older save changes nothing, and says what is kept', async () => {
    const id = '9a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c6d';
    expect((await put(id, 10, 'details')).statusCode).toBe(200);
    const late = await put(id, 9, 'map');
    expect(late.statusCode).toBe(200);
    expect(late.json().data.step).toBe('details');
    expect(await stored(id)).toBe('details');
    expect((await put(id, 11, 'attachments')).json().data.step).toBe('attachments');
  });

  it('twenty saves at once, in any order: the newest stays', async () => {
    const id = '9a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c6e';
    await put(id, 1, 'step-1');
    const order = [14, 3, 20, 7, 11, 2, 19, 5, 16, 9, 12, 4, 18, 6, 15, 8, 13, 10, 17, 1];
    const answers = await Promise.all(order.map((r) => put(id, r + 1, `step-${r + 1}`)));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(await stored(id)).toBe('step-21');
  });
});

describe.each(dbKinds)('autosave and ownership on %s', (kind) => {
  let h: Harness;
  let cookieA: string;
  let cookieB: string;
  let facts: FixtureFacts;
  beforeAll(async () => {
    h = await startHarness(kind);
    facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    cookieB = await login(h, facts.applicantB);
  });
  afterAll(async () => {
    await h?.close();
  });

  const put = (cookie: string, id: string, step: string, revision?: number) =>
    h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${id}`,
      headers: { cookie },
      payload: { data: { step }, ...(revision === undefined ? {} : { revision }) },
    });
  const mine = async (cookie: string) =>
    (await h.app.inject({ method: 'GET', url: '/api/drafts', headers: { cookie } })).json() as {
      id: string;
      data: { step: string };
    }[];

  it('creates, then saves in one statement, with or without a revision, and answers with what is stored', async () => {
    const id = '7c1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c70';
    const created = await put(cookieA, id, 'property');
    expect(created.statusCode).toBe(200);
    const saved = await put(cookieA, id, 'measure');
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ id, data: { step: 'measure' } });
    expect(new Date(saved.json().updatedAt).getTime()).not.toBeNaN();
    expect((await put(cookieA, id, 'map', 5)).json().data.step).toBe('map');
    expect((await mine(cookieA)).find((d) => d.id === id)?.data.step).toBe('map');
  });

  it("another person's draft id answers 404 and leaves their draft as it was", async () => {
    const id = '7c1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c71';
    expect((await put(cookieA, id, 'details', 1)).statusCode).toBe(200);
    const foreign = await put(cookieB, id, 'map', 2);
    expect(foreign.statusCode).toBe(404);
    expect((await put(cookieB, id, 'map')).statusCode).toBe(404);
    expect((await mine(cookieA)).find((d) => d.id === id)?.data.step).toBe('details');
    expect((await mine(cookieB)).some((d) => d.id === id)).toBe(false);
  });

  it('the owner deletes a draft with its files; a neighbour invited to consent finds it withdrawn', async () => {
    const id = '7c1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c72';
    const drawn = applicationFor(facts.propertyA);
    const data = {
      step: 'attachments',
      propertyId: drawn.propertyId,
      measure: drawn.measure,
      footprints: drawn.footprints,
    };
    expect(
      (await h.app.inject({ method: 'PUT', url: `/api/drafts/${id}`, headers: { cookie: cookieA }, payload: { data } }))
        .statusCode,
    ).toBe(200);
    expect((await uploadTo(h, cookieA, id, 'type=FAS', 'fasad.pdf', testPdf('fasad'))).statusCode).toBe(201);
    const [neighbour] = await h.registers.land.neighbourIdsOf(facts.propertyA.id);
    const invited = await h.app.inject({
      method: 'POST',
      url: `/api/drafts/${id}/consents`,
      headers: { cookie: cookieA },
      payload: { neighbourPropertyId: neighbour },
    });
    expect(invited.statusCode).toBe(201);
    const del = (cookie: string) => h.app.inject({ method: 'DELETE', url: `/api/drafts/${id}`, headers: { cookie } });

    // Someone else's id answers as if there were none, and deletes nothing.
    expect((await del(cookieB)).statusCode).toBe(404);
    expect((await mine(cookieA)).some((d) => d.id === id)).toBe(true);

    expect((await del(cookieA)).statusCode).toBe(204);
    expect((await mine(cookieA)).some((d) => d.id === id)).toBe(false);
    const rows = await h.testDb.database.db.select().from(attachments).where(eq(attachments.draftId, id));
    expect(rows).toEqual([]);
    const [invitation] = await h.testDb.database.db
      .select()
      .from(consentInvitations)
      .where(eq(consentInvitations.draftId, id));
    expect(invitation?.withdrawnAt).toBeInstanceOf(Date);
    // Gone is gone: a second delete finds nothing.
    expect((await del(cookieA)).statusCode).toBe(404);
  });
});
