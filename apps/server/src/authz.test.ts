import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { addDays, stockholmDate, workingDayFrom } from '@lovisa/domain';
import {
  attachments,
  caseAfterPermit,
  committeeMeetings,
  decisionAnnouncements,
  bankidSimOrders,
  decisionDeliveries,
  permitFreeAnswerSignatures,
  permitFreeAnswers,
  powerSignOrders,
} from './db/schema';
import { insertConsultation } from './repositories/consultations';
import { sha256 } from './services/consent';
import {
  startHarness,
  login,
  submitSigned,
  multipartFile,
  testPdf,
  uploadTo,
  withDrawings,
  type Harness,
} from './test/harness';
import { applicationFor, fixtureFacts, footprintIn } from './test/fixtureFacts';
import { kioskLogin } from './test/kioskLogin';
import { letterWithCode, markHeard } from './test/hearing';
import { givePower } from './test/powers';

/**
 * The authorization matrix: every Lovisa route × every kind of caller, with the expected status. A route
 * added without a row here fails the last test.
 *
 * Kiosk sessions (issue 9) are two more callers: applicant A logged in at a town-hall kiosk (`kioskA`: may do
 * all that A may) and officer X logged in at a kiosk (`kioskOfficerX`: a visitor like any other, never an
 * officer — as applicant B wherever A's things are concerned, 403 on every officer route). A kiosk-only
 * server answers 404 on the officer routes to everyone (kiosk.test.ts).
 */
const roles = [
  'anonymous',
  'applicantA',
  'applicantB',
  'officerX',
  'officerY',
  'teamLead',
  'kioskA',
  'kioskOfficerX',
] as const;
type Role = (typeof roles)[number];
type Expect = Record<Role, number>;
const kioskRoles: Partial<Record<Role, 'kiosk'>> = { kioskA: 'kiosk', kioskOfficerX: 'kiosk' };

const all = (status: number): Expect => ({
  anonymous: status,
  applicantA: status,
  applicantB: status,
  officerX: status,
  officerY: status,
  teamLead: status,
  kioskA: status,
  kioskOfficerX: status,
});
const signedIn = (status: number): Expect => ({ ...all(status), anonymous: 401 });
const onlyA = (status: number, others = 404): Expect => ({ ...signedIn(others), applicantA: status, kioskA: status });
// Another team's officer gets what an unknown case id gets: 404, so a case's existence stays within its team.
const officersOfTeam = (status: number): Expect => ({
  anonymous: 401,
  applicantA: 403,
  applicantB: 403,
  officerX: status,
  officerY: 404,
  teamLead: status,
  kioskA: 403,
  kioskOfficerX: 403,
});

interface Ctx {
  h: Harness;
  facts: Awaited<ReturnType<typeof fixtureFacts>>;
  cookieA: string;
  /** A case of applicant A, in team X. */
  caseId: string;
  /** A draft of applicant A's, and a file attached to A's case. */
  draftId: string;
  caseAttachmentId: string;
}
interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  /** For a body that is not JSON (a multipart upload). */
  contentType?: string;
  /** A fresh session of the caller (for calls that end it). */
  freshSession?: boolean;
  cleanup?: () => Promise<void>;
}
interface Row {
  method: string;
  route: string;
  expect: Expect;
  call(ctx: Ctx): Promise<Call>;
}

async function startSign(ctx: Ctx): Promise<string> {
  const payload = await withDrawings(ctx.h, ctx.cookieA, applicationFor(ctx.facts.propertyA));
  const res = await ctx.h.app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { cookie: ctx.cookieA },
    payload,
  });
  return res.json().orderRef as string;
}
const cancelSign = (ctx: Ctx, orderRef: string) => async () => {
  await ctx.h.app.inject({
    method: 'POST',
    url: '/api/applications/sign/cancel',
    headers: { cookie: ctx.cookieA },
    payload: { orderRef },
  });
};

// Issue 19, a neighbour's consent: A invites the owners of a property next to A's draft. No caller of the matrix
// owns that property, so every neighbour route refuses them all (the owner's own 200s are in consent.test.ts).
/** A saved "no permit needed" answer on A's plot (a 1 × 1 m shed), unsigned, written straight to the ledger. */
const LEDGER_ANSWER = '5d1e4c3b-2a19-4f08-9e7d-6c5b4a392817';
async function savedAnswerOfA(ctx: Ctx): Promise<string> {
  await ctx.h.app.db.delete(permitFreeAnswerSignatures);
  await ctx.h.app.db
    .insert(permitFreeAnswers)
    .values({
      id: LEDGER_ANSWER,
      answerId: LEDGER_ANSWER,
      propertyId: ctx.facts.propertyA.id,
      savedBy: ctx.facts.applicantA,
      source: 'lovisaAnswer',
      ruleSetId: 'pbl-2025-12-01',
      measure: 'outbuilding',
      legalBasis: 'exempt',
      footprint: footprintIn(ctx.facts.propertyA, 1, 1),
      areaM2: 1,
      answers: { measure: 'outbuilding', ridgeHeightM: 2.5, outcome: 'none', reasons: [], conditions: [], tiers: [] },
      createdAt: ctx.h.app.clock(),
    })
    .onConflictDoNothing();
  return LEDGER_ANSWER;
}

async function inviteNeighbour(ctx: Ctx): Promise<{ code: string; id: string }> {
  const [neighbour] = await ctx.h.registers.land.neighbourIdsOf(ctx.facts.propertyA.id);
  const res = await ctx.h.app.inject({
    method: 'POST',
    url: `/api/drafts/${ctx.draftId}/consents`,
    headers: { cookie: ctx.cookieA },
    payload: { neighbourPropertyId: neighbour },
  });
  const body = res.json() as { code: string; invitation: { id: string } };
  return { code: body.code, id: body.invitation.id };
}
const consentRows: Row[] = [
  {
    method: 'POST',
    route: '/api/drafts/:id/consents',
    expect: onlyA(201),
    call: async (c) => {
      const [neighbour] = await c.h.registers.land.neighbourIdsOf(c.facts.propertyA.id);
      return { method: 'POST', url: `/api/drafts/${c.draftId}/consents`, body: { neighbourPropertyId: neighbour } };
    },
  },
  {
    method: 'GET',
    route: '/api/drafts/:id/consents',
    expect: onlyA(200),
    call: async (c) => ({ method: 'GET', url: `/api/drafts/${c.draftId}/consents` }),
  },
  {
    method: 'DELETE',
    route: '/api/drafts/:id/consents/:invitationId',
    expect: onlyA(204),
    call: async (c) => ({
      method: 'DELETE',
      url: `/api/drafts/${c.draftId}/consents/${(await inviteNeighbour(c)).id}`,
    }),
  },
  ...(
    [
      ['GET', '/api/consents/:code', ''],
      ['GET', '/api/consents/:code/site-plan.pdf', '/site-plan.pdf'],
      ['POST', '/api/consents/:code/decline', '/decline'],
      ['POST', '/api/consents/:code/sign', '/sign'],
      ['GET', '/api/consents/:code/sign/:orderRef/qr', '/sign/order-1/qr'],
      ['POST', '/api/consents/:code/sign/collect', '/sign/collect'],
      ['POST', '/api/consents/:code/sign/cancel', '/sign/cancel'],
    ] as const
  ).map(([method, route, tail]): Row => ({
    method,
    route,
    expect: signedIn(403),
    call: async (c) => ({
      method,
      url: `/api/consents/${(await inviteNeighbour(c)).code}${tail}`,
      ...(method === 'POST'
        ? { body: tail === '/decline' ? { reason: 'Nej.' } : tail === '/sign' ? undefined : { orderRef: 'order-1' } }
        : {}),
    }),
  })),
];

