import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { CaseDetailSchema } from '@lovisa/domain';
import { defaultFixturesDir, loadFixtureRegisters } from '@lovisa/registry';
import { buildApp } from '../app';
import { fileAttachmentStore } from '../attachments/store';
import { loadConfig } from '../config';
import { openDatabase, type DatabaseConfig } from '../db/database';
import { seedStaff } from '../db/seed';
import { dbKinds } from '../test/databases';
import { login, submitSigned } from '../test/harness';
import { applicationFor, fixtureFacts } from '../test/fixtureFacts';
import { backup, restore, type BackupTarget } from './backup';

const adminUrl = process.env.TEST_DATABASE_URL;
const admin = async (sql: string) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(sql);
  await c.end();
};

/** The server as `npm start` runs it, on the target's database and files. */
async function boot(where: DatabaseConfig, attachmentsDir: string) {
  const database = await openDatabase(where);
  const registers = await loadFixtureRegisters(defaultFixturesDir());
  await seedStaff(database.db, registers);
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' }),
    database,
    registers,
    attachmentStore: fileAttachmentStore(attachmentsDir),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, registers, close: () => app.close().then(() => database.close()) };
}

describe.each(dbKinds)('backup, wipe, restore (%s)', (kind) => {
  const dirs: string[] = [];
  const pgName = `lovisa_backup_${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
    if (kind === 'postgres') await admin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
  });

  it('keeps drafts, cases, events, sessions and files', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-backup-data-'));
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'lovisa-backup-out-')), 'backup');
    dirs.push(dataDir, path.dirname(outDir));
    const attachmentsDir = path.join(dataDir, 'attachments');
    let where: DatabaseConfig = { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') };
    if (kind === 'postgres') {
      await admin(`CREATE DATABASE ${pgName}`);
      const url = new URL(adminUrl!);
      url.pathname = `/${pgName}`;
      where = { kind: 'postgres', url: url.toString() };
    }
    const target: BackupTarget = {
      kind,
      pgliteDir: path.join(dataDir, 'pglite'),
      ...(where.kind === 'postgres' ? { databaseUrl: where.url } : {}),
      store: fileAttachmentStore(attachmentsDir),
    };

    const first = await boot(where, attachmentsDir);
    const facts = await fixtureFacts(first.registers);
    const cookie = await login(first, facts.applicantA);
    const draftId = '5d8e3f2b-0c4e-4f90-b2d3-e4f5a6b7c8d9';
    await first.app.inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie },
      payload: { data: { step: 'details', measure: 'carport' } },
    });
    const submitted = await submitSigned(first, cookie, applicationFor(facts.propertyA));
    const before = CaseDetailSchema.parse(
      (await first.app.inject({ method: 'GET', url: `/api/me/cases/${submitted.id}`, headers: { cookie } })).json(),
    );
    await first.close();

    const manifest = await backup(target, outDir);
    expect(manifest.rows).toMatchObject({ cases: 1, drafts: 1 });
    expect(manifest.rows.case_events).toBeGreaterThan(0);
    expect(manifest.files).toBeGreaterThanOrEqual(before.attachments.length);
    await expect(backup(target, outDir)).rejects.toThrow(/not empty/);

    // Wiped: the files and the database are gone.
    await rm(attachmentsDir, { recursive: true, force: true });
    if (kind === 'postgres') {
      await admin(`DROP DATABASE ${pgName} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${pgName}`);
    } else await rm(target.pgliteDir!, { recursive: true, force: true });

    await restore(target, outDir);
    // A second restore onto what is now there is refused unless forced.
    await expect(restore(target, outDir)).rejects.toThrow(/--force/);

    const second = await boot(where, attachmentsDir);
    try {
      const mine = await second.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie } });
      expect(mine.statusCode).toBe(200); // the session came back too
      expect(mine.json().map((c: { diaryNumber: string }) => c.diaryNumber)).toEqual([submitted.diaryNumber]);
      const after = CaseDetailSchema.parse(
        (await second.app.inject({ method: 'GET', url: `/api/me/cases/${submitted.id}`, headers: { cookie } })).json(),
      );
      expect(after.events).toEqual(before.events);
      expect(after.attachments).toEqual(before.attachments);
      for (const file of after.attachments) {
        const res = await second.app.inject({ method: 'GET', url: `/api/attachments/${file.id}`, headers: { cookie } });
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.length).toBe(file.size);
      }
      const drafts = await second.app.inject({ method: 'GET', url: '/api/drafts', headers: { cookie } });
      expect(drafts.json().map((d: { id: string }) => d.id)).toContain(draftId);
    } finally {
      await second.close();
    }
    expect((await readdir(outDir)).sort()).toEqual(
      ['attachments', 'manifest.json', kind === 'postgres' ? 'database.pgdump' : 'database.pglite.tar.gz'].sort(),
    );
  }, 120_000);
});
