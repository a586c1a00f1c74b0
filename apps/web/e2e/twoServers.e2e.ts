import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type RunningServer, draftWithDrawings, simApprove, useServers } from './support';

const ANNA = '198202029289';
const OSKAR = '198306219299';
const EKEN_1_23 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23';
// 8 × 7 m in the middle of Eken 1:23: over the 30 m² exemption, so a permit, and within the plan.
const ring = [
  [620_071, 6_650_019],
  [620_079, 6_650_019],
  [620_079, 6_650_026],
  [620_071, 6_650_026],
  [620_071, 6_650_019],
];

/**
 * Two server processes, one PostgreSQL: nothing that matters lives in one process's memory. Sessions,
 * BankID orders and cases are in the database; the BankID simulator is one service both talk to (as the
 * real BankID would be), here the first server's.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two servers on one PostgreSQL', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `lovisa_two_${randomBytes(5).toString('hex')}`;
  let a: RunningServer;
  let b: RunningServer;

  // Before the servers' teardown is registered, so the database is dropped once both are dead.
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const servers = useServers();
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    a = await servers.start({ env: { DATABASE_URL: url.toString() } });
    b = await servers.start({
      env: { DATABASE_URL: url.toString(), BANKID_URL: `${a.baseUrl}/bankid-sim`, BANKID_SIMULATOR: 'false' },
    });
  });

  it('shares sessions and cases, and keeps serving when one server is killed under load', async () => {
    const json = (cookie: string) => ({ 'content-type': 'application/json', cookie });
    // Log in on B, use the session on A.
    const anna = await apiLogin(b.baseUrl, ANNA, a.baseUrl);
    expect((await fetch(`${a.baseUrl}/api/me`, { headers: { cookie: anna } })).status).toBe(200);

    // Submit on A (signed), decide on B.
    const started = await fetch(`${a.baseUrl}/api/applications`, {
      method: 'POST',
      headers: json(anna),
      body: JSON.stringify({
        draftId: await draftWithDrawings(a.baseUrl, anna, EKEN_1_23),
        propertyId: EKEN_1_23,
        measure: 'outbuilding',
        footprints: [{ id: 'f1', measure: 'outbuilding', geometry: { type: 'Polygon', coordinates: [ring] } }],
        details: {
          description: 'Dubbelgarage i trä, 56 m².',
          ridgeHeightM: 3,
          plannedStart: '2027-05-01',
          email: 'anna@example.se',
        },
      }),
    });
    const { orderRef } = (await started.json()) as { orderRef: string };
    await simApprove(a.baseUrl, orderRef, ANNA);
    // The collect may land on either server: the order is in the database.
    const signed = await fetch(`${b.baseUrl}/api/applications/sign/collect`, {
      method: 'POST',
      headers: json(anna),
      body: JSON.stringify({ orderRef }),
    });
    const { case: created } = (await signed.json()) as { case: { id: string; diaryNumber: string } };
    const oskar = await apiLogin(b.baseUrl, OSKAR, a.baseUrl);
    const { version } = (await (
      await fetch(`${a.baseUrl}/api/officer/cases/${created.id}`, { headers: { cookie: oskar } })
    ).json()) as { version: number };
    const decided = await fetch(`${b.baseUrl}/api/officer/cases/${created.id}/decision`, {
      method: 'POST',
      headers: json(oskar),
      body: JSON.stringify({ version, outcome: 'approved', reason: 'Följer detaljplanen.' }),
    });
    expect(decided.status).toBe(200);
    expect(
      (
        (await (await fetch(`${a.baseUrl}/api/me/cases`, { headers: { cookie: anna } })).json()) as {
          outcome: string;
        }[]
      )[0]!.outcome,
    ).toBe('approved');

    // Autosaves against both servers; A is killed halfway. Every acknowledged save must be kept.
    const acknowledged: string[] = [];
    let bFailures = 0;
    let aAcks = 0;
    const save = async (server: RunningServer, i: number) => {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      try {
        const res = await fetch(`${server.baseUrl}/api/drafts/${id}`, {
          method: 'PUT',
          headers: json(anna),
          body: JSON.stringify({ data: { step: 'map' } }),
        });
        if (res.ok) {
          acknowledged.push(id);
          if (server === a) aAcks += 1;
        } else if (server === b) bFailures += 1;
      } catch {
        if (server === b) bFailures += 1;
      }
    };
    const load = Array.from({ length: 200 }, (_, i) => save(i % 2 === 0 ? a : b, i + 1));
    // Kill A mid-load: once it has acknowledged a few saves (on a busy machine that takes longer than on an idle one).
    const kill = (async () => {
      for (let waited = 0; aAcks < 5 && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      await a.stop('SIGKILL');
    })();
    await Promise.all([...load, kill]);
    expect(bFailures).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(100);
    // Read the drafts table directly: the API lists only the newest few.
    const check = new pg.Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${name}`) });
    await check.connect();
    const { rows } = await check.query('select id from drafts');
    await check.end();
    const ids = new Set(rows.map((r: { id: string }) => r.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    expect((await fetch(`${b.baseUrl}/api/health`)).status).toBe(200);
  });
});
