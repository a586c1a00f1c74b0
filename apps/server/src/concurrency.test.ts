import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simIdentities } from '@lovisa/registry';
import { startHarness, login, submitSigned, withDrawings, type Harness, testApp } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/**
 * Races that only a real PostgreSQL server can stage (PGlite runs one query at a time): the guarantees come
 * from row locks and conditional updates, and are shown here with concurrent connections.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('concurrency on PostgreSQL', () => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let cookieA: string;
  let officer: string;
  beforeAll(async () => {
    h = await startHarness('postgres', { bankidStartLimitPerMinute: 100_000 });
    facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    officer = await login(h, facts.officer);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('turns one signature into one case, however many collects race', async () => {
    const payload = await withDrawings(h, cookieA, applicationFor(facts.propertyA));
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { cookie: cookieA },
      payload,
    });
    const { orderRef } = started.json();
    await testApp(h).approve(orderRef, facts.applicantA);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        h.app.inject({
          method: 'POST',
          url: '/api/applications/sign/collect',
          headers: { cookie: cookieA },
          payload: { orderRef },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.json().case.id)).size).toBe(1);
    const mine = (await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie: cookieA } })).json();
    expect(mine).toHaveLength(1);
  });

  it('hands out unique, gapless diary numbers to simultaneous submissions', async () => {
    // BankID allows one open order per person, so eight different owners submit at once.
    const owners: {
      cookie: string;
      property: NonNullable<Awaited<ReturnType<typeof h.registers.land.propertyById>>>;
    }[] = [];
    for (const { personalNumber } of await simIdentities(h.registers)) {
      if (owners.length === 8 || personalNumber === facts.applicantA) continue;
      const [id] = await h.registers.ownership.propertyIdsOwnedBy(personalNumber);
      if (!id || (await h.registers.staff.officerByPersonnummer(personalNumber))) continue;
      owners.push({ cookie: await login(h, personalNumber), property: (await h.registers.land.propertyById(id))! });
    }
    const cases = await Promise.all(owners.map((o) => submitSigned(h, o.cookie, applicationFor(o.property))));
    const numbers = cases.map((c) => Number(c.diaryNumber.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers.at(-1)! - numbers[0]!).toBe(7);
  });

  it('lets one of many simultaneous decisions win; the others get 409', async () => {
    const c = await submitSigned(h, cookieA, applicationFor(facts.propertyA));
    const officers = [officer, await login(h, facts.teamLead)];
    const { version } = (
      await h.app.inject({ method: 'GET', url: `/api/officer/cases/${c.id}`, headers: { cookie: officer } })
    ).json();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.app.inject({
          method: 'POST',
          url: `/api/officer/cases/${c.id}/decision`,
          headers: { cookie: officers[i % 2]! },
          payload: { version, outcome: i % 2 === 0 ? 'approved' : 'refused', reason: `Beslut nummer ${i}.` },
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, ...Array(9).fill(409)]);
    const detail = (
      await h.app.inject({ method: 'GET', url: `/api/officer/cases/${c.id}`, headers: { cookie: officer } })
    ).json();
    expect(detail.events.filter((e: { type: string }) => e.type === 'decided')).toHaveLength(1);
  });

  it('two officers approving the same version at once: one 200, one 409 naming who decided', async () => {
    const c = await submitSigned(h, cookieA, applicationFor(facts.propertyA));
    const lead = await login(h, facts.teamLead);
    const read = (
      await h.app.inject({ method: 'GET', url: `/api/officer/cases/${c.id}`, headers: { cookie: officer } })
    ).json();
    const [a, b] = await Promise.all(
      [officer, lead].map((cookie) =>
        h.app.inject({
          method: 'POST',
          url: `/api/officer/cases/${c.id}/decision`,
          headers: { cookie },
          payload: { version: read.version, outcome: 'approved', reason: 'Åtgärden följer detaljplanen.' },
        }),
      ),
    );
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const winner = a!.statusCode === 200 ? a! : b!;
    const loser = a!.statusCode === 200 ? b! : a!;
    expect(loser.json().error.code).toBe('conflict');
    // The stale write names who changed the case: the officer whose decision stands (or says it is decided).
    expect(loser.json().error.message).toMatch(new RegExp(`${winner.json().decidedByName}|redan beslutat`));
    const detail = (
      await h.app.inject({ method: 'GET', url: `/api/officer/cases/${c.id}`, headers: { cookie: officer } })
    ).json();
    expect(detail.version).toBe(read.version + 1);
    expect(detail.events.filter((e: { type: string }) => e.type === 'decided')).toHaveLength(1);
    expect(detail.documents).toHaveLength(1);
    expect(detail.messages.filter((m: { kind: string }) => m.kind === 'decision')).toHaveLength(1);
  });

  it('a stale write changes nothing even when the requests interleave: assign and order to complete race on one version', async () => {
    const c = await submitSigned(h, cookieA, applicationFor(facts.propertyA));
    const lead = await login(h, facts.teamLead);
    const answers = await Promise.all([
      h.app.inject({
        method: 'POST',
        url: `/api/officer/cases/${c.id}/assign`,
        headers: { cookie: lead },
        payload: { version: 0 },
      }),
      h.app.inject({
        method: 'POST',
        url: `/api/officer/cases/${c.id}/completion-request`,
        headers: { cookie: officer },
        payload: { version: 0, items: ['SEK'], replyBy: '2026-12-14' },
      }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const detail = (
      await h.app.inject({ method: 'GET', url: `/api/officer/cases/${c.id}`, headers: { cookie: officer } })
    ).json();
    expect(detail.version).toBe(1);
    expect(
      detail.events.filter((e: { type: string }) => e.type === 'assigned' || e.type === 'completionRequested'),
    ).toHaveLength(1);
  });
});
