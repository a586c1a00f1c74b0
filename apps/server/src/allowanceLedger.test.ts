import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbox, polygonWithin, type Polygon } from '@lovisa/geo';
import { simIdentities } from '@lovisa/registry';
import {
  ApiErrorSchema,
  isDwelling,
  SavedAnswerSchema,
  type AllowanceLedger,
  type ApplicationSubmission,
  type CaseActor,
  type CaseCommand,
  type Property,
} from '@lovisa/domain';
import { bankidSimOrders, permitFreeMeasureAnswers, signOrders } from './db/schema';
import { caseRow, createCase } from './repositories/cases';
import { runCaseCommand } from './services/caseCommands';
import { createTestDatabase, dbKinds, type TestDatabase } from './test/databases';
import { ledgerEntriesOf, lockLedgerOf, recordLedgerRows } from './repositories/permitFreeAnswers';
import { login, startHarness, testApp, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
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
  const fits = await shedsBesideHouse(h, property, w, d);
  if (!fits[0]) throw new Error('no room beside the house');
  return fits[0];
}

/** Every side of the house where a w × d shed 1 m from it fits on the plot. */
async function shedsBesideHouse(h: Harness, property: Property, w: number, d: number): Promise<Polygon[]> {
  const site = await siteFor(h.app, property, false);
  const house = site.buildings.find((b) => isDwelling(b.use, 'anyResidential'))!;
  const [minE, minN, maxE, maxN] = bbox(house.footprint);
  const tries = [
    square(maxE + 1, minN, w, d),
    square(minE - 1 - w, minN, w, d),
    square(minE, maxN + 1, w, d),
    square(minE, minN - 1 - d, w, d),
  ];
  return tries.filter((p) => polygonWithin(p, property.boundary));
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
    expect(res.statusCode, res.body).toBe(409);
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

  it('lets no two saves at once both take what is left of the allowance (the property is locked)', async () => {
    const before = (await ledger()).json() as AllowanceLedger;
    const pott = before.balances.find((b) => b.id === 'pott')!;
    // Each shed fits into what is left on its own; any two together do not.
    const side = Math.min(3.5, Math.sqrt(pott.remainingM2 * 0.6));
    const taken = before.entries.map((e) => bbox(e.footprint));
    const free = (await shedsBesideHouse(h, property, side, side)).filter((p) => {
      const [minE, minN, maxE, maxN] = bbox(p);
      return taken.every(([a, b, c, d]) => maxE <= a || minE >= c || maxN <= b || minN >= d);
    });
    expect(free.length, 'two free sides of the house').toBeGreaterThanOrEqual(2);
    expect(side * side * 2).toBeGreaterThan(pott.remainingM2);
    const answers = await Promise.all(
      free.map((shed) => save({ measure: 'outbuilding', footprints: [shed], ridgeHeightM: 3 })),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(
      codes.filter((c) => c === 201),
      answers.map((a) => a.body).join('\n'),
    ).toHaveLength(1);
    expect(codes.filter((c) => c !== 201).every((c) => c === 409)).toBe(true);
    const after = (await ledger()).json() as AllowanceLedger;
    const used = after.balances.find((b) => b.id === 'pott')!;
    expect(used.usedM2).toBeLessThanOrEqual(used.limitM2);
    expect(after.entries).toHaveLength(before.entries.length + 1);
  });

  it('saves a building once: the same drawing again is refused, not counted twice', async () => {
    const { entries } = (await ledger()).json() as AllowanceLedger;
    const again = await save({ measure: 'outbuilding', footprints: [entries[0]!.footprint], ridgeHeightM: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageId).toBe('ledger.overlapsEntry');
    expect(((await ledger()).json() as AllowanceLedger).entries).toHaveLength(entries.length);
  });
});

// The lock itself, on a server where two transactions really run at once (PGlite has one connection, and runs
// transactions one after the other anyway): a second save waits at the lock until the first has committed, and
// then reads its entry. No timing: the test lets the first commit only once PostgreSQL shows the second waiting.
describe.skipIf(!dbKinds.includes('postgres'))('the ledger lock on postgres', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('makes a second save wait for the first and judge with its entry', async () => {
    const { db } = test.database;
    const propertyId = randomUUID();
    let inserted!: () => void;
    const firstInserted = new Promise<void>((r) => (inserted = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const first = db.transaction(async (tx) => {
      await lockLedgerOf(tx, propertyId);
      await recordLedgerRows(tx, [row(propertyId)]);
      inserted();
      await released;
    });
    await firstInserted;
    let secondDone = false;
    const second = db
      .transaction(async (tx) => {
        await lockLedgerOf(tx, propertyId);
        return (await ledgerEntriesOf(tx, propertyId)).length;
      })
      .finally(() => (secondDone = true));
    // Until the second waits at the lock (or, without one, has already read past it).
    for (;;) {
      const waiting = (await db.execute(
        sql`select 1 from pg_locks where locktype = 'advisory' and not granted`,
      )) as unknown as { rows: unknown[] };
      if (waiting.rows.length > 0 || secondDone) break;
      await new Promise((r) => setImmediate(r));
    }
    release();
    await first;
    expect(await second).toBe(1);
  });
});

function row(propertyId: string) {
  const square: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [619780, 6649975],
        [619783, 6649975],
        [619783, 6649978],
        [619780, 6649978],
        [619780, 6649975],
      ],
    ],
  };
  return {
    id: randomUUID(),
    answerId: randomUUID(),
    propertyId,
    savedBy: '198202029289',
    source: 'lovisaAnswer',
    ruleSetId: 'pbl-2025-12-01',
    measure: 'outbuilding',
    legalBasis: 'exempt',
    footprint: square,
    areaM2: 9,
    answers: {},
    createdAt: new Date(),
  };
}

