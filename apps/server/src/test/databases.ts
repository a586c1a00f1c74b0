import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';
import { PGLITE_TEMPLATE_PATH } from './globalSetup';

export type DbKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server (CI always sets it). */
export const dbKinds: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: PGlite restored from the run's migrated template (initdb once),
 * or a fresh PostgreSQL database on the test server, dropped afterwards, so parallel files never share state.
 */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dump = existsSync(PGLITE_TEMPLATE_PATH) ? new Blob([await readFile(PGLITE_TEMPLATE_PATH)]) : undefined;
    const database = await openDatabase({ kind: 'pglite', ...(dump ? { loadDataDir: dump } : {}) });
    return { database, drop: () => database.close() };
  }
  const empty = await emptyPostgresDatabase();
  const database = await openDatabase({ kind: 'postgres', url: empty.url, poolSize: 5 });
  return {
    database,
    drop: async () => {
      await database.close();
      await empty.drop();
    },
  };
}

export interface EmptyPostgresDatabase {
  url: string;
  /** Drops it and creates it again under the same name: empty, as a wiped server's database. */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

/** A database of its own on the test server (TEST_DATABASE_URL), empty: not even migrated. */
export async function emptyPostgresDatabase(prefix = 'lovisa_test'): Promise<EmptyPostgresDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  return {
    url: url.toString(),
    drop,
    reset: async () => {
      await drop();
      await admin(`CREATE DATABASE ${name}`);
    },
  };
}
