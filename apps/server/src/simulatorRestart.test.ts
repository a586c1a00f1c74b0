import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFixturesDir, loadFeeSchedule, loadFixtureRegisters, loadRoutingRules } from '@lovisa/registry';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase, type DatabaseConfig } from './db/database';
import { seedStaff } from './db/seed';
import { dbKinds, emptyPostgresDatabase, type DbKind } from './test/databases';
import { login, testApp, withDrawings } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/** The whole server on `where`, as `npm start` builds it: a process that can die and start again. */
async function boot(where: DatabaseConfig) {
  const database = await openDatabase(where);
  const registers = await loadFixtureRegisters(defaultFixturesDir());
  await seedStaff(database.db, registers);
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
  config.routingRules = await loadRoutingRules(defaultFixturesDir());
  config.feeSchedule = await loadFeeSchedule(defaultFixturesDir());
  const app = await buildApp({ config, database, registers });
  await app.ready();
  return { app, registers, close: async () => (await app.close(), await database.close()) };
}

/** A database that outlives one boot: a PGlite directory, or a fresh database on the test PostgreSQL. */
async function durableDatabase(kind: DbKind): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-sim-restart-'));
    return {
      config: { kind: 'pglite', dataDir: path.join(dir, 'pglite') },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const empty = await emptyPostgresDatabase();
  return { config: { kind: 'postgres', url: empty.url, poolSize: 3 }, drop: empty.drop };
}

describe.each(dbKinds)('the built-in BankID simulator across a restart (%s)', (kind) => {
  it('collects a sign order started before the restart, and the case is made', async () => {
    const db = await durableDatabase(kind);
    try {
      const first = await boot(db.config);
      const facts = await fixtureFacts(first.registers);
      const cookie = await login(first, facts.applicantA);
      const application = await withDrawings(first, cookie, applicationFor(facts.propertyA));
      const started = await first.app.inject({
        method: 'POST',
        url: '/api/applications',
        headers: { cookie },
        payload: application,
      });
      expect(started.statusCode).toBe(202);
      const { orderRef } = started.json() as { orderRef: string };
      await first.close();

      const second = await boot(db.config);
      try {
        // The applicant's BankID app still has the order: approving and collecting carry on where they stopped.
        const pending = await second.app.inject({
          method: 'POST',
          url: '/api/applications/sign/collect',
          headers: { cookie },
          payload: { orderRef },
        });
        expect(pending.json()).toMatchObject({ status: 'pending' });
        expect((await testApp(second).approve(orderRef, facts.applicantA)).status).toBe(303);
        const collected = await second.app.inject({
          method: 'POST',
          url: '/api/applications/sign/collect',
          headers: { cookie },
          payload: { orderRef },
        });
        expect(collected.json()).toMatchObject({
          status: 'complete',
          case: { diaryNumber: expect.stringMatching(/^BN \d{4}-\d{6}$/) },
        });
        const cases = await second.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie } });
        expect(cases.json()).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);
});