describe.each(dbKinds)('a saved no-permit answer signed with BankID on %s', (kind) => {
  let h: Harness;
  let cookieA: string;
  let cookieB: string;
  let cookieOfficer: string;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let answerId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    cookieB = await login(h, facts.applicantB);
    cookieOfficer = await login(h, facts.officer);
    const shed = await shedBesideHouse(h, facts.propertyA, 3, 3);
    const saved = await h.app.inject({
      method: 'POST',
      url: `/api/properties/${facts.propertyA.id}/permit-free-answers`,
      headers: { cookie: cookieA },
      payload: { measure: 'outbuilding', footprints: [shed], ridgeHeightM: 3 },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    answerId = saved.json().answerId;
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const read = async (cookie = cookieA) => SavedAnswerSchema.parse((await as(cookie, 'GET', answerUrl())).json());
  const answerUrl = (suffix = '') => `/api/permit-free-answers/${answerId}${suffix}`;

  it('refuses to sign for someone who does not own the property, as a structured 403', async () => {
    const res = await as(cookieB, 'POST', answerUrl('/sign'));
    expect(res.statusCode).toBe(403);
    expect(ApiErrorSchema.parse(res.json()).error.messageId).toBe('ledger.notOwner');
    expect((await as(cookieB, 'GET', answerUrl())).statusCode).toBe(403);
    expect((await as(cookieA, 'POST', `/api/permit-free-answers/${randomUUID()}/sign`)).statusCode).toBe(404);
  });

  it('signs the SHA-256 of the canonical answer, shows a Swedish summary, and records who and when', async () => {
    const before = await read();
    expect(before.signature).toBeNull();
    expect(before.verified).toBeNull();
    expect(createHash('sha256').update(before.canonical).digest('hex')).toBe(before.sha256);
    const canonical = JSON.parse(before.canonical);
    expect(canonical).toMatchObject({ answerId, ruleSetId: before.ruleSetId, measure: 'outbuilding' });
    expect(canonical.answers.outcome).toBe('none');
    expect(canonical.footprints).toHaveLength(1);

    const start = await as(cookieA, 'POST', answerUrl('/sign'));
    expect(start.statusCode, start.body).toBe(202);
    const { orderRef } = start.json() as { orderRef: string };
    const [order] = await h.app.db.select().from(bankidSimOrders).where(eq(bankidSimOrders.orderRef, orderRef));
    expect(Buffer.from(order!.userNonVisibleData!, 'base64').toString()).toBe(before.sha256);
    const shown = Buffer.from(order!.userVisibleData!, 'base64').toString();
    expect(shown).toContain(`komplementbyggnad om 9 m² på ${facts.propertyA.designation}`);
    expect(shown).toContain('varken bygglov eller anmälan behövs');
    expect((await as(cookieA, 'GET', answerUrl(`/sign/${orderRef}/qr`))).statusCode).toBe(200);

    expect((await testApp(h).approve(orderRef, facts.applicantA)).status).toBeLessThan(400);
    const done = await as(cookieA, 'POST', answerUrl('/sign/collect'), { orderRef });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('complete');

    const after = await read();
    expect(after.signature).toMatchObject({ sha256: before.sha256 });
    expect(after.signature!.signedBy).toMatch(/\S/);
    expect(after.signature!.signedAt).toBe(h.app.clock().toISOString());
    expect(after.verified).toBe(true);
    // An officer (supervision) reads it and can verify it too.
    expect((await read(cookieOfficer)).verified).toBe(true);
  });

  it('refuses a second signature of the same answer', async () => {
    const again = await as(cookieA, 'POST', answerUrl('/sign'));
    expect(again.statusCode).toBe(409);
    expect(ApiErrorSchema.parse(again.json()).error.messageId).toBe('ledger.alreadySigned');
  });

  it('lets a later reader see when the stored answer no longer matches what was signed', async () => {
    await h.app.db.execute(
      sql`update permit_free_answers set answers = jsonb_set(answers, '{ridgeHeightM}', '4') where answer_id = ${answerId}`,
    );
    const tampered = await read();
    expect(tampered.verified).toBe(false);
    expect(tampered.sha256).not.toBe(tampered.signature!.sha256);
  });
});

/**
 * Earlier notifications (issue #23): a notification case Lovisa handled on the plot, created as a submission does
 * and decided through the real domain commands, puts its buildings on the ledger once it has a start approval.
 */
describe.each(dbKinds)('earlier notifications on the ledger on %s', (kind) => {
  let h: Harness;
  let cookieA: string;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let officer: CaseActor;
  let applicant: { personnummer: string; name: string };
  beforeAll(async () => {
    h = await startHarness(kind);
    facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    applicant = { personnummer: facts.applicantA, name: 'Sökande Test' };
    officer = { role: 'officer', personnummer: facts.officer, name: 'Handläggare Test', teamLead: false };
  });
  afterAll(async () => {
    await h?.close();
  });

  const property = () => facts.propertyA;
  const ledger = async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/properties/${property().id}/allowance-ledger`,
      headers: { cookie: cookieA },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AllowanceLedger;
  };
  const pottOf = (l: AllowanceLedger) => l.balances.find((b) => b.id === 'pott')!;

  /** A komplementbostadshus notified for `footprint`, then moved through `commands` by officer or applicant. */
  async function notification(footprint: Polygon, commands: Unversioned[]): Promise<string> {
    const orderRef = randomUUID();
    const application: ApplicationSubmission = {
      ...applicationFor(property()),
      measure: 'smallDwelling',
      footprints: [{ id: 'b1', measure: 'smallDwelling', geometry: footprint }],
    };
    const receivedAt = h.app.clock();
    await h.app.db.insert(signOrders).values({
      orderRef,
      personnummer: applicant.personnummer,
      application,
      propertyDesignation: property().designation,
      qrStartToken: 'test',
      qrStartSecret: 'test',
      createdAt: receivedAt,
    });
    const created = await createCase(h.app.db, {
      application,
      applicant,
      propertyDesignation: property().designation,
      routing: { teamId: 'bygglov', reason: 'test' },
      assessment: {
        ruleSetId: 'pbl-2025-12-01',
        procedure: 'notification',
        reasons: [],
        conditions: [],
        deviation: false,
        confirmWithMunicipality: false,
        advice: [],
        decisionDeadline: '2027-01-15',
      },
      receivedAt,
      signed: { orderRef, signature: 'sig', ocspResponse: 'ocsp', bankIdIssueDate: '2025-01-01' },
    });
    for (const command of commands) {
      const row = (await caseRow(h.app.db, created.id))!;
      const actor: CaseActor = command.type === 'withdraw' ? { role: 'applicant', ...applicant } : officer;
      await runCaseCommand(h.app, row, { ...command, version: row.version } as CaseCommand, actor);
    }
    return created.id;
  }
  const startApproved = (f: Polygon) => notification(f, [{ type: 'giveStartApproval', note: null }]);

  it('counts three start-approved notifications, not a refused, withdrawn or open one, and the fourth answer needs a permit', async () => {
    const before = pottOf(await ledger());
    const sides = await shedsBesideHouse(h, property(), 2, 2);
    expect(sides.length, 'three sides of the house with room').toBeGreaterThanOrEqual(3);
    // Three notified buildings leave 3 m²: a 4 m² shed on the first side is then over the allowance.
    const each = (before.remainingM2 - 3) / 3;
    expect(each, 'room in the allowance for three buildings').toBeGreaterThan(1);
    const fourth = sides[0]!;
    const a = scaledTo(sides[1]!, each);
    const b = scaledTo(sides[2]!, each);
    const [, minN, , maxN] = bbox(b);
    const c = shifted(b, maxN - minN + 1);
    // Not counted: a refusal, a withdrawal, one still waiting for its start approval.
    await notification(a!, [
      { type: 'decide', outcome: 'refused', reason: 'Åtgärden kräver bygglov.', conditions: [] },
    ]);
    await notification(b!, [{ type: 'withdraw' }]);
    await notification(c!, []);
    expect((await ledger()).entries).toEqual([]);

    const ids = [await startApproved(a!), await startApproved(b!), await startApproved(c!)];
    const after = await ledger();
    expect(after.entries.map((e) => [e.source, e.legalBasis, e.caseId, e.measure])).toEqual(
      ids.map((id) => ['notification', 'attefall', id, 'smallDwelling']),
    );
    after.entries.forEach((e) => expect(e.areaM2).toBeCloseTo(each, 1));
    const pott = pottOf(after);
    expect(pott.usedM2).toBeCloseTo(before.usedM2 + 3 * each, 1);
    expect(pott.remainingM2).toBeCloseTo(3, 1);
    expect(pott.parts.filter((p) => p.source === 'notification')).toHaveLength(3);

    const refused = await h.app.inject({
      method: 'POST',
      url: `/api/properties/${property().id}/permit-free-answers`,
      headers: { cookie: cookieA },
      payload: { measure: 'outbuilding', footprints: [fourth], ridgeHeightM: 3 },
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.issues.map((i: { path: string }) => i.path)).toContain('rules.ALLOWANCE_EXCEEDED');
    // A smaller one within the 3 m² left is saved beside them.
    const small = scaledTo(fourth, 2);
    const saved = await h.app.inject({
      method: 'POST',
      url: `/api/properties/${property().id}/permit-free-answers`,
      headers: { cookie: cookieA },
      payload: { measure: 'outbuilding', footprints: [small], ridgeHeightM: 3 },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const last = saved.json().ledger as AllowanceLedger;
    expect(last.entries.map((e) => e.source)).toEqual(['notification', 'notification', 'notification', 'lovisaAnswer']);
    expect(pottOf(last).remainingM2).toBeCloseTo(1, 1);
  });

  it.runIf(kind === 'postgres')('makes a save wait for a start approval given at the same instant', async () => {
    const sides = await shedsBesideHouse(h, property(), 1, 1);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    // Stands in for a save holding the plot's ledger: the start approval must wait for it.
    const holder = h.app.db.transaction(async (tx) => {
      await lockLedgerOf(tx, property().id);
      locked();
      await released;
    });
    await lockTaken;
    let approved = false;
    const approval = startApproved(sides[0]!).finally(() => (approved = true));
    for (;;) {
      const waiting = (await h.app.db.execute(
        sql`select 1 from pg_locks where locktype = 'advisory' and not granted`,
      )) as unknown as { rows: unknown[] };
      if (waiting.rows.length > 0 || approved) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(approved, 'the start approval waited for the ledger').toBe(false);
    release();
    await holder;
    const id = await approval;
    expect((await ledger()).entries.map((e) => e.caseId)).toContain(id);
  });
});

type Unversioned = CaseCommand extends infer C ? (C extends unknown ? Omit<C, 'version'> : never) : never;

/** The polygon moved `dn` metres north. */
const shifted = (p: Polygon, dn: number): Polygon => ({
  type: 'Polygon',
  coordinates: p.coordinates.map((ring) => ring.map(([e, n]) => [e!, n! + dn])),
});

/** The polygon shrunk (or grown) about its first corner to `areaM2`, as an axis-aligned rectangle. */
function scaledTo(p: Polygon, areaM2: number): Polygon {
  const [minE, minN, maxE, maxN] = bbox(p);
  const k = Math.sqrt(areaM2 / ((maxE - minE) * (maxN - minN)));
  return square(minE, minN, (maxE - minE) * k, (maxN - minN) * k);
}

/**
 * A measure beyond buildings (issue #23): a plank drawn on the map, its answer saved and signed as a building's
 * is, but taking no part of the plot's allowance.
 */
describe.each(dbKinds)('a no-permit answer for a plank, saved and signed, on %s', (kind) => {
  let h: Harness;
  let cookieA: string;
  let cookieB: string;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  beforeAll(async () => {
    h = await startHarness(kind);
    facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    cookieB = await login(h, facts.applicantB);
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const saveMeasure = (payload: object, cookie = cookieA) =>
    as(cookie, 'POST', `/api/properties/${facts.propertyA.id}/permit-free-measure-answers`, payload);
  const ledger = async () =>
    (await as(cookieA, 'GET', `/api/properties/${facts.propertyA.id}/allowance-ledger`)).json() as AllowanceLedger;

  /** A 3 m screen 1 m out from the house's east (or west) wall, where the plot has room. */
  async function screenBesideHouse() {
    const site = await siteFor(h.app, facts.propertyA, false);
    const house = site.buildings.find((b) => isDwelling(b.use, 'anyResidential'))!;
    const [minE, minN, maxE] = bbox(house.footprint);
    const [east, west] = [maxE + 1, minE - 1];
    const e = polygonWithin(square(east, minN, 0.1, 3), facts.propertyA.boundary) ? east : west;
    return {
      type: 'LineString' as const,
      coordinates: [
        [e, minN],
        [e, minN + 3],
      ] as [number, number][],
    };
  }

  it('saves the answer with the distances measured from the drawing, and leaves the allowance as it was', async () => {
    const before = await ledger();
    const drawing = await screenBesideHouse();
    // Typed distances that the drawing overrules: the house is 1 m away, not 30.
    const typed = { heightM: 1.8, distanceFromHouseM: 30, distanceToBoundaryM: 99, distanceToPublicLandM: 50 };
    const res = await saveMeasure({ measure: 'fence', facts: { ...typed, neighbourConsent: true }, drawing });
    expect(res.statusCode, res.body).toBe(201);
    const { answerId, outcome } = res.json() as { answerId: string; outcome: string };
    expect(outcome).toBe('none');
    const after = await ledger();
    expect(after.entries).toEqual(before.entries);
    expect(after.balances).toEqual(before.balances);

    const read = SavedAnswerSchema.parse((await as(cookieA, 'GET', `/api/permit-free-answers/${answerId}`)).json());
    expect(read).toMatchObject({ measure: 'fence', outcome: 'none', footprints: [], areaM2: 0, drawing });
    expect(read.ruleSetId).toBe('pbl-2025-12-01');
    const stored = read.answers as { facts: Record<string, number>; reasons: string[] };
    expect(stored.facts.distanceFromHouseM).toBe(1);
    expect(stored.facts.distanceToBoundaryM).not.toBe(99);
    expect(stored.facts.heightM).toBe(1.8);
    const canonical = JSON.parse(read.canonical);
    expect(canonical).toMatchObject({ answerId, measure: 'fence', drawing, footprints: [] });
    expect(createHash('sha256').update(read.canonical).digest('hex')).toBe(read.sha256);

    // Signed with BankID as a building's answer is.
    const start = await as(cookieA, 'POST', `/api/permit-free-answers/${answerId}/sign`);
    expect(start.statusCode, start.body).toBe(202);
    const { orderRef } = start.json() as { orderRef: string };
    const [order] = await h.app.db.select().from(bankidSimOrders).where(eq(bankidSimOrders.orderRef, orderRef));
    expect(Buffer.from(order!.userNonVisibleData!, 'base64').toString()).toBe(read.sha256);
    const shown = Buffer.from(order!.userVisibleData!, 'base64').toString();
    expect(shown).toContain(`för åtgärden plank på ${facts.propertyA.designation} varken bygglov eller anmälan behövs`);
    expect(shown).toContain('räknas inte i tomtens pott');
    expect((await testApp(h).approve(orderRef, facts.applicantA)).status).toBeLessThan(400);
    const done = await as(cookieA, 'POST', `/api/permit-free-answers/${answerId}/sign/collect`, { orderRef });
    expect(done.json().status, done.body).toBe('complete');
    const signed = SavedAnswerSchema.parse((await as(cookieA, 'GET', `/api/permit-free-answers/${answerId}`)).json());
    expect(signed.signature?.sha256).toBe(read.sha256);
    expect(signed.verified).toBe(true);
    expect((await as(cookieB, 'GET', `/api/permit-free-answers/${answerId}`)).statusCode).toBe(403);
  });

  it('saves solar panels on the roof without a drawing', async () => {
    const res = await saveMeasure({
      measure: 'solarPanels',
      facts: { followsRoofShape: true, oneOrTwoFamily: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    const read = SavedAnswerSchema.parse(
      (await as(cookieA, 'GET', `/api/permit-free-answers/${res.json().answerId}`)).json(),
    );
    expect(read).toMatchObject({ measure: 'solarPanels', drawing: null, footprints: [] });
  });

  it('refuses a plank that needs a permit, a stranger and bad input', async () => {
    const high = await saveMeasure({ measure: 'fence', facts: { heightM: 2.5 }, drawing: await screenBesideHouse() });
    expect(high.statusCode, high.body).toBe(409);
    expect(ApiErrorSchema.parse(high.json()).error.messageId).toBe('finding.PERMIT_REQUIRED');
    const stranger = await saveMeasure({ measure: 'fence', facts: { heightM: 1 } }, cookieB);
    expect(stranger.statusCode).toBe(403);
    const bad = await saveMeasure({ measure: 'fence', facts: { heightM: -1 }, drawing: { type: 'LineString' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalidInput');
  });

  it('saves no answer that still waits for a fact: a 409 that names it, and nothing stored', async () => {
    // Outside a plan, demolishing needs a notification for a main building and nothing for a shed: until the owner
    // says which, the answer is the safe side's (a notification) and provisional.
    let outside: { personnummer: string; propertyId: string } | undefined;
    for (const { personalNumber } of await simIdentities(h.registers)) {
      const [id] = await h.registers.ownership.propertyIdsOwnedBy(personalNumber);
      const property = id ? await h.registers.land.propertyById(id) : null;
      if (property && property.planIds.length === 0) outside = { personnummer: personalNumber, propertyId: id! };
      if (outside) break;
    }
    expect(outside, 'a fixture owner of a plot outside any plan').toBeDefined();
    const cookie = await login(h, outside!.personnummer);
    const url = `/api/properties/${outside!.propertyId}/permit-free-measure-answers`;
    const stored = async () => (await h.app.db.select().from(permitFreeMeasureAnswers)).length;
    const before = await stored();
    const waiting = await as(cookie, 'POST', url, { measure: 'demolition', facts: {} });
    expect(waiting.statusCode, waiting.body).toBe(409);
    const error = ApiErrorSchema.parse(waiting.json()).error;
    expect(error.messageId).toBe('ledger.factsMissing');
    expect(error.message).toBe('Svaret kan inte sparas förrän alla frågor är besvarade.');
    expect(error.issues).toEqual([
      { path: 'facts.demolishes', message: 'Svara på den här frågan.', messageId: 'ledger.factUnanswered' },
    ]);
    expect(await stored()).toBe(before);
    // With the fact given (a shed), the same answer is saved.
    const shed = await as(cookie, 'POST', url, { measure: 'demolition', facts: { demolishes: 'outbuilding' } });
    expect(shed.statusCode, shed.body).toBe(201);
    expect(shed.json().outcome).toBe('none');
  });
});
