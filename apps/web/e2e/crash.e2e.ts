import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { apiLogin, draftWithDrawings, repoRoot, simApprove, useServers } from './support';

// Submissions under load, the server killed with SIGKILL in the middle, started again on the same data: every
// submission that was acknowledged (the signed collect answered with a diary number) is there, intact.

/** Applicants who own different plots, so their BankID orders can run at the same time. */
const APPLICANTS = ['198202029289', '195002281839', '196411193086', '193502234796'];

interface Submitted {
  cookie: string;
  diaryNumber: string;
}

async function submitOnce(
  baseUrl: string,
  cookie: string,
  personnummer: string,
  propertyId: string,
  ring: number[][],
): Promise<string> {
  const json = { 'content-type': 'application/json', cookie };
  const started = await fetch(`${baseUrl}/api/applications`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      draftId: await draftWithDrawings(baseUrl, cookie, propertyId),
      propertyId,
      measure: 'outbuilding',
      footprints: [{ id: 'f1', measure: 'outbuilding', geometry: { type: 'Polygon', coordinates: [ring] } }],
      details: {
        description: 'Dubbelgarage i trä, 56 m².',
        ridgeHeightM: 3,
        plannedStart: '2027-05-01',
        email: 'sokande@example.se',
      },
    }),
  });
  if (started.status !== 202) throw new Error(`not started: ${started.status}`);
  const { orderRef } = (await started.json()) as { orderRef: string };
  await simApprove(baseUrl, orderRef, personnummer);
  const collected = await fetch(`${baseUrl}/api/applications/sign/collect`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ orderRef }),
  });
  const body = (await collected.json()) as { status: string; case?: { diaryNumber: string } };
  if (body.status !== 'complete' || !body.case) throw new Error(`not complete: ${body.status}`);
  return body.case.diaryNumber;
}

/** An 8 × 7 m garage in the middle of a plot (over every exemption: a permit case). */
async function garageOn(personnummer: string) {
  const ownership = JSON.parse(await readFile(path.join(repoRoot, 'fixtures/ownership.json'), 'utf8')) as {
    personnummer: string;
    propertyIds: string[];
  }[];
  const properties = JSON.parse(await readFile(path.join(repoRoot, 'fixtures/properties.json'), 'utf8')) as {
    id: string;
    boundary: { coordinates: number[][][][] };
  }[];
  const propertyId = ownership.find((o) => o.personnummer === personnummer)!.propertyIds[0]!;
  const outer = properties.find((p) => p.id === propertyId)!.boundary.coordinates[0]![0]!;
  const e = (Math.min(...outer.map((p) => p[0]!)) + Math.max(...outer.map((p) => p[0]!))) / 2;
  const n = (Math.min(...outer.map((p) => p[1]!)) + Math.max(...outer.map((p) => p[1]!))) / 2;
  const ring = [
    [e - 4, n - 3.5],
    [e + 4, n - 3.5],
    [e + 4, n + 3.5],
    [e - 4, n + 3.5],
    [e - 4, n - 3.5],
  ];
  return { propertyId, ring };
}

async function crashUnderLoad(servers: ReturnType<typeof useServers>, env: Record<string, string>) {
  const first = await servers.start({
    env: { ...env, BANKID_START_LIMIT_PER_MINUTE: '1000', UPLOAD_LIMIT_PER_MINUTE: '1000' },
  });
  try {
    const acknowledged: Submitted[] = [];
    let attempted = 0;
    const applicants = await Promise.all(
      APPLICANTS.map(async (pnr) => ({ pnr, cookie: await apiLogin(first.baseUrl, pnr), ...(await garageOn(pnr)) })),
    );
    // Each applicant submits one application after another until the server dies under them.
    const load = applicants.map(async (a) => {
      for (let i = 0; i < 6; i++) {
        attempted += 1;
        try {
          acknowledged.push({
            cookie: a.cookie,
            diaryNumber: await submitOnce(first.baseUrl, a.cookie, a.pnr, a.propertyId, a.ring),
          });
        } catch {
          return; // the server is gone: what was not acknowledged may or may not have landed
        }
      }
    });
    const kill = (async () => {
      for (let waited = 0; acknowledged.length < 4 && waited < 60_000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      expect(await first.stop('SIGKILL')).toBeNull();
    })();
    await Promise.all([...load, kill]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(4);

    const second = await servers.start({ dataDir: first.dataDir, env });
    for (const { cookie, diaryNumber } of acknowledged) {
      const mine = (await (await fetch(`${second.baseUrl}/api/me/cases`, { headers: { cookie } })).json()) as {
        id: string;
        diaryNumber: string;
      }[];
      const found = mine.find((c) => c.diaryNumber === diaryNumber);
      expect(found, diaryNumber).toBeDefined();
      const detail = (await (
        await fetch(`${second.baseUrl}/api/me/cases/${found!.id}`, { headers: { cookie } })
      ).json()) as {
        events: { type: string }[];
        attachments: { type: string }[];
      };
      expect(detail.events.slice(0, 3).map((e) => e.type)).toEqual(['received', 'assessed', 'routed']);
      expect(detail.attachments.map((f) => f.type).sort()).toEqual(['FAS', 'PLA', 'SITU']);
    }
    // Diary numbers stay unique across the crash.
    expect(new Set(acknowledged.map((s) => s.diaryNumber)).size).toBe(acknowledged.length);
    process.stdout.write(
      `crash test (${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): ${attempted} submissions tried, ${acknowledged.length} acknowledged, ${acknowledged.length} found after the restart\n`,
    );
  } finally {
    // Now rather than after the block: the PostgreSQL round should not share the machine with these.
    await servers.stopAll();
  }
}

describe('the server killed with SIGKILL under a load of submissions', () => {
  const servers = useServers();

  it('on PGlite: every acknowledged submission is there after the restart', async () => {
    await crashUnderLoad(servers, {});
  });

  describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL', () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `lovisa_crash_${randomBytes(5).toString('hex')}`;
    afterAll(async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });

    it('every acknowledged submission is there after the restart', async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      await crashUnderLoad(servers, { DATABASE_URL: url.toString() });
    });
  });
});