// Issue 20, who applies: the parties of A's case (a sole owner: only A, signed), and the co-owner Per's signing link on
// Maria's case of the co-owned Eken 1:22. No caller of the matrix is Per, so every link route refuses them all (Per's
// own 2xx, the co-owner's and the officer's paper consent are in parties.test.ts).
const EKEN_122 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e22';
const MARIA = '196411193086';
let coOwnedCase: Promise<{ id: string; coOwnerPartyId: string }> | undefined;
async function coOwned(ctx: Ctx) {
  coOwnedCase ??= (async () => {
    const maria = await login(ctx.h, MARIA);
    const { id } = await submitSigned(
      ctx.h,
      maria,
      applicationFor((await ctx.h.registers.land.propertyById(EKEN_122))!),
    );
    const parties = await ctx.h.app.inject({ url: `/api/me/cases/${id}/parties`, headers: { cookie: maria } });
    const per = (parties.json() as { parties: { id: string; role: string }[] }).parties.find(
      (p) => p.role === 'coOwner',
    )!;
    const link = await ctx.h.app.inject({
      method: 'POST',
      url: `/api/me/cases/${id}/parties/${per.id}/link`,
      headers: { cookie: maria },
    });
    if (link.statusCode !== 201) throw new Error(`link: ${link.statusCode} ${link.body}`);
    signingCode = (link.json() as { code: string }).code;
    return { id, coOwnerPartyId: per.id };
  })();
  return coOwnedCase;
}
let signingCode = '';
async function partyOfA(ctx: Ctx): Promise<string> {
  const res = await ctx.h.app.inject({ url: `/api/me/cases/${ctx.caseId}/parties`, headers: { cookie: ctx.cookieA } });
  return (res.json() as { parties: { id: string }[] }).parties[0]!.id;
}
const partyRows: Row[] = [
  {
    method: 'GET',
    route: '/api/me/cases/:id/parties',
    expect: onlyA(200),
    call: async (c) => ({ method: 'GET', url: `/api/me/cases/${c.caseId}/parties` }),
  },
  {
    // A's only party is A, who has signed: no link to make (409), and nobody else learns of the case (404).
    method: 'POST',
    route: '/api/me/cases/:id/parties/:partyId/link',
    expect: onlyA(409),
    call: async (c) => ({ method: 'POST', url: `/api/me/cases/${c.caseId}/parties/${await partyOfA(c)}/link` }),
  },
  ...(
    [
      ['GET', '/api/signatures/:code', ''],
      ['POST', '/api/signatures/:code/sign', '/sign'],
      ['GET', '/api/signatures/:code/sign/:orderRef/qr', '/sign/order-1/qr'],
      ['POST', '/api/signatures/:code/sign/collect', '/sign/collect'],
      ['POST', '/api/signatures/:code/sign/cancel', '/sign/cancel'],
    ] as const
  ).map(([method, route, tail]): Row => ({
    method,
    route,
    expect: signedIn(403),
    call: async (c) => {
      await coOwned(c);
      return {
        method,
        url: `/api/signatures/${signingCode}${tail}`,
        ...(method === 'POST' && tail !== '/sign' ? { body: { orderRef: 'order-1' } } : {}),
      };
    },
  })),
  {
    method: 'GET',
    route: '/api/officer/cases/:id/parties',
    expect: officersOfTeam(200),
    call: async (c) => ({ method: 'GET', url: `/api/officer/cases/${c.caseId}/parties` }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/parties/:partyId/paper-consent',
    expect: officersOfTeam(200),
    call: async (c) => {
      const { id, coOwnerPartyId } = await coOwned(c);
      return {
        method: 'POST',
        url: `/api/officer/cases/${id}/parties/${coOwnerPartyId}/paper-consent`,
        body: { receivedOn: '2026-11-23' },
      };
    },
  },
];

// Issue 20, agents (ADR 0023): A gives Erik Nyström (who is no caller here) powers of attorney for A's property. Only
// A may preview, start, sign or revoke them; nobody else learns of A's powers (404) or may give one for A's
// property (403). The agent's and the revoked agent's own columns are in the matrix below ('agents and revoked
// agents').
const ERIK = '198103269299';
const grantOfA = (c: Ctx) => ({
  agent: ERIK,
  scope: { kind: 'property', propertyId: c.facts.propertyA.id },
  validUntil: addDays(stockholmDate(c.h.app.clock()), 30),
});
let powerOfA: Promise<string> | undefined;
/** Cancels whatever power sign order A has running (a start row leaves one per A-like caller). */
const cancelPowerOrders = (c: Ctx) => async () => {
  for (const o of await c.h.app.db.select().from(powerSignOrders))
    await c.h.app.inject({
      method: 'POST',
      url: '/api/me/powers/sign/cancel',
      headers: { cookie: c.cookieA },
      payload: { orderRef: o.orderRef },
    });
};
const powerRows: Row[] = [
  {
    method: 'GET',
    route: '/api/me/powers',
    expect: signedIn(200),
    call: async () => ({ method: 'GET', url: '/api/me/powers' }),
  },
  {
    method: 'POST',
    route: '/api/me/powers/preview',
    expect: onlyA(200, 403),
    call: async (c) => ({ method: 'POST', url: '/api/me/powers/preview', body: grantOfA(c) }),
  },
  {
    method: 'POST',
    route: '/api/me/powers',
    expect: onlyA(202, 403),
    call: async (c) => ({ method: 'POST', url: '/api/me/powers', body: grantOfA(c), cleanup: cancelPowerOrders(c) }),
  },
  ...(
    [
      ['GET', '/api/me/powers/sign/:orderRef/qr', '/api/me/powers/sign/order-1/qr'],
      ['POST', '/api/me/powers/sign/collect', '/api/me/powers/sign/collect'],
      ['POST', '/api/me/powers/sign/cancel', '/api/me/powers/sign/cancel'],
    ] as const
  ).map(([method, route, url]): Row => ({
    method,
    route,
    // An order that is not the caller's (or does not exist) is not found, whoever asks.
    expect: signedIn(404),
    call: async () => ({ method, url, ...(method === 'POST' ? { body: { orderRef: 'order-1' } } : {}) }),
  })),
  {
    method: 'POST',
    route: '/api/me/powers/:id/revoke',
    expect: onlyA(200),
    call: async (c) => {
      powerOfA ??= givePower(c.h, c.cookieA, c.facts.applicantA, grantOfA(c));
      return { method: 'POST', url: `/api/me/powers/${await powerOfA}/revoke` };
    },
  },
];

// Issue 8, the case loop: fresh cases in the state each action needs (an action changes the case it acts on).
const officerCookies = new Map<string, string>();
async function asOfficer(ctx: Ctx, who: 'officer' | 'teamLead' = 'officer'): Promise<string> {
  if (!officerCookies.has(who)) officerCookies.set(who, await login(ctx.h, ctx.facts[who]));
  return officerCookies.get(who)!;
}
/** A fresh saved view of officer X's, for the delete row (each call deletes the one it made). */
async function viewOfOfficerX(ctx: Ctx): Promise<string> {
  const res = await ctx.h.app.inject({
    method: 'POST',
    url: '/api/officer/queue/views',
    headers: { cookie: await asOfficer(ctx) },
    payload: { name: `Vy ${randomUUID()}`, params: { sort: 'received', dir: 'desc' } },
  });
  if (res.statusCode !== 201) throw new Error(`save view: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
/** A remiss on a fresh case of A's, as its e-mail's link would open it: the link's key and the case. */
async function consultationOnA(ctx: Ctx): Promise<{ token: string; caseId: string }> {
  const { id } = await caseOfA(ctx);
  const token = randomUUID().replaceAll('-', '');
  await insertConsultation(ctx.h.app.db, {
    id: randomUUID(),
    caseId: id,
    consultee: 'Räddningstjänsten',
    email: 'rtj@kjellstavik.example',
    question: 'Når räddningsfordonen fram?',
    replyBy: '2026-12-14',
    sentAt: new Date(),
    sentBy: 'Test',
    tokenHash: sha256(token),
  });
  return { token, caseId: id };
}

async function caseOfA(
  ctx: Ctx,
  state: 'received' | 'awaitingCompletion' | 'approved' | 'proposed' = 'received',
): Promise<{ id: string; version: number }> {
  const fresh = await submitSigned(ctx.h, ctx.cookieA, applicationFor(ctx.facts.propertyA));
  if (state === 'received') return { id: fresh.id, version: 0 };
  const officer = await asOfficer(ctx);
  const act = async (path: string, body: object) => {
    const res = await ctx.h.app.inject({
      method: 'POST',
      url: `/api/officer/cases/${fresh.id}/${path}`,
      headers: { cookie: officer },
      payload: body,
    });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json().version as number;
  };
  if (state === 'awaitingCompletion')
    return {
      id: fresh.id,
      version: await act('completion-request', {
        version: 0,
        text: 'Komplettera beskrivningen.',
        replyBy: '2026-12-21',
      }),
    };
  if (state === 'approved')
    return {
      id: fresh.id,
      version: await act('decision', { version: 0, outcome: 'approved', reason: 'Följer detaljplanen.' }),
    };
  // A deviation from the plan: the officer's decision becomes a proposal for the team lead.
  await ctx.h.app.db.execute(sql`update cases set deviation = true where id = ${fresh.id}`);
  await markHeard(ctx.h.app.db, fresh.id);
  return {
    id: fresh.id,
    version: await act('decision', { version: 0, outcome: 'approved', reason: 'Liten avvikelse, grannarna hörda.' }),
  };
}
const officerOnlyLead: Expect = { ...officersOfTeam(200), officerX: 403 };

/** Each added meeting takes the next day: one meeting a day. */
let meetingsAdded = 0;
/** A board meeting on `date` (put straight in the calendar: a held one cannot be added through the API). */
async function meetingOn(ctx: Ctx, date: string): Promise<string> {
  await ctx.h.app.db
    .insert(committeeMeetings)
    .values({ id: randomUUID(), meetingDate: date, createdByName: 'Test', createdAt: new Date() })
    .onConflictDoNothing();
  const [m] = await ctx.h.app.db.select().from(committeeMeetings).where(eq(committeeMeetings.meetingDate, date));
  return m!.id;
}
/** A fresh case of A whose proposal waits for the board's meeting on `date` (by default today, the harness's 23 November). */
async function caseBeforeBoardOfA(ctx: Ctx, date = '2026-11-23'): Promise<{ id: string; version: number }> {
  const { id } = await caseOfA(ctx);
  const meetingId = await meetingOn(ctx, date);
  const proposal = {
    outcome: 'approved',
    reason: 'Följer detaljplanen.',
    conditions: [],
    by: { personnummer: ctx.facts.officer, name: 'Handläggaren' },
    at: '2026-11-20T10:00:00.000Z',
    committee: { meetingId, date, grounds: ['principle'] },
  };
  await ctx.h.app.db.execute(
    sql`update cases set status = 'proposed', proposal = ${JSON.stringify(proposal)}::jsonb where id = ${id}`,
  );
  return { id, version: 0 };
}

/** A fresh notification of A (a 5 × 5 m komplementbostadshus): its start approval is its decision. */
async function notificationOfA(ctx: Ctx): Promise<{ id: string; version: number }> {
  const p = ctx.facts.propertyA;
  const fresh = await submitSigned(ctx.h, ctx.cookieA, {
    ...applicationFor(p),
    measure: 'smallDwelling',
    footprints: [{ id: 'hus', measure: 'smallDwelling', geometry: footprintIn(p, 5, 5) }],
    details: { ...applicationFor(p).details, ridgeHeightM: 3.5 },
  });
  return { id: fresh.id, version: 0 };
}

/** Issue 19: a fresh case of A that deviates from the plan (the case a hearing is for). */
async function deviationOfA(ctx: Ctx): Promise<{ id: string }> {
  const { id } = await caseOfA(ctx);
  await ctx.h.app.db.execute(sql`update cases set deviation = true where id = ${id}`);
  return { id };
}
/** Issue 19: a case of A with a running neighbour hearing (every party answered on paper when `answered`). */
async function hearingCaseOfA(ctx: Ctx, answered = false): Promise<{ id: string; version: number; partyId: string }> {
  const { id } = await deviationOfA(ctx);
  const officer = await asOfficer(ctx);
  const post = async (path: string, body: object) => {
    const res = await ctx.h.app.inject({
      method: 'POST',
      url: `/api/officer/cases/${id}/${path}`,
      headers: { cookie: officer },
      payload: body,
    });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json() as { version: number; officer: { hearing: { parties: { id: string }[] } } };
  };
  const sakagare = await ctx.h.app.inject({ url: `/api/officer/cases/${id}/sakagare`, headers: { cookie: officer } });
  const [first] = sakagare.json() as { propertyId: string }[];
  let c = await post('hearing', { version: 0, replyBy: '2026-12-14', propertyIds: [first!.propertyId] });
  const parties = c.officer.hearing.parties;
  for (const p of answered ? parties : []) {
    c = await post('hearing/answers', {
      version: c.version,
      partyId: p.id,
      kind: 'noObjection',
      receivedOn: '2026-11-23',
    });
  }
  return { id, version: c.version, partyId: parties[0]!.id };
}
/** A letter's code opens the hearing for its party only: every caller here is someone else. */
async function hearingCode(ctx: Ctx): Promise<{ code: string; caseId: string }> {
  const { id, partyId } = await hearingCaseOfA(ctx);
  const code = `TEST-${randomCodePart()}-0000`;
  await letterWithCode(ctx.h.app.db, id, partyId, code);
  return { code, caseId: id };
}
let codeCounter = 0;
const randomCodePart = () => String(1000 + codeCounter++).slice(-4);
const notAParty: Expect = signedIn(403);

// Issue 21, after the permit: a granted case of A brought to the stage a row needs, legal force moved into the past.
type AfterPermitStage = 'decided' | 'slots' | 'booked' | 'ready' | 'started' | 'requested';
async function afterPermitCaseOfA(
  ctx: Ctx,
  stage: AfterPermitStage,
): Promise<{ id: string; version: number; slotId: string; itemId: string }> {
  const { id } = await caseOfA(ctx, 'approved');
  const officer = await asOfficer(ctx);
  type View = {
    version: number;
    state: { consultation: { slots: { id: string }[] }; kontrollplan: { items: { id: string }[] } };
  };
  const call = async (cookie: string, method: 'GET' | 'POST', path: string, body?: object): Promise<View> => {
    const res = await ctx.h.app.inject({
      method,
      url: `/api/${path}`,
      headers: { cookie },
      ...(body ? { payload: body } : {}),
    });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json() as View;
  };
  const base = `officer/cases/${id}/after-permit`;
  let view = await call(officer, 'GET', base);
  if (stage === 'slots' || stage === 'booked') {
    const slots = [{ startsAt: '2027-01-15T09:00:00+01:00', place: 'Stadshuset' }];
    view = await call(officer, 'POST', `${base}/consultation/slots`, { version: view.version, slots });
    if (stage === 'booked') {
      const slotId = view.state.consultation.slots[0]!.id;
      view = await call(ctx.cookieA, 'POST', `me/cases/${id}/after-permit/consultation/booking`, {
        version: view.version,
        slotId,
      });
    }
  }
  if (stage === 'ready' || stage === 'started' || stage === 'requested') {
    await ctx.h.app.db
      .update(decisionAnnouncements)
      .set({ publishedOn: '2026-09-01' })
      .where(eq(decisionAnnouncements.caseId, id));
    await ctx.h.app.db
      .update(decisionDeliveries)
      .set({ sentOn: '2026-09-01', deliveredOn: '2026-09-01' })
      .where(eq(decisionDeliveries.caseId, id));
    view = await call(officer, 'POST', `${base}/consultation/waiver`, {
      version: view.version,
      reason: 'Enkel komplementbyggnad.',
    });
    if (stage !== 'ready') view = await call(officer, 'POST', `${base}/startbesked`, { version: view.version });
    if (stage === 'requested')
      view = await call(ctx.cookieA, 'POST', `me/cases/${id}/after-permit/slutbesked-request`, {
        version: view.version,
      });
  }
  return {
    id,
    version: view.version,
    slotId: view.state.consultation.slots[0]?.id ?? '00000000-0000-4000-8000-000000000000',
    itemId: view.state.kontrollplan.items[0]!.id,
  };
}
const afterPermitRow = (
  face: 'me' | 'officer',
  method: 'GET' | 'POST',
  tail: string,
  stage: AfterPermitStage,
  body: (c: { version: number; slotId: string; itemId: string }) => object = ({ version }) => ({ version }),
): Row => ({
  method,
  route: `/api/${face}/cases/:id/after-permit${tail}`,
  expect: face === 'me' ? onlyA(200) : officersOfTeam(200),
  call: async (c) => {
    const made = await afterPermitCaseOfA(c, stage);
    const url = `/api/${face}/cases/${made.id}/after-permit${tail}`;
    return method === 'GET' ? { method, url } : { method, url, body: body(made) };
  },
});
/** A's started case whose kontrollansvarig A named: applicant B (who may tick it and nothing else). */
async function kaCaseOfA(c: Ctx, name = true): Promise<{ id: string; version: number; itemId: string }> {
  const made = await afterPermitCaseOfA(c, 'started');
  // A's garage needs no kontrollansvarig by the rule set; this one is taken to (as a named one would make it).
  await c.h.app.db.update(caseAfterPermit).set({ kontrollansvarig: true }).where(eq(caseAfterPermit.caseId, made.id));
  if (!name) return made;
  const res = await c.h.app.inject({
    method: 'POST',
    url: `/api/me/cases/${made.id}/after-permit/kontrollansvarig`,
    headers: { cookie: c.cookieA },
    payload: { version: made.version, personnummer: c.facts.applicantB, name: 'Kontrollansvarig B' },
  });
  if (res.statusCode !== 200) throw new Error(`naming the kontrollansvarig: ${res.statusCode} ${res.body}`);
  return { id: made.id, version: res.json().version as number, itemId: made.itemId };
}
/** Only B, the kontrollansvarig named on A's case: A themself, officers and everyone else get 404. */
const onlyKa = (status: number): Expect => ({ ...signedIn(404), applicantB: status });
const kontrollansvarigRows: Row[] = [
  {
    method: 'GET',
    route: '/api/ka/cases',
    expect: { ...signedIn(200), kioskOfficerX: 200 },
    call: async () => ({ method: 'GET', url: '/api/ka/cases' }),
  },
  {
    method: 'GET',
    route: '/api/ka/cases/:id/after-permit',
    expect: onlyKa(200),
    call: async (c) => ({ method: 'GET', url: `/api/ka/cases/${(await kaCaseOfA(c)).id}/after-permit` }),
  },
  {
    method: 'POST',
    route: '/api/ka/cases/:id/after-permit/kontrollplan/ticks',
    expect: onlyKa(200),
    call: async (c) => {
      const { id, version, itemId } = await kaCaseOfA(c);
      return {
        method: 'POST',
        url: `/api/ka/cases/${id}/after-permit/kontrollplan/ticks`,
        body: { version, itemId, doneOn: '2026-11-23' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/ka/cases/:id/after-permit/files',
    expect: onlyKa(201),
    call: async (c) => {
      const { id } = await kaCaseOfA(c);
      const file = multipartFile('grund.pdf', testPdf('grund'));
      return {
        method: 'POST',
        url: `/api/ka/cases/${id}/after-permit/files`,
        body: file.payload,
        contentType: file.contentType,
      };
    },
  },
];
const afterPermitRows: Row[] = [
  afterPermitRow('me', 'GET', '', 'decided'),
  afterPermitRow('me', 'POST', '/consultation/booking', 'slots', ({ version, slotId }) => ({ version, slotId })),
  afterPermitRow('me', 'POST', '/kontrollplan', 'decided', ({ version }) => ({
    version,
    items: [{ what: 'Placering enligt situationsplan', checkedBy: 'byggherre', method: 'measurement' }],
  })),
  afterPermitRow('me', 'POST', '/kontrollplan/ticks', 'started', ({ version, itemId }) => ({
    version,
    itemId,
    doneOn: '2026-11-23',
  })),
  {
    method: 'POST',
    route: '/api/me/cases/:id/after-permit/files',
    expect: onlyA(201),
    call: async (c) => {
      const made = await afterPermitCaseOfA(c, 'started');
      const file = multipartFile('grund.pdf', testPdf('grund'));
      return {
        method: 'POST',
        url: `/api/me/cases/${made.id}/after-permit/files`,
        body: file.payload,
        contentType: file.contentType,
      };
    },
  },
  {
    method: 'POST',
    route: '/api/me/cases/:id/after-permit/kontrollansvarig',
    expect: onlyA(200),
    call: async (c) => {
      const { id, version } = await kaCaseOfA(c, false);
      return {
        method: 'POST',
        url: `/api/me/cases/${id}/after-permit/kontrollansvarig`,
        body: { version, personnummer: '19810326-9299', name: 'Erik Nyström' },
      };
    },
  },
  afterPermitRow('me', 'POST', '/work-started', 'started', ({ version }) => ({ version, startedOn: '2026-11-23' })),
  afterPermitRow('me', 'POST', '/slutbesked-request', 'started'),
  afterPermitRow('officer', 'GET', '', 'decided'),
  afterPermitRow('officer', 'POST', '/consultation/waiver', 'decided', ({ version }) => ({
    version,
    reason: 'Enkel komplementbyggnad.',
  })),
  afterPermitRow('officer', 'POST', '/consultation/slots', 'decided', ({ version }) => ({
    version,
    slots: [{ startsAt: '2027-01-15T09:00:00+01:00', place: 'Stadshuset' }],
  })),
  afterPermitRow('officer', 'POST', '/consultation/minutes', 'booked', ({ version }) => ({
    version,
    heldOn: '2026-11-23',
    text: 'Kontrollplanen gicks igenom.',
  })),
  afterPermitRow('officer', 'POST', '/startbesked', 'ready', ({ version }) => ({ version })),
  afterPermitRow('officer', 'POST', '/site-visit-booking', 'started', ({ version }) => ({
    version,
    visitOn: '2026-11-26',
    note: 'Kontroll av grundläggningen.',
  })),
  afterPermitRow('officer', 'POST', '/site-visits', 'started', ({ version }) => ({
    version,
    visitedOn: '2026-11-23',
    note: 'Grunden gjuten enligt ritning.',
  })),
  afterPermitRow('officer', 'POST', '/slutbesked', 'requested', ({ version }) => ({
    version,
    kind: 'interim',
    remaining: ['Fasadmålning'],
  })),
];

const matrix: Row[] = [
  { method: 'GET', route: '/api/health', expect: all(200), call: async () => ({ method: 'GET', url: '/api/health' }) },
  {
    method: 'GET',
    route: '/api/health/live',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/health/live' }),
  },
  {
    method: 'GET',
    route: '/api/health/ready',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/health/ready' }),
  },
  {
    method: 'GET',
    route: '/api/openapi.json',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/openapi.json' }),
  },
  {
    method: 'GET',
    route: '/api/fee-schedule',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/fee-schedule' }),
  },
  {
    method: 'GET',
    route: '/api/public/anslagstavla',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/public/anslagstavla' }),
  },
  // The public register (issue #25): open to everyone, logged in or not, kiosk or not.
  // A remiss body's link: the link is the key, whoever holds it (issue #22).
  {
    method: 'GET',
    route: '/api/consultations/:token',
    expect: all(200),
    call: async (c) => ({ method: 'GET', url: `/api/consultations/${(await consultationOnA(c)).token}` }),
  },
  {
    method: 'POST',
    route: '/api/consultations/:token/answer',
    expect: all(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/consultations/${(await consultationOnA(c)).token}/answer`,
      body: { kind: 'noObjection', answeredBy: 'Eva Berg, brandinspektör' },
    }),
  },
  {
    method: 'GET',
    route: '/api/consultations/:token/documents/:fileId',
    expect: all(200),
    call: async (c) => {
      const { token, caseId } = await consultationOnA(c);
      const [file] = await c.h.app.db
        .select({ id: attachments.id })
        .from(attachments)
        .where(eq(attachments.caseId, caseId));
      return { method: 'GET', url: `/api/consultations/${token}/documents/${file!.id}` };
    },
  },
  {
    method: 'GET',
    route: '/api/public/register',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/public/register' }),
  },
  {
    method: 'GET',
    route: '/api/public/register.geojson',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/public/register.geojson' }),
  },
  {
    method: 'GET',
    route: '/api/public/basemap',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/public/basemap' }),
  },
  {
    method: 'GET',
    route: '/api/public/register/:id',
    expect: all(200),
    call: async (c) => ({ method: 'GET', url: `/api/public/register/${c.caseId}` }),
  },
  {
    method: 'GET',
    route: '/api/map-config',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/map-config' }),
  },
  {
    method: 'GET',
    route: '/api/municipality',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/municipality' }),
  },
  {
    // Public like the name and colours; Kjellstavik has no logo, so every role gets the same 404.
    method: 'GET',
    route: '/api/municipality/logo',
    expect: all(404),
    call: async () => ({ method: 'GET', url: '/api/municipality/logo' }),
  },
  {
    method: 'GET',
    route: '/api/session',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/session' }),
  },
  {
    method: 'GET',
    route: '/api/kiosk-config',
    expect: all(200),
    call: async () => ({ method: 'GET', url: '/api/kiosk-config' }),
  },
  {
    method: 'POST',
    route: '/api/auth/bankid/start',
    expect: all(200),
    call: async () => ({ method: 'POST', url: '/api/auth/bankid/start', body: { mode: 'qr' } }),
  },
  // A login order is bound to the browser that started it: nobody else, signed in or not, can touch it.
  {
    method: 'GET',
    route: '/api/auth/bankid/:orderRef/qr',
    expect: all(404),
    call: async (c) => ({
      method: 'GET',
      url: `/api/auth/bankid/${(await c.h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { mode: 'qr' } })).json().orderRef}/qr`,
    }),
  },
  {
    method: 'POST',
    route: '/api/auth/bankid/collect',
    expect: all(404),
    call: async (c) => ({
      method: 'POST',
      url: '/api/auth/bankid/collect',
      body: {
        orderRef: (
          await c.h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { mode: 'qr' } })
        ).json().orderRef,
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/auth/bankid/cancel',
    expect: all(404),
    call: async (c) => ({
      method: 'POST',
      url: '/api/auth/bankid/cancel',
      body: {
        orderRef: (
          await c.h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { mode: 'qr' } })
        ).json().orderRef,
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    expect: all(204),
    call: async () => ({ method: 'POST', url: '/api/auth/logout', freshSession: true }),
  },
  { method: 'GET', route: '/api/me', expect: signedIn(200), call: async () => ({ method: 'GET', url: '/api/me' }) },
  {
    method: 'GET',
    route: '/api/me/properties',
    expect: signedIn(200),
    call: async () => ({ method: 'GET', url: '/api/me/properties' }),
  },
  // Everyone signed in has their own remembered contact details; nobody reaches anyone else's (no id in the path).
  {
    method: 'GET',
    route: '/api/me/contact',
    expect: signedIn(200),
    call: async () => ({ method: 'GET', url: '/api/me/contact' }),
  },
  {
    method: 'PUT',
    route: '/api/me/contact',
    expect: signedIn(200),
    call: async () => ({ method: 'PUT', url: '/api/me/contact', body: { email: 'anna@example.se', phone: '' } }),
  },
  {
    method: 'DELETE',
    route: '/api/me/contact',
    expect: signedIn(204),
    call: async () => ({ method: 'DELETE', url: '/api/me/contact' }),
  },
  {
    method: 'GET',
    route: '/api/properties/:id',
    expect: { ...signedIn(200), applicantB: 403, kioskOfficerX: 403 },
    call: async (c) => ({ method: 'GET', url: `/api/properties/${c.facts.propertyA.id}` }),
  },
  {
    method: 'GET',
    route: '/api/properties/:id/surroundings',
    expect: { ...signedIn(200), applicantB: 403, kioskOfficerX: 403 },
    call: async (c) => ({ method: 'GET', url: `/api/properties/${c.facts.propertyA.id}/surroundings` }),
  },
  {
    method: 'GET',
    route: '/api/properties/:id/neighbours',
    expect: { ...signedIn(200), applicantB: 403, kioskOfficerX: 403 },
    call: async (c) => ({ method: 'GET', url: `/api/properties/${c.facts.propertyA.id}/neighbours` }),
  },
  {
    method: 'GET',
    route: '/api/properties/:id/allowance-ledger',
    expect: { ...signedIn(200), applicantB: 403, kioskOfficerX: 403 },
    call: async (c) => ({ method: 'GET', url: `/api/properties/${c.facts.propertyA.id}/allowance-ledger` }),
  },
  {
    // Only an owner saves to the plot's ledger; an officer may read it but not write the owner's evidence.
    method: 'POST',
    route: '/api/properties/:id/permit-free-answers',
    expect: { ...signedIn(403), applicantA: 201, kioskA: 201 },
    call: async (c) => ({
      method: 'POST',
      url: `/api/properties/${c.facts.propertyA.id}/permit-free-answers`,
      body: { measure: 'outbuilding', footprints: [footprintIn(c.facts.propertyA, 1, 1)], ridgeHeightM: 2.5 },
      // The saved square metres would count against A's allowance in the cases later rows open on the plot.
      cleanup: async () => {
        await c.h.app.db.delete(permitFreeAnswers);
      },
    }),
  },
  {
    // A measure beyond buildings (a low plank): only an owner saves its answer; it takes no part of the allowance.
    method: 'POST',
    route: '/api/properties/:id/permit-free-measure-answers',
    expect: { ...signedIn(403), applicantA: 201, kioskA: 201 },
    call: async (c) => ({
      method: 'POST',
      url: `/api/properties/${c.facts.propertyA.id}/permit-free-measure-answers`,
      body: { measure: 'fence', facts: { heightM: 1 }, drawing: null },
    }),
  },
  {
    // An owner and an officer (supervision) read a saved answer and its signature; only an owner signs it.
    method: 'GET',
    route: '/api/permit-free-answers/:answerId',
    expect: { ...signedIn(200), applicantB: 403, kioskOfficerX: 403 },
    call: async (c) => ({ method: 'GET', url: `/api/permit-free-answers/${await savedAnswerOfA(c)}` }),
  },
  {
    method: 'POST',
    route: '/api/permit-free-answers/:answerId/sign',
    expect: { ...signedIn(403), applicantA: 202, kioskA: 202 },
    call: async (c) => ({
      method: 'POST',
      url: `/api/permit-free-answers/${await savedAnswerOfA(c)}/sign`,
      // One BankID order per person at a time: the next role's start must not find this one running.
      cleanup: async () => {
        await c.h.app.db.delete(bankidSimOrders).where(eq(bankidSimOrders.kind, 'sign'));
      },
    }),
  },
  ...(
    [
      ['GET', '/api/permit-free-answers/:answerId/sign/:orderRef/qr', '/sign/order-1/qr'],
      ['POST', '/api/permit-free-answers/:answerId/sign/collect', '/sign/collect'],
      ['POST', '/api/permit-free-answers/:answerId/sign/cancel', '/sign/cancel'],
    ] as const
  ).map(([method, route, tail]): Row => ({
    method,
    route,
    // An owner asking for an order that is not theirs gets 404; anyone else is refused before that.
    expect: { ...signedIn(403), applicantA: 404, kioskA: 404 },
    call: async (c) => ({
      method,
      url: `/api/permit-free-answers/${await savedAnswerOfA(c)}${tail}`,
      ...(method === 'POST' ? { body: { orderRef: 'order-1' } } : {}),
    }),
  })),
  {
    method: 'GET',
    route: '/api/drafts',
    expect: signedIn(200),
    call: async () => ({ method: 'GET', url: '/api/drafts' }),
  },
  {
    method: 'GET',
    route: '/api/drafts/:id/attachments',
    expect: onlyA(200),
    call: async (c) => ({ method: 'GET', url: `/api/drafts/${c.draftId}/attachments` }),
  },
  {
    method: 'POST',
    route: '/api/drafts/:id/attachments',
    expect: onlyA(201),
    call: async (c) => {
      const file = multipartFile('fasad.pdf', testPdf('fasad'));
      return {
        method: 'POST',
        url: `/api/drafts/${c.draftId}/attachments?type=FAS`,
        body: file.payload,
        contentType: file.contentType,
      };
    },
  },
  {
    method: 'POST',
    route: '/api/drafts/:id/attachments/site-plan',
    expect: onlyA(201),
    call: async (c) => ({ method: 'POST', url: `/api/drafts/${c.draftId}/attachments/site-plan` }),
  },
  {
    method: 'DELETE',
    route: '/api/drafts/:id/attachments/:attachmentId',
    expect: onlyA(204),
    call: async (c) => {
      const added = (await uploadTo(c.h, c.cookieA, c.draftId, 'type=OVR', 'övrigt.pdf', testPdf('övrigt'))).json() as {
        id: string;
      };
      return {
        method: 'DELETE',
        url: `/api/drafts/${c.draftId}/attachments/${added.id}`,
        cleanup: async () => {
          await c.h.app.inject({
            method: 'DELETE',
            url: `/api/drafts/${c.draftId}/attachments/${added.id}`,
            headers: { cookie: c.cookieA },
          });
        },
      };
    },
  },
  {
    method: 'GET',
    route: '/api/attachments/:id',
    expect: {
      anonymous: 401,
      applicantA: 200,
      applicantB: 404,
      officerX: 200,
      officerY: 404,
      teamLead: 200,
      kioskA: 200,
      kioskOfficerX: 404,
    },
    call: async (c) => ({ method: 'GET', url: `/api/attachments/${c.caseAttachmentId}` }),
  },
  {
    method: 'PUT',
    route: '/api/drafts/:id',
    expect: onlyA(200),
    call: async () => ({
      method: 'PUT',
      url: '/api/drafts/5b0c3f8e-1d2a-4e6b-9c7d-8e9f0a1b2c3d',
      body: { data: { step: 'map' } },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/drafts/:id',
    expect: onlyA(204),
    // A fresh draft of A's each time: the one deleted in one row is gone for the next.
    call: async (c) => {
      const id = randomUUID();
      const saved = await c.h.app.inject({
        method: 'PUT',
        url: `/api/drafts/${id}`,
        headers: { cookie: c.cookieA },
        payload: { data: { step: 'map' } },
      });
      expect(saved.statusCode).toBe(200);
      return { method: 'DELETE', url: `/api/drafts/${id}` };
    },
  },
  {
    method: 'POST',
    route: '/api/applications',
    expect: { ...signedIn(403), applicantA: 202, kioskA: 202 },
    // A's 202 leaves a sign order open: the loop cancels it so the next row starts clean.
    call: async (c) => ({
      method: 'POST',
      url: '/api/applications',
      body: await withDrawings(c.h, c.cookieA, applicationFor(c.facts.propertyA)),
    }),
  },
  {
    method: 'GET',
    route: '/api/applications/sign/:orderRef/qr',
    expect: onlyA(200),
    call: async (c) => {
      const orderRef = await startSign(c);
      return { method: 'GET', url: `/api/applications/sign/${orderRef}/qr`, cleanup: cancelSign(c, orderRef) };
    },
  },
  {
    method: 'POST',
    route: '/api/applications/sign/collect',
    expect: onlyA(200),
    call: async (c) => {
      const orderRef = await startSign(c);
      return {
        method: 'POST',
        url: '/api/applications/sign/collect',
        body: { orderRef },
        cleanup: cancelSign(c, orderRef),
      };
    },
  },
  {
    method: 'POST',
    route: '/api/applications/sign/cancel',
    expect: onlyA(204),
    call: async (c) => {
      const orderRef = await startSign(c);
      return {
        method: 'POST',
        url: '/api/applications/sign/cancel',
        body: { orderRef },
        cleanup: cancelSign(c, orderRef),
      };
    },
  },
  {
    method: 'GET',
    route: '/api/me/cases',
    expect: signedIn(200),
    call: async () => ({ method: 'GET', url: '/api/me/cases' }),
  },
  {
    method: 'GET',
    route: '/api/me/cases/:id',
    expect: onlyA(200),
    call: async (c) => ({ method: 'GET', url: `/api/me/cases/${c.caseId}` }),
  },
  // Statistics (issue #25): every officer and team lead, municipality-wide aggregates.
  ...(['handling', 'volumes', 'boverket', ':table/csv'] as const).map((path) => ({
    method: 'GET' as const,
    route: `/api/officer/statistics/${path}`,
    expect: { ...officersOfTeam(200), officerY: 200 },
    call: async () => ({
      method: 'GET' as const,
      url: `/api/officer/statistics/${path.replace(':table', 'volumes')}?from=2026-01-01&to=2026-12-31`,
    }),
  })),
  {
    method: 'GET',
    route: '/api/officer/queue',
    expect: { ...officersOfTeam(200), officerY: 200 },
    call: async () => ({ method: 'GET', url: '/api/officer/queue' }),
  },
  // Saved queue views: any officer keeps their own; another officer's view answers as a missing one.
  {
    method: 'GET',
    route: '/api/officer/queue/views',
    expect: { ...officersOfTeam(200), officerY: 200 },
    call: async () => ({ method: 'GET', url: '/api/officer/queue/views' }),
  },
  {
    method: 'POST',
    route: '/api/officer/queue/views',
    expect: { ...officersOfTeam(201), officerY: 201 },
    call: async () => ({
      method: 'POST',
      url: '/api/officer/queue/views',
      body: { name: 'Avvikelser', params: { flag: 'deviation' } },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/officer/queue/views/:id',
    expect: { ...officersOfTeam(204), teamLead: 404 },
    call: async (c) => ({ method: 'DELETE', url: `/api/officer/queue/views/${await viewOfOfficerX(c)}` }),
  },
  {
    method: 'GET',
    route: '/api/officer/cases/:id',
    expect: officersOfTeam(200),
    call: async (c) => ({ method: 'GET', url: `/api/officer/cases/${c.caseId}` }),
  },
  {
    method: 'GET',
    route: '/api/officer/cases/:id/phrases',
    expect: officersOfTeam(200),
    call: async (c) => ({ method: 'GET', url: `/api/officer/cases/${c.caseId}/phrases` }),
  },
  // Situationsplan PDFs: as the case or draft they are drawn from.
  {
    method: 'GET',
    route: '/api/me/cases/:id/site-plan.pdf',
    expect: onlyA(200),
    call: async (c) => ({ method: 'GET', url: `/api/me/cases/${c.caseId}/site-plan.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/officer/cases/:id/site-plan.pdf',
    expect: officersOfTeam(200),
    call: async (c) => ({ method: 'GET', url: `/api/officer/cases/${c.caseId}/site-plan.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/drafts/:id/site-plan.pdf',
    expect: onlyA(200),
    call: async (c) => {
      const id = '7c4e2a9b-3f1d-4b6e-8a2c-9d0e1f2a3b4c';
      const data = { propertyId: c.facts.propertyA.id, footprints: applicationFor(c.facts.propertyA).footprints };
      await c.h.app.inject({
        method: 'PUT',
        url: `/api/drafts/${id}`,
        headers: { cookie: c.cookieA },
        payload: { data },
      });
      return { method: 'GET', url: `/api/drafts/${id}/site-plan.pdf` };
    },
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/decision',
    expect: officersOfTeam(200),
    call: async (c) => {
      const fresh = await submitSigned(c.h, c.cookieA, applicationFor(c.facts.propertyA));
      // A new case that nobody has touched is at version 0.
      return {
        method: 'POST',
        url: `/api/officer/cases/${fresh.id}/decision`,
        body: { version: 0, outcome: 'approved', reason: 'Följer detaljplanen.' },
      };
    },
  },
  // Previews write nothing, and answer who may see the case as the command itself does.
  {
    method: 'POST',
    route: '/api/officer/cases/:id/decision/preview',
    expect: officersOfTeam(200),
    call: async (c) => {
      const { id, version } = await caseOfA(c);
      return {
        method: 'POST',
        url: `/api/officer/cases/${id}/decision/preview`,
        body: { version, outcome: 'approved', reason: 'Följer detaljplanen.' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/start-approval/preview',
    expect: officersOfTeam(200),
    call: async (c) => {
      // A notification's: a granted permit's startbesked is the after-permit chain's (ADR 0015).
      const { id, version } = await notificationOfA(c);
      return { method: 'POST', url: `/api/officer/cases/${id}/start-approval/preview`, body: { version } };
    },
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/proposal/confirm/preview',
    expect: officerOnlyLead,
    call: async (c) => {
      const { id, version } = await caseOfA(c, 'proposed');
      return { method: 'POST', url: `/api/officer/cases/${id}/proposal/confirm/preview`, body: { version } };
    },
  },
  {
    method: 'GET',
    route: '/api/me/messages',
    expect: signedIn(200),
    call: async () => ({ method: 'GET', url: '/api/me/messages' }),
  },
  {
    method: 'GET',
    route: '/api/dev/outbox',
    expect: signedIn(200),
    call: async () => ({ method: 'GET', url: '/api/dev/outbox' }),
  },
  {
    method: 'GET',
    route: '/api/me/cases/:id/documents/:kind',
    expect: onlyA(200),
    call: async (c) => ({
      method: 'GET',
      url: `/api/me/cases/${(await caseOfA(c, 'approved')).id}/documents/decision`,
    }),
  },
  {
    method: 'GET',
    route: '/api/me/cases/:id/receipt',
    expect: onlyA(200),
    call: async (c) => ({ method: 'GET', url: `/api/me/cases/${(await caseOfA(c)).id}/receipt` }),
  },
  {
    method: 'GET',
    route: '/api/officer/cases/:id/documents/:kind',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'GET',
      url: `/api/officer/cases/${(await caseOfA(c, 'approved')).id}/documents/decision`,
    }),
  },
  {
    method: 'POST',
    route: '/api/me/cases/:id/attachments',
    expect: onlyA(201),
    call: async (c) => {
      const file = multipartFile('sektion.pdf', testPdf('sektion'));
      return {
        method: 'POST',
        url: `/api/me/cases/${(await caseOfA(c, 'awaitingCompletion')).id}/attachments?type=SEK`,
        body: file.payload,
        contentType: file.contentType,
      };
    },
  },
  {
    method: 'POST',
    route: '/api/me/cases/:id/completion',
    expect: onlyA(200),
    call: async (c) => {
      const { id, version } = await caseOfA(c, 'awaitingCompletion');
      return {
        method: 'POST',
        url: `/api/me/cases/${id}/completion`,
        body: { version, note: 'Beskrivningen: garaget får en port mot gatan.' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/me/cases/:id/withdraw',
    expect: onlyA(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/me/cases/${(await caseOfA(c)).id}/withdraw`,
      body: { version: 0 },
    }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/assign',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/officer/cases/${(await caseOfA(c)).id}/assign`,
      body: { version: 0 },
    }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/completion-request',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/officer/cases/${(await caseOfA(c)).id}/completion-request`,
      body: { version: 0, items: ['SEK'], replyBy: '2026-12-21' },
    }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/extension',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/officer/cases/${(await caseOfA(c)).id}/extension`,
      body: { version: 0, weeks: 4, reason: 'Remiss till miljöförvaltningen.' },
    }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/consultations',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/officer/cases/${(await caseOfA(c)).id}/consultations`,
      body: {
        version: 0,
        consultee: 'Trafikenheten',
        email: 'trafik@kjellstavik.example',
        question: 'Är sikten vid utfarten tillräcklig?',
        replyBy: '2026-12-14',
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/notes',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/officer/cases/${(await caseOfA(c)).id}/notes`,
      body: { version: 0, text: 'Ringde sökanden om takmaterialet.' },
    }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/fee',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/officer/cases/${(await caseOfA(c)).id}/fee`,
      body: { version: 0, totalSEK: 5000, reason: 'Enkel åtgärd, mindre handläggning.' },
    }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/start-approval',
    expect: officersOfTeam(200),
    call: async (c) => {
      // A notification's: a granted permit's startbesked is the after-permit chain's (ADR 0015).
      const { id, version } = await notificationOfA(c);
      return { method: 'POST', url: `/api/officer/cases/${id}/start-approval`, body: { version } };
    },
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/delivery',
    expect: officersOfTeam(200),
    call: async (c) => {
      const { id, version } = await caseOfA(c, 'approved');
      const [d] = await c.h.app.db
        .select({ id: decisionDeliveries.id })
        .from(decisionDeliveries)
        .where(eq(decisionDeliveries.caseId, id));
      return {
        method: 'POST',
        url: `/api/officer/cases/${id}/delivery`,
        body: { version, deliveryId: d!.id, deliveredOn: '2026-11-23' },
      };
    },
  },
  // Decisions above delegation: any officer refers a case of the team, records the board's decision; the calendar
  // is every officer's to read and a team lead's to fill.
  {
    method: 'GET',
    route: '/api/officer/committee/meetings',
    expect: { ...officersOfTeam(200), officerY: 200 },
    call: async () => ({ method: 'GET', url: '/api/officer/committee/meetings' }),
  },
  {
    method: 'POST',
    route: '/api/officer/committee/meetings',
    expect: { ...officersOfTeam(403), officerY: 403, teamLead: 201 },
    call: async () => ({
      method: 'POST',
      url: '/api/officer/committee/meetings',
      body: { date: workingDayFrom(addDays('2027-02-01', meetingsAdded++)) },
    }),
  },
  {
    method: 'GET',
    route: '/api/officer/committee/meetings/:id',
    expect: { ...officersOfTeam(200), officerY: 200 },
    call: async (c) => ({ method: 'GET', url: `/api/officer/committee/meetings/${await meetingOn(c, '2026-12-17')}` }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/committee-referral',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/officer/cases/${(await caseOfA(c)).id}/committee-referral`,
      body: {
        version: 0,
        outcome: 'refused',
        reason: 'Strider mot detaljplanen.',
        meetingId: await meetingOn(c, '2026-12-17'),
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/committee-withdrawal',
    expect: officersOfTeam(200),
    call: async (c) => ({
      method: 'POST',
      url: `/api/officer/cases/${(await caseBeforeBoardOfA(c, '2026-12-17')).id}/committee-withdrawal`,
      body: { version: 0 },
    }),
  },
  ...(['committee-decision', 'committee-decision/preview'] as const).map((path) => ({
    method: 'POST' as const,
    route: `/api/officer/cases/:id/${path}`,
    expect: officersOfTeam(200),
    call: async (c: Ctx) => ({
      method: 'POST' as const,
      url: `/api/officer/cases/${(await caseBeforeBoardOfA(c)).id}/${path}`,
      body: { version: 0, outcome: 'approved', paragraph: '§ 4' },
    }),
  })),
  // Four eyes: only a team lead of the case's team confirms or returns a proposal.
  {
    method: 'POST',
    route: '/api/officer/cases/:id/proposal/confirm',
    expect: officerOnlyLead,
    call: async (c) => {
      const { id, version } = await caseOfA(c, 'proposed');
      return { method: 'POST', url: `/api/officer/cases/${id}/proposal/confirm`, body: { version } };
    },
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/proposal/return',
    expect: officerOnlyLead,
    call: async (c) => {
      const { id, version } = await caseOfA(c, 'proposed');
      return {
        method: 'POST',
        url: `/api/officer/cases/${id}/proposal/return`,
        body: { version, comment: 'Motivera avvikelsen tydligare.' },
      };
    },
  },
  ...consentRows,
  ...partyRows,
  ...powerRows,
  ...afterPermitRows,
  ...kontrollansvarigRows,
  // Issue 19: the neighbour hearing, run by the officer of the case's team.
  {
    method: 'GET',
    route: '/api/officer/cases/:id/sakagare',
    expect: officersOfTeam(200),
    call: async (c) => ({ method: 'GET', url: `/api/officer/cases/${c.caseId}/sakagare` }),
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/hearing',
    expect: officersOfTeam(200),
    call: async (c) => {
      const { id } = await deviationOfA(c);
      const officer = await asOfficer(c);
      const found = await c.h.app.inject({ url: `/api/officer/cases/${id}/sakagare`, headers: { cookie: officer } });
      const [first] = found.json() as { propertyId: string }[];
      return {
        method: 'POST',
        url: `/api/officer/cases/${id}/hearing`,
        body: { version: 0, replyBy: '2026-12-14', propertyIds: [first!.propertyId] },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/hearing/answers',
    expect: officersOfTeam(200),
    call: async (c) => {
      const { id, version, partyId } = await hearingCaseOfA(c);
      return {
        method: 'POST',
        url: `/api/officer/cases/${id}/hearing/answers`,
        body: { version, partyId, kind: 'comment', text: 'Per brev.', receivedOn: '2026-11-23' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/officer/cases/:id/hearing/close',
    expect: officersOfTeam(200),
    call: async (c) => {
      const { id, version } = await hearingCaseOfA(c, true);
      return { method: 'POST', url: `/api/officer/cases/${id}/hearing/close`, body: { version } };
    },
  },
  {
    method: 'GET',
    route: '/api/officer/cases/:id/hearing/letters/:partyId',
    expect: officersOfTeam(200),
    call: async (c) => {
      const { id, partyId } = await hearingCaseOfA(c);
      return { method: 'GET', url: `/api/officer/cases/${id}/hearing/letters/${partyId}` };
    },
  },
  {
    method: 'GET',
    route: '/api/hearings/:code',
    expect: notAParty,
    call: async (c) => ({ method: 'GET', url: `/api/hearings/${(await hearingCode(c)).code}` }),
  },
  {
    method: 'POST',
    route: '/api/hearings/:code/answer',
    expect: notAParty,
    call: async (c) => ({
      method: 'POST',
      url: `/api/hearings/${(await hearingCode(c)).code}/answer`,
      body: { kind: 'noObjection' },
    }),
  },
  {
    method: 'GET',
    route: '/api/hearings/:code/documents/:fileId',
    expect: notAParty,
    call: async (c) => ({
      method: 'GET',
      url: `/api/hearings/${(await hearingCode(c)).code}/documents/${c.caseAttachmentId}`,
    }),
  },
];

/** Routes outside the matrix on purpose: the BankID simulator (its own API). */
const outside = (url: string) => url.startsWith('/bankid-sim') || !url.startsWith('/api');

describe('authorization matrix', () => {
  const ctx = {} as Ctx;
  const cookies = {} as Record<Role, string>;
  const pnrOf = {} as Record<Exclude<Role, 'anonymous'>, string>;
  const loginAs = (role: Exclude<Role, 'anonymous'>) =>
    kioskRoles[role] ? kioskLogin(ctx.h, pnrOf[role]) : login(ctx.h, pnrOf[role]);

  beforeAll(async () => {
    ctx.h = await startHarness('pglite', { bankidStartLimitPerMinute: 10_000, uploadLimitPerMinute: 10_000 });
    ctx.facts = await fixtureFacts(ctx.h.registers);
    Object.assign(pnrOf, {
      applicantA: ctx.facts.applicantA,
      applicantB: ctx.facts.applicantB,
      officerX: ctx.facts.officer,
      officerY: ctx.facts.otherTeamOfficer,
      teamLead: ctx.facts.teamLead,
      kioskA: ctx.facts.applicantA,
      kioskOfficerX: ctx.facts.officer,
    });
    for (const role of roles) if (role !== 'anonymous') cookies[role] = await loginAs(role);
    ctx.cookieA = cookies.applicantA;
    // A's case carries a file from its draft; a second draft stays open for the attachment rows.
    const withFiles = await withDrawings(ctx.h, ctx.cookieA, applicationFor(ctx.facts.propertyA));
    const files = (
      await ctx.h.app.inject({
        method: 'GET',
        url: `/api/drafts/${withFiles.draftId}/attachments`,
        headers: { cookie: ctx.cookieA },
      })
    ).json();
    ctx.caseAttachmentId = files[0].id;
    ctx.caseId = (await submitSigned(ctx.h, ctx.cookieA, withFiles)).id;
    ctx.draftId = '8d3f4e5a-6b72-4c83-9d94-aeafb0c1d2e3';
    const drawn = applicationFor(ctx.facts.propertyA);
    await ctx.h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${ctx.draftId}`,
      headers: { cookie: ctx.cookieA },
      payload: {
        data: {
          step: 'attachments',
          propertyId: drawn.propertyId,
          measure: drawn.measure,
          footprints: drawn.footprints,
        },
      },
    });
  });
  afterAll(async () => {
    await ctx.h?.close();
  });

  for (const row of matrix) {
    it(`${row.method} ${row.route}`, async () => {
      const got: Partial<Expect> = {};
      for (const role of roles) {
        const call = await row.call(ctx);
        const cookie = role === 'anonymous' ? undefined : call.freshSession ? await loginAs(role) : cookies[role];
        const res = await ctx.h.app.inject({
          method: call.method,
          url: call.url,
          headers: { ...(cookie ? { cookie } : {}), ...(call.contentType ? { 'content-type': call.contentType } : {}) },
          ...(call.body === undefined ? {} : { payload: call.body as object }),
        });
        got[role] = res.statusCode;
        if (res.statusCode >= 400) expect(res.json().error.code, `${role}: ${res.body}`).toMatch(/\w+/);
        await call.cleanup?.();
        if (row.route === '/api/applications' && res.statusCode === 202) await cancelSign(ctx, res.json().orderRef)();
      }
      expect(got).toEqual(row.expect);
    });
  }

  it('has a row for every route the server registers', () => {
    const covered = new Set(matrix.map((r) => `${r.method} ${r.route}`));
    const registered = ctx.h.app.routeTable
      .filter((r) => r.method !== 'HEAD' && !outside(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(covered); // no route without a row, and no row for a route that is gone
  });
});

/**
 * Issue 20, agents (ADR 0023): the case routes an agent can reach, for the owner (principal, applicant A), Erik
 * Nyström acting on a power of attorney from A (he sent the case), Johan Larsson whose power from A was revoked,
 * and applicant B. A revoked agent gets what a stranger gets: the case is as missing to him as anyone else's.
 */
describe('authorization matrix: agents and revoked agents', () => {
  const JOHAN = '199207022394';
  const agentRoles = ['principal', 'agent', 'revokedAgent', 'stranger'] as const;
  type AgentRole = (typeof agentRoles)[number];
  const cookies = {} as Record<AgentRole, string>;
  let h: Harness;
  let caseId = '';
  let revokedPower = '';
  let version = 0;

  beforeAll(async () => {
    h = await startHarness('pglite', { bankidStartLimitPerMinute: 10_000, uploadLimitPerMinute: 10_000 });
    const facts = await fixtureFacts(h.registers);
    const pnr: Record<AgentRole, string> = {
      principal: facts.applicantA,
      agent: ERIK,
      revokedAgent: JOHAN,
      stranger: facts.applicantB,
    };
    for (const role of agentRoles) cookies[role] = await login(h, pnr[role]);
    const scope = { kind: 'property', propertyId: facts.propertyA.id };
    const validUntil = addDays(stockholmDate(h.app.clock()), 30);
    await givePower(h, cookies.principal, pnr.principal, { agent: ERIK, scope, validUntil });
    revokedPower = await givePower(h, cookies.principal, pnr.principal, { agent: JOHAN, scope, validUntil });
    caseId = (await submitSigned(h, cookies.agent, applicationFor(facts.propertyA))).id;
    // The officer asks for a section drawing: the case awaits an answer the agent may give.
    const officer = await login(h, facts.officer);
    const asked = await h.app.inject({
      method: 'POST',
      url: `/api/officer/cases/${caseId}/completion-request`,
      headers: { cookie: officer },
      payload: { version: 0, items: ['SEK'], replyBy: addDays(stockholmDate(h.app.clock()), 21) },
    });
    version = (asked.json() as { version: number }).version;
    await h.app.inject({
      method: 'POST',
      url: `/api/me/powers/${revokedPower}/revoke`,
      headers: { cookie: cookies.principal },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const rows: [string, string, () => Call, Record<AgentRole, number>][] = [
    [
      'GET',
      '/api/me/cases/:id',
      () => ({ method: 'GET', url: `/api/me/cases/${caseId}` }),
      { principal: 200, agent: 200, revokedAgent: 404, stranger: 404 },
    ],
    [
      'GET',
      '/api/me/cases/:id/parties',
      () => ({ method: 'GET', url: `/api/me/cases/${caseId}/parties` }),
      { principal: 200, agent: 200, revokedAgent: 404, stranger: 404 },
    ],
    [
      'POST',
      '/api/me/cases/:id/attachments',
      () => {
        const file = multipartFile('Sektion.pdf', testPdf('SEK'));
        return {
          method: 'POST',
          url: `/api/me/cases/${caseId}/attachments?type=SEK`,
          body: file.payload,
          contentType: file.contentType,
        };
      },
      { principal: 201, agent: 201, revokedAgent: 404, stranger: 404 },
    ],
    [
      // A stale version: the callers who may answer reach the command (409), the others not the case.
      'POST',
      '/api/me/cases/:id/completion',
      () => ({ method: 'POST', url: `/api/me/cases/${caseId}/completion`, body: { version: version + 5 } }),
      { principal: 409, agent: 409, revokedAgent: 404, stranger: 404 },
    ],
    [
      // Withdrawing stays the owner's.
      'POST',
      '/api/me/cases/:id/withdraw',
      () => ({ method: 'POST', url: `/api/me/cases/${caseId}/withdraw`, body: { version: version + 5 } }),
      { principal: 409, agent: 404, revokedAgent: 404, stranger: 404 },
    ],
    [
      'GET',
      '/api/me/cases/:id/receipt',
      () => ({ method: 'GET', url: `/api/me/cases/${caseId}/receipt` }),
      { principal: 200, agent: 404, revokedAgent: 404, stranger: 404 },
    ],
    [
      'GET',
      '/api/properties/:id',
      () => ({ method: 'GET', url: `/api/properties/${applicationProperty()}` }),
      { principal: 200, agent: 200, revokedAgent: 403, stranger: 403 },
    ],
    [
      'POST',
      '/api/me/powers/:id/revoke',
      () => ({ method: 'POST', url: `/api/me/powers/${revokedPower}/revoke` }),
      { principal: 200, agent: 404, revokedAgent: 404, stranger: 404 },
    ],
  ];
  let propertyId = '';
  const applicationProperty = () => propertyId;

  for (const [method, route, call, expected] of rows) {
    it(`${method} ${route}`, async () => {
      propertyId ||= (await fixtureFacts(h.registers)).propertyA.id;
      const got = {} as Record<AgentRole, number>;
      for (const role of agentRoles) {
        const c = call();
        const res = await h.app.inject({
          method: c.method,
          url: c.url,
          headers: { cookie: cookies[role], ...(c.contentType ? { 'content-type': c.contentType } : {}) },
          ...(c.body === undefined ? {} : { payload: c.body as object }),
        });
        got[role] = res.statusCode;
      }
      expect(got).toEqual(expected);
    });
  }

  it('lists the case in Mina ärenden for the owner and the acting agent only', async () => {
    for (const role of agentRoles) {
      const res = await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie: cookies[role] } });
      const ids = (res.json() as { id: string }[]).map((x) => x.id);
      expect(ids.includes(caseId), role).toBe(role === 'principal' || role === 'agent');
    }
  });
});

/**
 * Issue #20, co-owners (ADR 0019): Maria applied for Eken 1:22, which she co-owns with Per; Per has a signing link
 * and has not signed yet. A co-owner follows the case (its view, parties and drawn site plan) and signs by his link; the
 * applicant's commands (answering, withdrawing, inviting, the receipt) stay the applicant's. Applicant B owns
 * another property and reaches nothing of it.
 */
describe('authorization matrix: co-owners', () => {
  const coOwnerRoles = ['applicant', 'coOwner', 'stranger'] as const;
  type CoOwnerRole = (typeof coOwnerRoles)[number];
  const cookies = {} as Record<CoOwnerRole, string>;
  let h: Harness;
  let caseId = '';
  let partyId = '';
  let code = '';

  beforeAll(async () => {
    h = await startHarness('pglite', { bankidStartLimitPerMinute: 10_000, uploadLimitPerMinute: 10_000 });
    const facts = await fixtureFacts(h.registers);
    const pnr: Record<CoOwnerRole, string> = { applicant: MARIA, coOwner: '194509123412', stranger: facts.applicantB };
    for (const role of coOwnerRoles) cookies[role] = await login(h, pnr[role]);
    caseId = (
      await submitSigned(h, cookies.applicant, applicationFor((await h.registers.land.propertyById(EKEN_122))!))
    ).id;
    const parties = await h.app.inject({
      url: `/api/me/cases/${caseId}/parties`,
      headers: { cookie: cookies.applicant },
    });
    partyId = (parties.json() as { parties: { id: string; role: string }[] }).parties.find(
      (p) => p.role === 'coOwner',
    )!.id;
    const link = await h.app.inject({
      method: 'POST',
      url: `/api/me/cases/${caseId}/parties/${partyId}/link`,
      headers: { cookie: cookies.applicant },
    });
    code = (link.json() as { code: string }).code;
  });
  afterAll(async () => {
    await h?.close();
  });

  const rows: [string, string, () => Call, Record<CoOwnerRole, number>][] = [
    [
      'GET',
      '/api/me/cases/:id',
      () => ({ method: 'GET', url: `/api/me/cases/${caseId}` }),
      { applicant: 200, coOwner: 200, stranger: 404 },
    ],
    [
      'GET',
      '/api/me/cases/:id/parties',
      () => ({ method: 'GET', url: `/api/me/cases/${caseId}/parties` }),
      { applicant: 200, coOwner: 200, stranger: 404 },
    ],
    [
      'GET',
      '/api/me/cases/:id/site-plan.pdf',
      () => ({ method: 'GET', url: `/api/me/cases/${caseId}/site-plan.pdf` }),
      { applicant: 200, coOwner: 200, stranger: 404 },
    ],
    [
      'GET',
      '/api/me/cases/:id/receipt',
      () => ({ method: 'GET', url: `/api/me/cases/${caseId}/receipt` }),
      { applicant: 200, coOwner: 404, stranger: 404 },
    ],
    [
      // A stale version: the applicant reaches the command (409), the others not the case's commands.
      'POST',
      '/api/me/cases/:id/withdraw',
      () => ({ method: 'POST', url: `/api/me/cases/${caseId}/withdraw`, body: { version: 99 } }),
      { applicant: 409, coOwner: 404, stranger: 404 },
    ],
    [
      'POST',
      '/api/me/cases/:id/parties/:partyId/link',
      () => ({ method: 'POST', url: `/api/me/cases/${caseId}/parties/${partyId}/link` }),
      { applicant: 201, coOwner: 404, stranger: 404 },
    ],
    [
      // The newest link is made by the applicant's own row above, before each call: only Per may open it.
      'GET',
      '/api/signatures/:code',
      () => ({ method: 'GET', url: `/api/signatures/${code}` }),
      { applicant: 403, coOwner: 200, stranger: 403 },
    ],
  ];

  for (const [method, route, call, expected] of rows) {
    it(`${method} ${route}`, async () => {
      const got = {} as Record<CoOwnerRole, number>;
      for (const role of coOwnerRoles) {
        const c = call();
        const res = await h.app.inject({
          method: c.method,
          url: c.url,
          headers: { cookie: cookies[role] },
          ...(c.body === undefined ? {} : { payload: c.body as object }),
        });
        got[role] = res.statusCode;
        // A new link ends the old one: keep the newest for the rows after.
        if (route.endsWith('/link') && res.statusCode === 201) code = (res.json() as { code: string }).code;
      }
      expect(got).toEqual(expected);
    });
  }

  it('lists the case in Mina ärenden for the applicant and the co-owner only', async () => {
    for (const role of coOwnerRoles) {
      const res = await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie: cookies[role] } });
      const ids = (res.json() as { id: string }[]).map((x) => x.id);
      expect(ids.includes(caseId), role).toBe(role !== 'stranger');
    }
  });
});

/**
 * Issue #20, organisations: the routes an organisation's signatory reaches, for the callers it concerns. Brf
 * Sjöbris (fixtures/companies.json) signs two jointly: `signatory` (Henrik Sjödin) applied for it, `coSignatory`
 * (Ingemar Ström) is a board member asked to sign, `suppleant` (Tomas Nordqvist) is a registered member who does
 * not sign, and applicant A owns another property. Kept apart from the matrix above: no route is new, these are
 * the existing routes' answers for callers whose standing comes from the company register.
 */
describe('authorization matrix: an organisation’s signatories', () => {
  const callers = { signatory: '199207312399', coSignatory: '199208022393', suppleant: '199208292392' };
  const SJOBRIS = '80cce5d0-559c-49a2-a78f-8d1237f026e8';
  type OrgRole = keyof typeof callers | 'applicantA';
  let h: Harness;
  const cookies = {} as Record<OrgRole, string>;
  let caseId = '';
  let coSignatoryParty = '';
  let code = '';
  const link = async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/me/cases/${caseId}/parties/${coSignatoryParty}/link`,
      headers: { cookie: cookies.signatory },
    });
    return (res.json() as { code: string }).code;
  };

  beforeAll(async () => {
    h = await startHarness('pglite', { bankidStartLimitPerMinute: 10_000 });
    const facts = await fixtureFacts(h.registers);
    for (const [role, pnr] of Object.entries({ ...callers, applicantA: facts.applicantA }))
      cookies[role as OrgRole] = await login(h, pnr);
    const property = (await h.registers.land.propertyById(SJOBRIS))!;
    caseId = (await submitSigned(h, cookies.signatory, applicationFor(property))).id;
    const parties = await h.app.inject({
      url: `/api/me/cases/${caseId}/parties`,
      headers: { cookie: cookies.signatory },
    });
    coSignatoryParty = (parties.json() as { parties: { id: string; name: string }[] }).parties.find(
      (p) => p.name === 'Ingemar Ström',
    )!.id;
    code = await link();
  });
  afterAll(async () => {
    await h?.close();
  });

  const rows: {
    method: 'GET' | 'POST';
    route: string;
    expect: Record<OrgRole, number>;
    call(role: OrgRole): Promise<Call>;
  }[] = [
    {
      method: 'GET',
      route: '/api/me/properties',
      expect: { signatory: 200, coSignatory: 200, suppleant: 200, applicantA: 200 },
      call: async () => ({ method: 'GET', url: '/api/me/properties' }),
    },
    ...['', '/surroundings', '/neighbours'].map((tail) => ({
      method: 'GET' as const,
      route: `/api/properties/:id${tail}`,
      expect: { signatory: 200, coSignatory: 200, suppleant: 403, applicantA: 403 },
      call: async (): Promise<Call> => ({ method: 'GET', url: `/api/properties/${SJOBRIS}${tail}` }),
    })),
    {
      method: 'POST',
      route: '/api/applications',
      expect: { signatory: 202, coSignatory: 202, suppleant: 403, applicantA: 403 },
      // Each caller sends a draft of their own, drawn on the förening's property.
      call: async (role) => ({
        method: 'POST',
        url: '/api/applications',
        body: await withDrawings(h, cookies[role], applicationFor((await h.registers.land.propertyById(SJOBRIS))!)),
      }),
    },
    {
      method: 'GET',
      route: '/api/me/cases/:id',
      expect: { signatory: 200, coSignatory: 200, suppleant: 404, applicantA: 404 },
      call: async () => ({ method: 'GET', url: `/api/me/cases/${caseId}` }),
    },
    {
      method: 'GET',
      route: '/api/me/cases/:id/parties',
      expect: { signatory: 200, coSignatory: 200, suppleant: 404, applicantA: 404 },
      call: async () => ({ method: 'GET', url: `/api/me/cases/${caseId}/parties` }),
    },
    {
      // Only the signatory who applied makes links; the other board member follows the case but does not.
      method: 'POST',
      route: '/api/me/cases/:id/parties/:partyId/link',
      expect: { signatory: 201, coSignatory: 404, suppleant: 404, applicantA: 404 },
      call: async () => ({ method: 'POST', url: `/api/me/cases/${caseId}/parties/${coSignatoryParty}/link` }),
    },
    {
      // The link opens for the board member it was made for, and for nobody else.
      method: 'GET',
      route: '/api/signatures/:code',
      expect: { signatory: 403, coSignatory: 200, suppleant: 403, applicantA: 403 },
      call: async () => {
        code = await link();
        return { method: 'GET', url: `/api/signatures/${code}` };
      },
    },
    {
      method: 'POST',
      route: '/api/me/cases/:id/withdraw',
      expect: { signatory: 409, coSignatory: 404, suppleant: 404, applicantA: 404 },
      // A stale version: the applicant's command is reached (409), nobody else's is.
      call: async () => ({ method: 'POST', url: `/api/me/cases/${caseId}/withdraw`, body: { version: 99 } }),
    },
    {
      method: 'GET',
      route: '/api/officer/cases/:id/parties',
      expect: { signatory: 403, coSignatory: 403, suppleant: 403, applicantA: 403 },
      call: async () => ({ method: 'GET', url: `/api/officer/cases/${caseId}/parties` }),
    },
  ];

  for (const row of rows) {
    it(`${row.method} ${row.route}`, async () => {
      const got = {} as Record<OrgRole, number>;
      for (const role of Object.keys(row.expect) as OrgRole[]) {
        const call = await row.call(role);
        const res = await h.app.inject({
          method: call.method,
          url: call.url,
          headers: { cookie: cookies[role] },
          ...(call.body === undefined ? {} : { payload: call.body as object }),
        });
        got[role] = res.statusCode;
        if (res.statusCode >= 400) expect(res.json().error.code, `${role}: ${res.body}`).toMatch(/\w+/);
        if (row.route === '/api/applications' && res.statusCode === 202)
          await h.app.inject({
            method: 'POST',
            url: '/api/applications/sign/cancel',
            headers: { cookie: cookies[role] },
            payload: { orderRef: res.json().orderRef },
          });
      }
      expect(got).toEqual(row.expect);
    });
  }
});
