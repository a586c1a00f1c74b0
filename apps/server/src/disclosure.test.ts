import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFixturesDir, loadFixtureRegisters, type Registers } from '@lovisa/registry';
import {
  startHarness,
  login,
  multipartFile,
  submitSigned,
  testPdf,
  uploadTo,
  withDrawings,
  type Harness,
  testApp,
} from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/**
 * Issue 11, "reveal nothing about whether a person exists". Nobody learns from Lovisa's answers whether a
 * personnummer is known to the population register, or whether a draft, case, file or BankID order they do
 * not own exists: the login answers are the same for every person, and another person's thing answers exactly
 * (status, body, content type) as an id that was never issued.
 *
 * The one answer that cannot be the same: `PUT /api/drafts/:id` of an unknown id creates the caller's draft
 * (the browser picks the id, a random UUID), while another person's id is refused with the 404 every other
 * route gives. Guessing a draft id that exists is guessing 122 random bits.
 */

type Answer = { status: number; contentType: string | undefined; body: unknown };
const answer = (res: LightMyRequestResponse): Answer => ({
  status: res.statusCode,
  contentType: res.headers['content-type'] as string | undefined,
  body: (res.headers['content-type'] ?? '').toString().includes('json') ? res.json() : res.body,
});

/** The same answer for someone else's thing as for a thing that does not exist, and a refusal at that. */
function expectSame(theirs: Answer, unknown: Answer, what: string) {
  expect(theirs, what).toEqual(unknown);
  expect(theirs.status, what).toBeGreaterThanOrEqual(400);
}

/** The shape of a JSON value: its keys and the types of its leaves, not the values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  return value === null ? 'null' : typeof value;
}

/** A Skatteverket test number that no register, staff list or ownership record of the fixtures knows. */
async function unregisteredTestNumber(registers: Registers): Promise<string> {
  const list = (await readFile(path.join(defaultFixturesDir(), 'test-personnummer.txt'), 'utf8'))
    .split('\n')
    .filter((l) => /^\d{12}$/.test(l.trim()));
  const known = new Set(((await registers.testIdentities?.()) ?? []).map((i) => i.personalNumber));
  for (const candidate of list.map((l) => l.trim()).reverse()) {
    if (known.has(candidate)) continue;
    if ((await registers.population.personByPersonnummer(candidate)) !== null) continue;
    if ((await registers.staff.officerByPersonnummer(candidate)) !== null) continue;
    if ((await registers.ownership.propertyIdsOwnedBy(candidate)).length > 0) continue;
    return candidate;
  }
  throw new Error('every test personnummer is in the fixtures');
}

