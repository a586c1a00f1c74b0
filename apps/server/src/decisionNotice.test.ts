import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTECTED_SENTINEL } from '@lovisa/registry';
import {
  CaseDetailSchema,
  PublicAnnouncementPageSchema,
  decisionNotice,
  ruleSetFor,
  type CaseDetail,
  type Property,
} from '@lovisa/domain';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { applicationFor, teamFor } from './test/fixtureFacts';
import { dbKinds } from './test/databases';

const ANNA = '198202029289';
const day = (iso: string) => new Date(`${iso}T10:00:00+01:00`);
const YEAR = 365 * 86_400_000;

describe.each(dbKinds)('notice and legal force on %s', (kind) => {
  let h: Harness;
  let anna: string;
  let lead: string;
  const logLines: string[] = [];
  const inject = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
    h.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });

  /** Anna's property by designation, and a team lead of the team its cases go to (who decides directly). */
  async function siteAndLead(designation: string): Promise<{ property: Property; lead: string }> {
    const ids = await h.registers.ownership.propertyIdsOwnedBy(ANNA);
    const properties = await Promise.all(ids.map((id) => h.registers.land.propertyById(id)));
    const property = properties.find((p) => p?.designation.endsWith(designation))!;
    const team = await teamFor(h.registers, property);
    const officers = await h.registers.staff.officers();
    return { property, lead: officers.find((o) => o.teamId === team && o.role === 'teamLead')!.personnummer };
  }
  const decide = async (property: Property, on: string): Promise<CaseDetail> => {
    h.setNow(day('2026-11-23'));
    const c = await submitSigned(h, anna, applicationFor(property));
    h.setNow(day(on));
    const read = CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${c.id}`, lead)).json());
    const res = await inject('POST', `/api/officer/cases/${c.id}/decision`, lead, {
      version: read.version,
      outcome: 'approved',
      reason: 'Åtgärden följer detaljplanen.',
    });
    expect(res.statusCode, res.body).toBe(200);
    return CaseDetailSchema.parse(res.json());
  };

  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000, sessionIdleMs: YEAR }, { logLines });
    anna = await login(h, ANNA);
    const eken = await siteAndLead('Eken 1:23');
    lead = await login(h, eken.lead);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('announces a granted permit on the anslagstavla, records the deliveries and computes legal force', async () => {
    const { property } = await siteAndLead('Eken 1:23');
    const decided = await decide(property, '2027-01-11');
    const notice = decided.notice!;
    expect(notice.announcement).toEqual({ channel: 'anslagstavla', publishedOn: '2027-01-11', upUntil: '2027-02-08' });
    // The applicant (e-mail, served that day) and the owners of the adjoining and nearby properties (letters).
    const applicant = notice.deliveries.find((d) => d.party === 'applicant')!;
    expect(applicant).toMatchObject({ method: 'email', purpose: 'service', deliveredOn: '2027-01-11' });
    const neighbours = notice.deliveries.filter((d) => d.party === 'sakagare');
    expect(neighbours.map((d) => d.name)).toEqual(expect.arrayContaining(['Maria Eriksson', 'Per Eriksson']));
    const hidden = neighbours.find((d) => d.propertyDesignation?.endsWith('Björken 2:5'))!;
    expect(hidden).toMatchObject({ name: null, method: 'forwarding', purpose: 'notice' });
    expect(JSON.stringify(decided)).not.toContain('Sjöberg');
    expect(JSON.stringify(decided)).not.toContain(PROTECTED_SENTINEL);
    // What the domain computes for the recorded facts, to the day.
    const expected = decisionNotice(
      { procedure: 'permit', outcome: 'approved', announcement: notice.announcement, deliveries: notice.deliveries },
      ruleSetFor('2026-11-23')!,
    );
    expect(notice.legalForceOn).toBe(expected.legalForceOn);
    expect(notice).toMatchObject({
      legalForceOn: '2027-02-09',
      earliestStart: '2027-02-08',
      lapses: { startBy: '2029-02-09', finishBy: '2032-02-09' },
      uncertain: true,
    });

    // The applicant sees the dates and only their own delivery.
    const own = CaseDetailSchema.parse((await inject('GET', `/api/me/cases/${decided.id}`, anna)).json());
    expect(own.notice).toMatchObject({ legalForceOn: '2027-02-09', earliestStart: '2027-02-08' });
    expect(own.notice!.deliveries.map((d) => d.party)).toEqual(['applicant']);
    expect(JSON.stringify(own)).not.toContain('Eriksson');

    // The officer records that a neighbour was served later: legal force follows their three weeks.
    const maria = neighbours.find((d) => d.name === 'Maria Eriksson')!;
    const serve = (deliveredOn: string, deliveryId = maria.id, version = decided.version) =>
      inject('POST', `/api/officer/cases/${decided.id}/delivery`, lead, { version, deliveryId, deliveredOn });
    h.setNow(day('2027-01-21'));
    const early = await serve('2027-01-10');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues[0].path).toBe('deliveredOn');
    expect((await serve('2027-01-20', '00000000-0000-4000-8000-00000000dead')).statusCode).toBe(404);
    const served = await serve('2027-01-20');
    expect(served.statusCode, served.body).toBe(200);
    const after = CaseDetailSchema.parse(served.json());
    expect(after.notice!.deliveries.find((d) => d.id === maria.id)!.deliveredOn).toBe('2027-01-20');
    expect(after.notice!.legalForceOn).toBe('2027-02-11');
    expect(after.events.at(-1)?.type).toBe('decisionDelivered');
  });

  it('lists current announcements publicly, without personal data, in pages, cacheable, and drops them after their last day', async () => {
    const { property } = await siteAndLead('Björken 2:6');
    await decide(property, '2027-01-12');
    const list = async (query = '', headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'GET', url: `/api/public/anslagstavla${query}`, headers });
    h.setNow(day('2027-01-13'));
    const res = await list();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('public');
    const page = PublicAnnouncementPageSchema.parse(res.json());
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.propertyDesignation)).toEqual([
      expect.stringMatching(/Björken 2:6$/),
      expect.stringMatching(/Eken 1:23$/),
    ]);
    expect(page.items[0]).toMatchObject({ publishedOn: '2027-01-12', upUntil: '2027-02-09', measure: 'outbuilding' });
    // Nobody's personnummer (the applicant's, the neighbours', the protected owner's) in the answer or any log line.
    const people = [ANNA, '196411193086', '194509123412', '197908109288', '193703119168', '193705269235'];
    for (const text of [res.body, ...logLines]) {
      expect(text).not.toContain(PROTECTED_SENTINEL);
      for (const pnr of people) expect(text).not.toContain(pnr.slice(2));
    }
    // Ids are random UUIDs, and one may begin "12345678-1234": they are not what is looked for.
    const withoutIds = res.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
    expect(withoutIds).not.toMatch(/\d{8}-?\d{4}/);
    for (const name of ['Anna', 'Lindqvist', 'Eriksson', 'Sjöberg']) expect(res.body).not.toContain(name);
    // Paging, and a revalidation answered 304.
    const second = PublicAnnouncementPageSchema.parse((await list('?page=2&pageSize=1')).json());
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(second.items.map((i) => i.propertyDesignation)).toEqual([expect.stringMatching(/Eken 1:23$/)]);
    expect((await list('', { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    expect((await list('?pageSize=500')).statusCode).toBe(400);
    // Eken's last day is 8 February: on the 9th only Björken's is up; from the 10th, none.
    h.setNow(day('2027-02-09'));
    expect(PublicAnnouncementPageSchema.parse((await list()).json()).items.map((i) => i.upUntil)).toEqual([
      '2027-02-09',
    ]);
    h.setNow(day('2027-02-10'));
    expect(PublicAnnouncementPageSchema.parse((await list()).json()).total).toBe(0);
  });
});
