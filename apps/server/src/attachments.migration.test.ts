import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { dbKinds, type DbKind } from './test/databases';

const migrations = readMigrationFiles({ migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)) });
const SLOTS = 13; // 0013_upload_slots

interface Raw {
  exec(sql: string): Promise<unknown>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

/** An empty database of its own, migrated by hand, so that data can be put in between two migrations. */
async function rawDatabase(kind: DbKind): Promise<Raw> {
  if (kind === 'pglite') {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    return {
      exec: (s) => client.exec(s),
      rows: async (s) => (await client.query(s)).rows as never,
      close: () => client.close(),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `lovisa_mig_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    exec: (s) => client.query(s),
    rows: async (s) => (await client.query(s)).rows,
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** As Drizzle's migrator applies them: in one transaction. */
const migrate = async (db: Raw, from: number, to: number) => {
  await db.exec('BEGIN');
  for (const m of migrations.slice(from, to))
    for (const statement of m.sql) if (statement.trim()) await db.exec(statement);
  await db.exec('COMMIT');
};

const OWNER = '193502234796';
const DRAFT = '0d000000-0000-4000-8000-000000000001';
const CASE = 'ca000000-0000-4000-8000-000000000001';
const NEIGHBOUR_1 = 'ee000000-0000-4000-8000-000000000001';
const NEIGHBOUR_2 = 'ee000000-0000-4000-8000-000000000002';
const FIRST_ORDER = '2026-12-01T09:00:00.000Z';
const OPEN_ORDER = '2027-01-10T09:00:00.000Z';

describe.each(dbKinds)('migration 0013 (upload slots) on %s', (kind) => {
  let db: Raw;
  let n = 0;
  const file = (type: string, createdAt: string, where: { draft?: string; case?: string; neighbour?: string } = {}) => {
    const id = `a0000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    return db
      .exec(
        `INSERT INTO attachments (id, owner_personnummer, draft_id, case_id, type, neighbour_property_id, file_name, content_type, size, sha256, created_at)
         VALUES ('${id}', '${OWNER}', ${where.draft ? `'${where.draft}'` : 'NULL'}, ${where.case ? `'${where.case}'` : 'NULL'}, '${type}',
                 ${where.neighbour ? `'${where.neighbour}'` : 'NULL'}, '${type}-${n}.pdf', 'application/pdf', 1, 'x', '${createdAt}')`,
      )
      .then(() => id);
  };

  beforeAll(async () => {
    db = await rawDatabase(kind);
    await migrate(db, 0, SLOTS);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('keeps the newest file of each slot from uploads that raced before it, and then refuses a second one', async () => {
    // A draft whose slots raced: three site plans (one claiming a neighbour), two consents for one neighbour.
    await file('SITU', '2026-11-01T10:00:00Z', { draft: DRAFT });
    await file('SITU', '2026-11-01T10:00:01Z', { draft: DRAFT, neighbour: NEIGHBOUR_1 });
    const situ = await file('SITU', '2026-11-01T10:00:02Z', { draft: DRAFT });
    await file('GRAM', '2026-11-01T10:00:00Z', { draft: DRAFT, neighbour: NEIGHBOUR_1 });
    const gram1 = await file('GRAM', '2026-11-01T10:00:05Z', { draft: DRAFT, neighbour: NEIGHBOUR_1 });
    const gram2 = await file('GRAM', '2026-11-01T10:00:00Z', { draft: DRAFT, neighbour: NEIGHBOUR_2 });
    const others = [];
    for (let i = 0; i < 3; i++) others.push(await file('OVR', `2026-11-01T10:00:0${i}Z`, { draft: DRAFT }));

    // A case asked twice to complete: the first answer (sent) had two sections, the open one has two as well.
    await db.exec(
      `INSERT INTO cases (id, diary_number, applicant_personnummer, applicant_name, property_id, property_designation, measure, application, status, team_id, received_at, decision_deadline, completion_request)
       VALUES ('${CASE}', 'BN 2026-000001', '${OWNER}', 'Test Testsson', '${NEIGHBOUR_2}', 'Kjellstavik 1:1', 'newBuilding', '{}', 'awaitingCompletion', 'bygglov', '2026-11-20T10:00:00Z', '2027-03-01',
               '{"items":["SEK"],"text":null,"replyBy":"2027-01-31","issuedAt":"${OPEN_ORDER}"}')`,
    );
    await db.exec(
      `INSERT INTO case_events (case_id, type, at, actor) VALUES ('${CASE}', 'completionRequested', '${FIRST_ORDER}', 'Oskar'), ('${CASE}', 'completionRequested', '${OPEN_ORDER}', 'Oskar')`,
    );
    const application = await file('SEK', '2026-11-19T10:00:00Z', { case: CASE });
    const firstOld = await file('SEK', '2026-12-02T10:00:00Z', { case: CASE });
    const firstNew = await file('SEK', '2026-12-02T10:00:01Z', { case: CASE });
    await file('SEK', '2027-01-11T10:00:00Z', { case: CASE });
    const openNew = await file('SEK', '2027-01-11T10:00:01Z', { case: CASE });

    await migrate(db, SLOTS, SLOTS + 1);

    const draftFiles = await db.rows<{ id: string; type: string; neighbour_property_id: string | null }>(
      `SELECT id, type, neighbour_property_id FROM attachments WHERE draft_id = '${DRAFT}' ORDER BY id`,
    );
    expect(draftFiles.map((f) => f.id).sort()).toEqual([situ, gram1, gram2, ...others].sort());
    expect(draftFiles.find((f) => f.id === situ)!.neighbour_property_id).toBeNull();
    const caseFiles = await db.rows<{ id: string; answers_order_of: Date | string | null }>(
      `SELECT id, answers_order_of FROM attachments WHERE case_id = '${CASE}' ORDER BY created_at, id`,
    );
    const answered = Object.fromEntries(
      caseFiles.map((f) => [f.id, f.answers_order_of === null ? null : new Date(f.answers_order_of).toISOString()]),
    );
    // The application's file answers nothing; the sent answer keeps both its files on record, the newest in the
    // slot; the open answer keeps only its newest, as a new upload would have replaced the older.
    expect(answered).toEqual({ [application]: null, [firstOld]: null, [firstNew]: FIRST_ORDER, [openNew]: OPEN_ORDER });

    // From now on the database itself refuses a second file in a slot, and a neighbour outside a consent.
    await expect(file('SITU', '2026-11-02T10:00:00Z', { draft: DRAFT })).rejects.toMatchObject({ code: '23505' });
    await expect(file('GRAM', '2026-11-02T10:00:00Z', { draft: DRAFT, neighbour: NEIGHBOUR_2 })).rejects.toMatchObject({
      code: '23505',
    });
    await expect(file('PLA', '2026-11-02T10:00:00Z', { draft: DRAFT, neighbour: NEIGHBOUR_2 })).rejects.toMatchObject({
      code: '23514',
    });
    await db.exec(`UPDATE attachments SET answers_order_of = '${OPEN_ORDER}' WHERE id = '${firstOld}'`).then(
      () => expect.unreachable('a second SEK in the open answer'),
      (err: { code?: string }) => expect(err.code).toBe('23505'),
    );
    // Other documents are counted by the application, not the index: more than one is fine.
    await expect(file('OVR', '2026-11-02T10:00:00Z', { draft: DRAFT })).resolves.toBeTruthy();
  });
});