describe('answers reveal nothing about who or what exists', () => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let unregistered: string;
  const protectedPerson = '197908109288';
  const logLines: string[] = [];

  beforeAll(async () => {
    // The fixture registers, with one more identity BankID can vouch for: a real person, as far as BankID knows,
    // whom the population register has never heard of (moved abroad, newly registered, a coordination number).
    const fixtures = await loadFixtureRegisters(defaultFixturesDir());
    unregistered = await unregisteredTestNumber(fixtures);
    const registers: Registers = {
      ...fixtures,
      testIdentities: async () => [
        ...((await fixtures.testIdentities?.()) ?? []),
        { personalNumber: unregistered, givenName: 'Tove', surname: 'Utomlands' },
      ],
    };
    h = await startHarness(
      'pglite',
      { bankidStartLimitPerMinute: 10_000, uploadLimitPerMinute: 10_000 },
      { registers, logLines },
    );
    facts = await fixtureFacts(h.registers);
  });
  afterAll(async () => {
    await h?.close();
  });

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    h.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload === undefined ? {} : { payload }) });

  /** One whole BankID login as a browser does it, every answer recorded. */
  async function loginAnswers(personnummer: string) {
    const firstLog = logLines.length;
    const start = await inject('POST', '/api/auth/bankid/start', undefined, { mode: 'qr' });
    const { orderRef } = start.json() as { orderRef: string };
    const loginCookie = start.cookies.find((c) => c.name === 'lovisa_login')!.value;
    const collect = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/bankid/collect',
        payload: { orderRef },
        cookies: { lovisa_login: loginCookie },
      });
    const qr = await h.app.inject({
      method: 'GET',
      url: `/api/auth/bankid/${orderRef}/qr`,
      cookies: { lovisa_login: loginCookie },
    });
    const pending = await collect();
    const approve = await testApp(h).approve(orderRef, personnummer);
    expect(approve.status, 'the simulator approves').toBe(303);
    const complete = await collect();
    const session = complete.cookies.find((c) => c.name === 'lovisa_session');
    const cookie = `lovisa_session=${session?.value}`;
    const sessionAnswer = await inject('GET', '/api/session', cookie);
    const describeRes = (res: LightMyRequestResponse) => ({
      status: res.statusCode,
      shape: shape(res.json()),
      cookies: res.cookies
        .map((c) => `${c.name}:${c.value ? 'set' : 'cleared'}:${c.path}:${c.httpOnly}:${c.sameSite}`)
        .sort(),
    });
    const log = logLines
      .slice(firstLog)
      .map((l) => JSON.parse(l) as { msg?: string; res?: { statusCode?: number } })
      .map((l) => `${l.msg}${l.res?.statusCode ? ` ${l.res.statusCode}` : ''}`);
    return {
      cookie,
      start: describeRes(start),
      qr: describeRes(qr),
      pending: { ...describeRes(pending), body: pending.json() },
      complete: { ...describeRes(complete), body: complete.json() },
      session: {
        status: sessionAnswer.statusCode,
        shape: shape(sessionAnswer.json()),
        roles: sessionAnswer.json().user.roles,
      },
      log,
      logText: logLines.slice(firstLog).join('\n'),
    };
  }

  it('login start and collect answer a registered, an unregistered and a protected person alike', async () => {
    expect(await h.registers.population.personByPersonnummer(unregistered)).toBeNull();
    expect(await h.registers.population.personByPersonnummer(facts.applicantA)).not.toBeNull();
    const registered = await loginAnswers(facts.applicantA);
    const unknown = await loginAnswers(unregistered);
    const shielded = await loginAnswers(protectedPerson);
    const { cookie: _a, logText: logA, ...a } = registered;
    const { cookie: _u, logText: logU, ...u } = unknown;
    const { cookie: _p, logText: logP, ...p } = shielded;
    expect(a.start.status).toBe(200);
    expect(a.pending.body).toMatchObject({ status: 'pending' });
    expect(a.complete).toMatchObject({ status: 200, body: { status: 'complete' } });
    expect(a.complete.cookies).toContain('lovisa_session:set:/:true:Lax');
    // Same status, same keys, same value types, same cookies, the same bodies where nothing random is in them,
    // and the same log lines: no "user not found" anywhere.
    expect(u).toEqual(a);
    expect(p).toEqual(a);
    expect(a.session.roles).toEqual(['applicant']);
    for (const [text, pnr] of [
      [logA, facts.applicantA],
      [logU, unregistered],
      [logP, protectedPerson],
    ] as const) {
      expect(text).not.toContain(pnr);
      expect(text).not.toMatch(/not found|unknown person|okänd/i);
    }
  });

  it('an applicant the population register does not know can use the service; nothing about it shows elsewhere', async () => {
    const cookie = await login(h, unregistered);
    const me = await inject('GET', '/api/me', cookie);
    expect(me.statusCode).toBe(200);
    // Their name as BankID gave it, no address: the same answer a protected person gets, so no screen tells them apart.
    expect(me.json()).toEqual({
      name: 'Tove Utomlands',
      givenName: 'Tove',
      surname: 'Utomlands',
      personnummer: unregistered,
      address: null,
      protectedIdentity: false,
    });
    const registeredNonOwner = await login(h, facts.nonOwners[0]!);
    // The same keys as anyone's (their own address is the only thing a registered person sees more of).
    const keys = (res: LightMyRequestResponse) => Object.keys(res.json()).sort();
    expect(keys(me)).toEqual(keys(await inject('GET', '/api/me', await login(h, protectedPerson))));
    expect(keys(me)).toEqual(keys(await inject('GET', '/api/me', registeredNonOwner)));
    // Everything else a person without properties meets answers as for a registered one without properties.
    for (const url of ['/api/me/properties', '/api/drafts', '/api/me/cases', '/api/me/messages', '/api/session']) {
      const theirs = answer(await inject('GET', url, cookie));
      const registered = answer(await inject('GET', url, registeredNonOwner));
      expect(theirs.status, url).toBe(200);
      if (url === '/api/session') expect(shape(theirs.body), url).toEqual(shape(registered.body));
      else expect(theirs, url).toEqual(registered);
    }
    const draftId = randomUUID();
    expect((await inject('PUT', `/api/drafts/${draftId}`, cookie, { data: { step: 'property' } })).statusCode).toBe(
      200,
    );
    // Applying for somebody's property is refused as it is for any registered non-owner.
    const tryApply = async (c: string) =>
      answer(await inject('POST', '/api/applications', c, applicationFor(facts.propertyA)));
    expect(await tryApply(cookie)).toEqual(await tryApply(registeredNonOwner));
    // Nobody else can reach that draft; to them it is as absent as a draft never made.
    const cookieA = await login(h, facts.applicantA);
    expectSame(
      answer(await inject('GET', `/api/drafts/${draftId}/attachments`, cookieA)),
      answer(await inject('GET', `/api/drafts/${randomUUID()}/attachments`, cookieA)),
      'their draft',
    );
    expect(((await inject('GET', '/api/drafts', cookieA)).json() as { id: string }[]).map((d) => d.id)).not.toContain(
      draftId,
    );
  });

  describe('someone else’s thing answers as one that does not exist', () => {
    let cookieA: string;
    let cookieB: string;
    let cookieOfficerY: string;
    let cookieOfficerX: string;
    /** B's open draft with a file, B's case (team X) with its files, and a draft of B's that became that case. */
    let draftB: string;
    let draftFileB: string;
    let caseB: { id: string; diaryNumber: string };
    let caseFileB: string;
    let submittedDraftB: string;

    beforeAll(async () => {
      cookieA = await login(h, facts.applicantA);
      cookieB = await login(h, facts.applicantB);
      cookieOfficerX = await login(h, facts.officer);
      cookieOfficerY = await login(h, facts.otherTeamOfficer);
      draftB = randomUUID();
      const drawn = applicationFor(facts.propertyB);
      await inject('PUT', `/api/drafts/${draftB}`, cookieB, {
        data: {
          step: 'attachments',
          propertyId: drawn.propertyId,
          measure: drawn.measure,
          footprints: drawn.footprints,
        },
      });
      draftFileB = (await uploadTo(h, cookieB, draftB, 'type=PLA', 'plan.pdf', testPdf('B plan'))).json().id;
      const withFiles = await withDrawings(h, cookieB, applicationFor(facts.propertyB));
      submittedDraftB = withFiles.draftId!;
      caseFileB = (
        (await inject('GET', `/api/drafts/${submittedDraftB}/attachments`, cookieB)).json() as { id: string }[]
      )[0]!.id;
      caseB = await submitSigned(h, cookieB, withFiles);
    });

    it('drafts and their files, and resuming one (`?utkast=<id>`)', async () => {
      const other = randomUUID();
      const pairs: [string, 'GET' | 'POST' | 'DELETE', (id: string) => string, object?][] = [
        ['attachments list', 'GET', (id) => `/api/drafts/${id}/attachments`],
        ['site plan PDF', 'GET', (id) => `/api/drafts/${id}/site-plan.pdf`],
        ['make the site plan', 'POST', (id) => `/api/drafts/${id}/attachments/site-plan`],
        ['remove a file', 'DELETE', (id) => `/api/drafts/${id}/attachments/${draftFileB}`],
      ];
      for (const [what, method, url] of pairs) {
        expectSame(
          answer(await inject(method, url(draftB), cookieA)),
          answer(await inject(method, url(other), cookieA)),
          what,
        );
      }
      // An upload to B's draft, and to no draft at all.
      const upload = async (id: string) =>
        answer(await uploadTo(h, cookieA, id, 'type=FAS', 'fasad.pdf', testPdf('A')));
      expectSame(await upload(draftB), await upload(other), 'upload');
      // A file id of B's on A's own draft: as a file id never issued.
      const ownDraft = randomUUID();
      await inject('PUT', `/api/drafts/${ownDraft}`, cookieA, { data: { step: 'attachments' } });
      expectSame(
        answer(await inject('DELETE', `/api/drafts/${ownDraft}/attachments/${draftFileB}`, cookieA)),
        answer(await inject('DELETE', `/api/drafts/${ownDraft}/attachments/${randomUUID()}`, cookieA)),
        'B’s file on A’s draft',
      );
      // Resume: the page resolves `?utkast=<id>` in the list of the caller's own drafts, which never holds B's.
      const listed = ((await inject('GET', '/api/drafts', cookieA)).json() as { id: string }[]).map((d) => d.id);
      expect(listed).not.toContain(draftB);
      expect(listed).toContain(ownDraft);
      // Saving over B's draft id is refused with the same 404 the reads give, and B's draft is untouched.
      const put = await inject('PUT', `/api/drafts/${draftB}`, cookieA, { data: { step: 'map' } });
      expect(answer(put)).toEqual(answer(await inject('GET', `/api/drafts/${other}/attachments`, cookieA)));
      expect(
        ((await inject('GET', '/api/drafts', cookieB)).json() as { id: string; data: { step: string } }[]).find(
          (d) => d.id === draftB,
        )?.data.step,
      ).toBe('attachments');
      // Sending an application that names B's draft (open, or already a case) tells A nothing of it either.
      const send = async (draftId: string) =>
        answer(await inject('POST', '/api/applications', cookieA, { ...applicationFor(facts.propertyA), draftId }));
      const unknownDraft = await send(other);
      expectSame(await send(draftB), unknownDraft, 'application naming B’s open draft');
      expectSame(await send(submittedDraftB), unknownDraft, 'application naming B’s submitted draft');
    });

    it('cases, to another applicant and to another team’s officer, by id and by diary number', async () => {
      const other = randomUUID();
      const file = multipartFile('sektion.pdf', testPdf('sektion'));
      const applicantCalls: [string, 'GET' | 'POST', (id: string) => string, object?][] = [
        ['case', 'GET', (id) => `/api/me/cases/${id}`],
        ['site plan', 'GET', (id) => `/api/me/cases/${id}/site-plan.pdf`],
        ['decision', 'GET', (id) => `/api/me/cases/${id}/documents/decision`],
        ['completion', 'POST', (id) => `/api/me/cases/${id}/completion`, { version: 0, note: 'Här är sektionen.' }],
        ['withdraw', 'POST', (id) => `/api/me/cases/${id}/withdraw`, { version: 0 }],
      ];
      for (const [what, method, url, body] of applicantCalls) {
        expectSame(
          answer(await inject(method, url(caseB.id), cookieA, body)),
          answer(await inject(method, url(other), cookieA, body)),
          `applicant: ${what}`,
        );
      }
      const completionUpload = async (id: string) =>
        answer(
          await h.app.inject({
            method: 'POST',
            url: `/api/me/cases/${id}/attachments?type=SEK`,
            headers: { cookie: cookieA, 'content-type': file.contentType },
            payload: file.payload,
          }),
        );
      expectSame(await completionUpload(caseB.id), await completionUpload(other), 'applicant: completion file');

      const officerCalls: [string, 'GET' | 'POST', (id: string) => string, object?][] = [
        ['case', 'GET', (id) => `/api/officer/cases/${id}`],
        ['site plan', 'GET', (id) => `/api/officer/cases/${id}/site-plan.pdf`],
        ['decision document', 'GET', (id) => `/api/officer/cases/${id}/documents/decision`],
        ['assign', 'POST', (id) => `/api/officer/cases/${id}/assign`, { version: 0 }],
        [
          'completion request',
          'POST',
          (id) => `/api/officer/cases/${id}/completion-request`,
          { version: 0, items: ['SEK'], replyBy: '2026-12-21' },
        ],
        [
          'extension',
          'POST',
          (id) => `/api/officer/cases/${id}/extension`,
          { version: 0, weeks: 4, reason: 'Remiss.' },
        ],
        [
          'decision',
          'POST',
          (id) => `/api/officer/cases/${id}/decision`,
          { version: 0, outcome: 'approved', reason: 'Följer planen.' },
        ],
        ['start approval', 'POST', (id) => `/api/officer/cases/${id}/start-approval`, { version: 0 }],
        ['confirm proposal', 'POST', (id) => `/api/officer/cases/${id}/proposal/confirm`, { version: 0 }],
        ['return proposal', 'POST', (id) => `/api/officer/cases/${id}/proposal/return`, { version: 0 }],
      ];
      for (const [what, method, url, body] of officerCalls) {
        expectSame(
          answer(await inject(method, url(caseB.id), cookieOfficerY, body)),
          answer(await inject(method, url(other), cookieOfficerY, body)),
          `other team: ${what}`,
        );
      }
      // The case's own team does find it (the comparison above is not two missing cases).
      expect((await inject('GET', `/api/officer/cases/${caseB.id}`, cookieOfficerX)).statusCode).toBe(200);
      // By diary number: another team's search finds what a search for a number never issued finds.
      const search = async (q: string, cookie: string) =>
        answer(await inject('GET', `/api/officer/queue?q=${encodeURIComponent(q)}`, cookie));
      const [year] = caseB.diaryNumber.match(/\d{4}/)!;
      const neverIssued = caseB.diaryNumber.replace(/\d+$/, (n) => String(Number(n) + 9000).padStart(n.length, '0'));
      expect(neverIssued).not.toBe(caseB.diaryNumber);
      expect(year).toBeTruthy();
      expect(await search(caseB.diaryNumber, cookieOfficerY)).toEqual(await search(neverIssued, cookieOfficerY));
      expect(((await search(caseB.diaryNumber, cookieOfficerX)).body as { total: number }).total).toBe(1);
    });

    it('files: a draft’s and a case’s, to another applicant and another team’s officer', async () => {
      const get = async (id: string, cookie: string) => answer(await inject('GET', `/api/attachments/${id}`, cookie));
      const none = randomUUID();
      for (const [who, cookie] of [
        ['applicant A', cookieA],
        ['officer of another team', cookieOfficerY],
      ] as const) {
        expectSame(await get(draftFileB, cookie), await get(none, cookie), `${who}: B's draft file`);
        expectSame(await get(caseFileB, cookie), await get(none, cookie), `${who}: B's case file`);
      }
      // A draft's file is its owner's alone, even to the officers of the team that will get the case.
      expectSame(await get(draftFileB, cookieOfficerX), await get(none, cookieOfficerX), 'officer X: B’s draft file');
      expect((await get(caseFileB, cookieOfficerX)).status).toBe(200);
    });

    it('BankID orders: another person’s login or sign order answers as one never started', async () => {
      // B's browser starts a login; A's browser (with a login of its own under way) asks about it.
      const startB = await inject('POST', '/api/auth/bankid/start', undefined, { mode: 'qr' });
      const startA = await inject('POST', '/api/auth/bankid/start', undefined, { mode: 'qr' });
      const cookies = { lovisa_login: startA.cookies.find((c) => c.name === 'lovisa_login')!.value };
      const orderB = startB.json().orderRef as string;
      const missing = randomUUID();
      for (const [what, method, url, payload] of [
        ['collect', 'POST', () => '/api/auth/bankid/collect', (o: string) => ({ orderRef: o })],
        ['cancel', 'POST', () => '/api/auth/bankid/cancel', (o: string) => ({ orderRef: o })],
        ['qr', 'GET', (o: string) => `/api/auth/bankid/${o}/qr`, () => undefined],
      ] as const) {
        const ask = async (o: string) =>
          answer(await h.app.inject({ method, url: url(o), cookies, ...(payload(o) ? { payload: payload(o) } : {}) }));
        expectSame(await ask(orderB), await ask(missing), `login ${what}`);
      }
      // B starts signing; A asks about B's sign order.
      const started = await inject(
        'POST',
        '/api/applications',
        cookieB,
        await withDrawings(h, cookieB, applicationFor(facts.propertyB)),
      );
      expect(started.statusCode).toBe(202);
      const signB = started.json().orderRef as string;
      expectSame(
        answer(await inject('POST', '/api/applications/sign/collect', cookieA, { orderRef: signB })),
        answer(await inject('POST', '/api/applications/sign/collect', cookieA, { orderRef: missing })),
        'sign collect',
      );
      expectSame(
        answer(await inject('GET', `/api/applications/sign/${signB}/qr`, cookieA)),
        answer(await inject('GET', `/api/applications/sign/${missing}/qr`, cookieA)),
        'sign qr',
      );
      expectSame(
        answer(await inject('POST', '/api/applications/sign/cancel', cookieA, { orderRef: signB })),
        answer(await inject('POST', '/api/applications/sign/cancel', cookieA, { orderRef: missing })),
        'sign cancel',
      );
      await inject('POST', '/api/applications/sign/cancel', cookieB, { orderRef: signB });
    });
  });
});
