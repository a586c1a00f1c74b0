import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CasePartiesSchema,
  MyPropertySchema,
  PartyLinkSchema,
  PartySignRequestSchema,
  type CaseSummary,
} from '@lovisa/domain';
import { dbKinds } from './test/databases';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
import { login, startHarness, submitSigned, testApp, type Harness } from './test/harness';
import { pdfText } from './test/pdfText';

// Issue #20, organisations (fixtures/companies.json): Bostadsrättsföreningen Sjöbris owns Kjellstavik Sjöbris 1:1
// and signs "två i förening av ledamöterna" (Henrik Sjödin, ordförande; Ingemar Ström and Mats Holmqvist,
// ledamöter; Tomas Nordqvist, suppleant, does not sign). Kjellstaviks Båtvarv AB owns Varvet 1:1 and its board
// member Olle Varg signs alone; Rune Varg is its suppleant.
const HENRIK = '199207312399';
const INGEMAR = '199208022393';
const MATS = '199208112392';
const TOMAS = '199208292392';
const OLLE = '199210112398';
const RUNE = '199301112398';
const SJOBRIS = '80cce5d0-559c-49a2-a78f-8d1237f026e8';
const VARVET = '94698f43-afcf-4a0d-a940-7fdd74de2aeb';
const BRF_NAME = 'Bostadsrättsföreningen Sjöbris i Kjellstavik';

