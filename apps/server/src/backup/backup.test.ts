import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseDetailSchema } from '@lovisa/domain';
import { fileAttachmentStore } from '../attachments/store';
import type { DatabaseConfig } from '../db/database';
import { dbKinds, emptyPostgresDatabase, type EmptyPostgresDatabase } from '../test/databases';
import { bootOn, login, submitSigned } from '../test/harness';
import { applicationFor, fixtureFacts } from '../test/fixtureFacts';
import { backup, restore, type BackupTarget } from './backup';

describe.each(dbKinds)('backup, wipe, restore (%s)', (kind) => {
  const dirs: string[] = [];
  let server: EmptyPostgresDatabase | undefined;
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
    await server?.drop();
  });

  it('keeps drafts, cases, events, sessions and files', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-backup-data-'));
    const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'lovisa-backup-out-')), 'backup');
    dirs.push(dataDir, path.dirname(outDir));
    const attachmentsDir = path.join(dataDir, 'attachments');
    let where: DatabaseConfig = { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') };
    if (kind === 'postgres') {
      server = await emptyPostgresDatabase('lovisa_backup');
      where = { kind: 'postgres', url: server.url };
    }
    const target: BackupTarget = {
      kind,
      pgliteDir: path.join(dataDir, 'pglite'),
      ...(where.kind === 'postgres' ? { databaseUrl: where.url } : {}),
      store: fileAttachmentStore(attachmentsDir),
    };

    const first = await bootOn(where, { attachmentsDir });
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
    if (server) await server.reset();
    else await rm(target.pgliteDir!, { recursive: true, force: true });

    await restore(target, outDir);
    // A second restore onto what is now there is refused unless forced.
    await expect(restore(target, outDir)).rejects.toThrow(/--force/);

    const second = await bootOn(where, { attachmentsDir });
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
