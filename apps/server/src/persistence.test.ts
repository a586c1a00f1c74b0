import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootOn, login, submitSigned } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/** The app on a file-backed PGlite, as `npm start` runs it. */
const boot = (dataDir: string) => bootOn({ kind: 'pglite', dataDir });

describe('a restart on the embedded database', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // Two boots of a file-backed database, the first migrating it from nothing: it ran past the unit project's 30 s
  // once with the machine's load at 7–9.
  it('keeps drafts, cases and sessions', { timeout: 120_000 }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-restart-'));
    const dataDir = path.join(dir, 'nested', 'pglite'); // parents need not exist
    const first = await boot(dataDir);
    const facts = await fixtureFacts(first.registers);
    const cookie = await login(first, facts.applicantA);
    const draftId = '4c7e2f1a-9b3d-4e8f-a1c2-d3e4f5a6b7c8';
    const put = await first.app.inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie },
      payload: { data: { step: 'details', measure: 'carport' } },
    });
    expect(put.statusCode).toBe(200);
    const submitted = await submitSigned(first, cookie, applicationFor(facts.propertyA));
    await first.close();

    const second = await boot(dataDir);
    try {
      const me = await second.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie } });
      expect(me.statusCode).toBe(200); // the session survived
      expect(me.json().map((c: { diaryNumber: string }) => c.diaryNumber)).toEqual([submitted.diaryNumber]);
      const drafts = await second.app.inject({ method: 'GET', url: '/api/drafts', headers: { cookie } });
      expect(drafts.json()[0]).toMatchObject({ id: draftId, data: { step: 'details', measure: 'carport' } });
      // Numbering continues rather than restarting.
      const next = await submitSigned(second, cookie, applicationFor(facts.propertyA));
      expect(next.diaryNumber).toBe(`BN ${new Date().getFullYear()}-000002`);
    } finally {
      await second.close();
    }
  });
});