describe.each(dbKinds)('a signatory applies for the organisation (%s)', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;

  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000 });
    facts = await fixtureFacts(h.registers);
    for (const p of [HENRIK, INGEMAR, MATS, TOMAS, OLLE, RUNE, facts.applicantA]) cookies[p] = await login(h, p);
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
  const application = async (id: string) => applicationFor((await h.registers.land.propertyById(id))!);
  const parties = async (who: string, caseId: string) => {
    const res = await as(who, 'GET', `/api/me/cases/${caseId}/parties`);
    expect(res.statusCode, res.body).toBe(200);
    return CasePartiesSchema.parse(res.json());
  };
  const myCases = async (who: string) =>
    ((await as(who, 'GET', '/api/me/cases')).json() as CaseSummary[]).map((c) => c.id);

  it('shows a signatory the organisation’s property, saying whom they act for; a suppleant sees none', async () => {
    const res = await as(HENRIK, 'GET', '/api/me/properties');
    expect(res.statusCode).toBe(200);
    const mine = MyPropertySchema.array().parse(res.json());
    expect(mine.map((p) => [p.designation, p.representing?.name, p.representing?.rule])).toEqual([
      ['Kjellstavik Sjöbris 1:1', BRF_NAME, { kind: 'jointly', count: 2 }],
    ]);
    expect((await as(HENRIK, 'GET', `/api/properties/${SJOBRIS}`)).statusCode).toBe(200);
    expect(MyPropertySchema.array().parse((await as(TOMAS, 'GET', '/api/me/properties')).json())).toEqual([]);
    expect((await as(TOMAS, 'GET', `/api/properties/${SJOBRIS}`)).statusCode).toBe(403);
    // Signing for one organisation gives nothing of another's.
    expect((await as(HENRIK, 'GET', `/api/properties/${VARVET}`)).statusCode).toBe(403);
  });

  it('refuses a submission by a member who does not sign for the owner', async () => {
    await expect(submitSigned(h, cookies[TOMAS]!, await application(SJOBRIS))).rejects.toThrow(/403/);
    await expect(submitSigned(h, cookies[RUNE]!, await application(VARVET))).rejects.toThrow(/403/);
    await expect(submitSigned(h, cookies[HENRIK]!, await application(VARVET))).rejects.toThrow(/403/);
  });

  it('makes the organisation the applicant; "two jointly" asks the other board members; the second signs by link', async () => {
    const c = await submitSigned(h, cookies[HENRIK]!, await application(SJOBRIS));
    expect(c.applicantName).toBe(BRF_NAME);
    const view = await parties(HENRIK, c.id);
    expect(view).toMatchObject({
      complete: false,
      signed: 1,
      needed: 2,
      me: 'applicant',
      mayInvite: true,
      organisation: { orgnr: '7696900427', name: BRF_NAME },
    });
    expect(view.parties.map((p) => [p.name, p.role, p.state])).toEqual([
      ['Henrik Sjödin', 'applicant', 'signed'],
      ['Ingemar Ström', 'signatory', 'invited'],
      ['Mats Holmqvist', 'signatory', 'invited'],
    ]);
    // The suppleant is no party; the other board members follow the case already.
    expect(await myCases(TOMAS)).not.toContain(c.id);
    expect(await myCases(INGEMAR)).toContain(c.id);

    const ingemar = view.parties.find((p) => p.name === 'Ingemar Ström')!;
    const link = await as(HENRIK, 'POST', `/api/me/cases/${c.id}/parties/${ingemar.id}/link`);
    expect(link.statusCode, link.body).toBe(201);
    const { code } = PartyLinkSchema.parse(link.json());
    expect((await as(MATS, 'GET', `/api/signatures/${code}`)).statusCode).toBe(403);
    const request = PartySignRequestSchema.parse((await as(INGEMAR, 'GET', `/api/signatures/${code}`)).json());
    expect(request).toMatchObject({ applicantName: BRF_NAME, role: 'signatory', state: 'invited' });
    expect(request.signText).toContain(`Som firmatecknare för ${BRF_NAME} skriver jag under`);
    const start = await as(INGEMAR, 'POST', `/api/signatures/${code}/sign`);
    expect(start.statusCode, start.body).toBe(202);
    const { orderRef } = start.json() as { orderRef: string };
    expect((await testApp(h).approve(orderRef, INGEMAR)).status).toBeLessThan(400);
    const collect = await as(INGEMAR, 'POST', `/api/signatures/${code}/sign/collect`, { orderRef });
    expect(collect.json()).toMatchObject({ status: 'complete' });

    // Two of two: the firmateckning is met, though Mats never signed.
    const after = await parties(INGEMAR, c.id);
    expect(after).toMatchObject({ complete: true, signed: 2, needed: 2, me: 'signatory' });
    expect(after.parties.map((p) => p.state)).toEqual(['signed', 'signed', 'invited']);
    expect(await myCases(HENRIK)).toContain(c.id);
    expect(await myCases(INGEMAR)).toContain(c.id);
    // The applicant's commands stay the applicant's.
    expect((await as(INGEMAR, 'POST', `/api/me/cases/${c.id}/withdraw`, { version: 0 })).statusCode).toBe(404);
    // The officer sees the organisation as the applicant and both signatures.
    const officer = await login(
      h,
      (await h.registers.staff.officers()).find((o) => o.teamId === c.teamId)!.personnummer,
    );
    const officerView = await h.app.inject({
      method: 'GET',
      url: `/api/officer/cases/${c.id}/parties`,
      headers: { cookie: officer },
    });
    expect(CasePartiesSchema.parse(officerView.json())).toMatchObject({ complete: true, signed: 2, me: null });
    // The officer's applicant panel: the förening, its number and address, and who signed for it.
    const detail = await h.app.inject({
      method: 'GET',
      url: `/api/officer/cases/${c.id}`,
      headers: { cookie: officer },
    });
    expect((detail.json() as { officer: { applicant: unknown } }).officer.applicant).toMatchObject({
      name: BRF_NAME,
      address: { street: 'Sjöbrisvägen 1', postalCode: '742 31', city: 'Kjellstavik' },
      organisation: { orgnr: '7696900427', signatoryName: 'Henrik Sjödin' },
    });
  });

  it('a company whose board member signs alone: complete at once, nobody else asked', async () => {
    const c = await submitSigned(h, cookies[OLLE]!, await application(VARVET));
    expect(c.applicantName).toBe('Kjellstaviks Båtvarv AB');
    // The receipt is addressed to the company at its registered address, through the board member who signed.
    const receipt = await pdfText((await as(OLLE, 'GET', `/api/me/cases/${c.id}/receipt`)).rawPayload);
    expect(receipt).toContain('Kjellstaviks Båtvarv AB');
    expect(receipt).toContain('genom Olle Varg');
    expect(receipt).toContain('Varvsgatan 2');
    expect(receipt).not.toContain('Varvsgatan 4'); // Olle's home
    const view = await parties(OLLE, c.id);
    expect(view).toMatchObject({ complete: true, signed: 1, needed: 1, mayInvite: false });
    expect(view.parties.map((p) => [p.name, p.role])).toEqual([['Olle Varg', 'applicant']]);
    expect(await myCases(RUNE)).not.toContain(c.id);
  });
});
