import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbox, polygonWithin, type Polygon } from '@lovisa/geo';
import { isDwelling, type AllowanceLedger, type Property } from '@lovisa/domain';
import { dbKinds } from './test/databases';
import { login, startHarness, type Harness } from './test/harness';
import { fixtureFacts } from './test/fixtureFacts';
import { siteFor } from './rules/siteFor';

const square = (e: number, n: number, w: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [e, n],
      [e + w, n],
      [e + w, n + d],
      [e, n + d],
      [e, n],
    ],
  ],
});

/** A w × d shed 1 m beside the house, on whichever side of it the plot has room. */
async function shedBesideHouse(h: Harness, property: Property, w: number, d: number): Promise<Polygon> {
  const site = await siteFor(h.app, property, false);
  const house = site.buildings.find((b) => isDwelling(b.use, 'anyResidential'))!;
  const [minE, minN, maxE, maxN] = bbox(house.footprint);
  const tries = [
    square(maxE + 1, minN, w, d),
    square(minE - 1 - w, minN, w, d),
    square(minE, maxN + 1, w, d),
    square(minE, minN - 1 - d, w, d),
  ];
  const fits = tries.find((p) => polygonWithin(p, property.boundary));
  if (!fits) throw new Error('no room beside the house');
  return fits;
}

describe.each(dbKinds)('the allowance ledger on %s', (kind) => {
  let h: Harness;
  let cookieA: string;
  let cookieB: string;
  let property: Property;
  beforeAll(async () => {
    h = await startHarness(kind);
    const facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    cookieB = await login(h, facts.applicantB);
    property = facts.propertyA;
  });
  afterAll(async () => {
    await h?.close();
  });

  const ledger = async (cookie = cookieA) =>
    h.app.inject({ method: 'GET', url: `/api/properties/${property.id}/allowance-ledger`, headers: { cookie } });
  const save = (payload: unknown, cookie = cookieA) =>
    h.app.inject({
      method: 'POST',
      url: `/api/properties/${property.id}/permit-free-answers`,
      headers: { cookie },
      payload: payload as object,
    });

  it('saves a permit-free answer, and the next answer is judged with it counted', async () => {
    const before = (await ledger()).json() as AllowanceLedger;
    const pott = before.balances.find((b) => b.id === 'pott')!;
    expect(before.entries).toEqual([]);
    const shed = await shedBesideHouse(h, property, 3, 3);
    const saved = await save({ measure: 'outbuilding', footprints: [shed], ridgeHeightM: 3 });
    expect(saved.statusCode, saved.body).toBe(201);
    const after = saved.json().ledger as AllowanceLedger;
    expect(after.entries).toHaveLength(1);
    expect(after.entries[0]).toMatchObject({ source: 'lovisaAnswer', legalBasis: 'exempt', areaM2: 9 });
    const now = after.balances.find((b) => b.id === 'pott')!;
    expect(now.usedM2).toBe(pott.usedM2 + 9);
    expect(now.remainingM2).toBe(Math.max(0, pott.remainingM2 - 9));
    expect(((await ledger()).json() as AllowanceLedger).entries).toHaveLength(1);
  });

  it('refuses to save an answer that needs a permit, as a structured 409', async () => {
    const big = await shedBesideHouse(h, property, 6, 6);
    const res = await save({ measure: 'outbuilding', footprints: [big], ridgeHeightM: 3 });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.error.code).toBe('conflict');
    expect(body.error.message).toBe('Du behöver söka bygglov.');
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain('rules.AREA_OVER_LIMIT');
    expect(((await ledger()).json() as AllowanceLedger).entries).toHaveLength(1);
  });

  it('turns bad input into a 400, never a 500', async () => {
    expect((await save({ measure: 'spaceship', footprints: [], ridgeHeightM: -1 })).statusCode).toBe(400);
    const broken = await save({
      measure: 'outbuilding',
      footprints: [{ type: 'Polygon', coordinates: [] }],
      ridgeHeightM: 3,
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalidInput');
    // A body that is not JSON is refused as such (the API speaks JSON only).
    expect((await save('not json')).statusCode).toBe(415);
  });

  it('lets only an owner see and save', async () => {
    expect((await ledger(cookieB)).statusCode).toBe(403);
    const shed = await shedBesideHouse(h, property, 2, 2);
    expect((await save({ measure: 'outbuilding', footprints: [shed], ridgeHeightM: 3 }, cookieB)).statusCode).toBe(403);
  });
});
